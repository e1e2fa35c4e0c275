-- Imported parcels ({code, park_code, geom}) that reach outside their park's boundary by more than $2 m².
WITH incoming AS (
  SELECT r.code, r.park_code, ST_SetSRID(ST_GeomFromGeoJSON(r.geom), 4326) AS geom
  FROM jsonb_to_recordset($1::text::jsonb) AS r(code text, park_code text, geom text)
)
SELECT i.code, i.park_code, d.outside_sqm, ST_Area(i.geom::geography) AS area_sqm -- m² on the spheroid
FROM incoming i
JOIN parks p ON p.code = i.park_code
CROSS JOIN LATERAL (SELECT ST_Area(ST_Difference(i.geom, p.geom)::geography) AS outside_sqm) d
WHERE ST_IsValid(i.geom) AND d.outside_sqm > $2
ORDER BY i.code
