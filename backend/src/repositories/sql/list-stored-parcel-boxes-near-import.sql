-- The bounding boxes (lon/lat) of the stored parcels that meet the box $1..$4 (west, south, east, north) of an
-- import's staged parcels and that the import does not replace: the stored half of the overlap candidates.
SELECT p.code, ST_XMin(p.geom) AS west, ST_YMin(p.geom) AS south, ST_XMax(p.geom) AS east, ST_YMax(p.geom) AS north
FROM parcels p
WHERE p.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326)
  AND NOT EXISTS (SELECT 1 FROM import_staged s WHERE s.code = p.code)
