-- Staged parcels that overlap each other or a stored parcel the import does not replace, by more than $1 m²
-- (slivers from digitising are not worth a warning). Pairs are found through the GiST indexes (the staging
-- table's and parcels_geom_idx); ST_Relate's '2********' (interiors meet in an area) drops neighbours that
-- only share an edge before any intersection is computed. Stored parcels are valid (a CHECK constraint).
SELECT a.code, b.code AS other_code, true AS other_incoming,
  ST_Area(ST_Intersection(a.geom, b.geom)::geography) AS overlap_sqm -- m² on the spheroid
FROM import_staged a
JOIN import_staged b ON a.code < b.code AND ST_Intersects(a.geom, b.geom)
WHERE a.valid AND b.valid AND ST_Relate(a.geom, b.geom, '2********')
  AND ST_Area(ST_Intersection(a.geom, b.geom)::geography) > $1
UNION ALL
SELECT a.code, p.code, false,
  ST_Area(ST_Intersection(a.geom, p.geom)::geography)
FROM import_staged a
JOIN parcels p ON ST_Intersects(a.geom, p.geom)
WHERE a.valid AND NOT EXISTS (SELECT 1 FROM import_staged s WHERE s.code = p.code)
  AND ST_Relate(a.geom, p.geom, '2********')
  AND ST_Area(ST_Intersection(a.geom, p.geom)::geography) > $1
ORDER BY 1, 2
