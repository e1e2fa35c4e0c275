-- The rows an import created are kept as lists of keys (a list per batch of rows written) instead of a row
-- each in import_rows with a NULL before-image: at 200 000 new parcels the row each (two btree indexes on
-- jsonb keys, a foreign key check per row) cost ~2.4 s of the import; undo deletes the listed rows.
-- import_rows keeps the rows an import updated, with their before-image, which is now never NULL.
CREATE TABLE import_created (
  import_id integer NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  layer text NOT NULL,
  -- the created rows' keys, a JSON array like [{"code": "…"}, …] (the key columns of the layer: shared/BUNDLE.md)
  keys jsonb NOT NULL CHECK (jsonb_typeof(keys) = 'array')
);
CREATE INDEX import_created_import_idx ON import_created (import_id);

INSERT INTO import_created (import_id, layer, keys)
SELECT import_id, layer, jsonb_agg(key)
FROM import_rows
WHERE before IS NULL
GROUP BY import_id, layer;

DELETE FROM import_rows WHERE before IS NULL;
ALTER TABLE import_rows ALTER COLUMN before SET NOT NULL;
