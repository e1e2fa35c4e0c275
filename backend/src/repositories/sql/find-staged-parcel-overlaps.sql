-- Which candidate pairs of parcels really overlap, by more than $1 m² (slivers from digitising are not worth a
-- warning). The candidates are pairs whose bounding boxes meet, found by the importer with a packed R-tree
-- over the staged rows and the stored parcels near them (overlap-candidates.ts): staged positions $2 with
-- staged positions $3, and staged positions $4 with stored parcel codes $5 (stored parcels the import does not
-- replace). ST_Relate's '2********' (interiors meet in an area) drops neighbours that only share an edge
-- before any intersection is computed. Stored parcels are valid (a CHECK constraint).
SELECT a.code, b.code AS other_code, true AS other_incoming,
  ST_Area(ST_Intersection(a.geom, b.geom)::geography) AS overlap_sqm -- m² on the spheroid
FROM unnest($2::int[], $3::int[]) AS c(a, b)
JOIN import_staged a ON a.position = c.a
JOIN import_staged b ON b.position = c.b
WHERE a.valid AND b.valid AND ST_Relate(a.geom, b.geom, '2********')
  AND ST_Area(ST_Intersection(a.geom, b.geom)::geography) > $1
UNION ALL
SELECT a.code, p.code, false,
  ST_Area(ST_Intersection(a.geom, p.geom)::geography)
FROM unnest($4::int[], $5::text[]) AS c(a, code)
JOIN import_staged a ON a.position = c.a
JOIN parcels p ON p.code = c.code
WHERE a.valid AND ST_Relate(a.geom, p.geom, '2********')
  AND ST_Area(ST_Intersection(a.geom, p.geom)::geography) > $1
ORDER BY 1, 2
