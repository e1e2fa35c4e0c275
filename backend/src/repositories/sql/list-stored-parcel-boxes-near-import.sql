-- The bounding boxes (lon/lat) of the stored parcels that meet the box $1..$4 (west, south, east, north) of an
-- import's parcels and that the import does not replace or create: the stored half of the overlap candidates.
-- Rows it staged are found in import_staged; new rows it COPYed straight into parcels are in its created
-- lists ($5, the import's id; NULL for a dry run, which creates nothing).
WITH created AS (
  SELECT k.key->>'code' AS code
  FROM import_created c CROSS JOIN LATERAL jsonb_array_elements(c.keys) AS k(key)
  WHERE c.import_id = $5::int AND c.layer = 'parcels'
)
SELECT p.code, ST_XMin(p.geom) AS west, ST_YMin(p.geom) AS south, ST_XMax(p.geom) AS east, ST_YMax(p.geom) AS north
FROM parcels p
WHERE p.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326)
  AND NOT EXISTS (SELECT 1 FROM import_staged s WHERE s.code = p.code)
  AND NOT EXISTS (SELECT 1 FROM created WHERE created.code = p.code)
