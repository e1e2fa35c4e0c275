-- Single-file imports (Shapefile, GeoPackage, KML, GeoJSON, CSV, XLSX into one layer): what each one was,
-- the rows it touched with their state before it (so it can be undone), and the column mappings people chose.
ALTER TABLE imports
  ADD COLUMN layer text CHECK (layer IN ('parks', 'parcels', 'buildings', 'units', 'enterprises', 'land_rights', 'indicators')),
  ADD COLUMN format text,
  ADD COLUMN crs text,
  ADD COLUMN status text NOT NULL DEFAULT 'committed' CHECK (status IN ('committed', 'undone')),
  ADD COLUMN undone_at timestamptz;

-- One row per record an import wrote: its key (e.g. {"code": "…"}) and the whole row before the import
-- (to_jsonb, geometry as hex EWKB), or NULL when the import created it.
CREATE TABLE import_rows (
  import_id integer NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  layer text NOT NULL,
  key jsonb NOT NULL,
  before jsonb,
  PRIMARY KEY (import_id, layer, key)
);
CREATE INDEX import_rows_layer_key_idx ON import_rows (layer, key);

-- The mapping of source columns to bundle fields last used for a layer and a set of columns
-- (signature: sha-256 of the sorted header names), offered again next time.
CREATE TABLE import_mappings (
  layer text NOT NULL,
  signature text NOT NULL,
  columns text[] NOT NULL,
  mapping jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (layer, signature)
);
