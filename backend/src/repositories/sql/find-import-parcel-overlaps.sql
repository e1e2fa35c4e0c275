-- Imported parcels ({code, geom} lon/lat GeoJSON) that overlap each other or a stored parcel the import does
-- not replace, by more than $2 m² (slivers from digitising are not worth a warning).
WITH incoming AS (
  SELECT r.code, ST_SetSRID(ST_GeomFromGeoJSON(r.geom), 4326) AS geom
  FROM jsonb_to_recordset($1::text::jsonb) AS r(code text, geom text)
),
others AS (
  SELECT code, geom, true AS incoming FROM incoming
  UNION ALL
  SELECT p.code, p.geom, false FROM parcels p WHERE p.code NOT IN (SELECT code FROM incoming)
)
SELECT a.code, o.code AS other_code, o.incoming AS other_incoming,
  ST_Area(ST_Intersection(a.geom, o.geom)::geography) AS overlap_sqm -- m² on the spheroid
FROM incoming a
JOIN others o ON o.code <> a.code AND (NOT o.incoming OR a.code < o.code) AND ST_Intersects(a.geom, o.geom)
WHERE ST_IsValid(a.geom) AND ST_IsValid(o.geom)
  AND ST_Area(ST_Intersection(a.geom, o.geom)::geography) > $2
ORDER BY a.code, o.code
