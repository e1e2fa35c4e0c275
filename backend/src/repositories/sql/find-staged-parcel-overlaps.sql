-- Which candidate pairs of parcels really overlap, by more than $1 m² (slivers from digitising are not worth a
-- warning). The candidates are pairs whose bounding boxes meet, found by the importer with a packed R-tree
-- over the imported rows and the stored parcels near them (overlap-candidates.ts): imported positions $2 with
-- imported positions $3, and imported positions $4 with stored parcel codes $5 (stored parcels the import does
-- not replace). An imported row is in import_staged, or, when it was new and COPYed straight into parcels,
-- there under its code: $6 lists the positions in the pairs, $7 beside each the code of such a row (NULL for a
-- staged one). ST_Relate's '2********' (interiors meet in an area) drops neighbours that only share an edge
-- before any intersection is computed. Stored parcels are valid (a CHECK constraint).
WITH incoming AS MATERIALIZED (
  SELECT c.position, coalesce(s.code, p.code) AS code, coalesce(s.geom, p.geom) AS geom, coalesce(s.valid, true) AS valid
  FROM unnest($6::int[], $7::text[]) AS c(position, code)
  LEFT JOIN import_staged s ON s.position = c.position
  LEFT JOIN parcels p ON p.code = c.code
)
SELECT a.code, b.code AS other_code, true AS other_incoming,
  ST_Area(ST_Intersection(a.geom, b.geom)::geography) AS overlap_sqm -- m² on the spheroid
FROM unnest($2::int[], $3::int[]) AS c(a, b)
JOIN incoming a ON a.position = c.a
JOIN incoming b ON b.position = c.b
WHERE a.valid AND b.valid AND ST_Relate(a.geom, b.geom, '2********')
  AND ST_Area(ST_Intersection(a.geom, b.geom)::geography) > $1
UNION ALL
SELECT a.code, p.code, false,
  ST_Area(ST_Intersection(a.geom, p.geom)::geography)
FROM unnest($4::int[], $5::text[]) AS c(a, code)
JOIN incoming a ON a.position = c.a
JOIN parcels p ON p.code = c.code
WHERE a.valid AND ST_Relate(a.geom, p.geom, '2********')
  AND ST_Area(ST_Intersection(a.geom, p.geom)::geography) > $1
ORDER BY 1, 2
