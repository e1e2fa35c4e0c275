-- What an import staged in import_staged (create-import-staging.sql) is about to change, kept for undo: each
-- staged row that exists, as it is now (import_rows: key and before-image, geometry as hex EWKB), and the keys
-- of those it will create, as one list (import_created). The table (parks, parcels or buildings, keyed by
-- code) is put in by the repository from its fixed list, never from input. $1 import id, $2 layer, positions
-- $3 to $4 (one batch: a list of created keys per batch).
WITH updated AS (
  INSERT INTO import_rows (import_id, layer, key, before)
  SELECT $1, $2, jsonb_build_object('code', t.code), to_jsonb(t) || jsonb_build_object('geom', encode(ST_AsEWKB(t.geom), 'hex'))
  FROM import_staged s
  JOIN __TABLE__ t ON t.code = s.code
  WHERE s.position BETWEEN $3 AND $4
)
INSERT INTO import_created (import_id, layer, keys)
SELECT $1, $2, jsonb_agg(jsonb_build_object('code', s.code))
FROM import_staged s
WHERE s.position BETWEEN $3 AND $4 AND NOT EXISTS (SELECT 1 FROM __TABLE__ t WHERE t.code = s.code)
HAVING count(*) > 0
