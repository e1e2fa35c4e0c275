-- The staged geometries worth a word: each invalid one with PostGIS's reason and the ST_MakeValid repair
-- (polygons only) with its area, and each valid one whose area on the spheroid (m², computed when staged)
-- differs from the area its row declares by more than the share $1. Every other geometry is valid and needs
-- no answer. Positions $2 to $3 (one batch).
SELECT s.position, s.valid,
  CASE WHEN s.valid THEN NULL ELSE ST_IsValidReason(s.geom) END AS reason,
  CASE WHEN s.valid AND s.declared_sqm IS NOT NULL THEN s.area_sqm END AS area_sqm,
  CASE WHEN NOT s.valid AND NOT ST_IsEmpty(r.geom) THEN ST_AsGeoJSON(r.geom, 15) END AS repaired,
  CASE WHEN NOT s.valid AND NOT ST_IsEmpty(r.geom) THEN ST_Area(r.geom::geography) END AS repaired_area_sqm
FROM import_staged s
CROSS JOIN LATERAL (
  SELECT CASE WHEN s.valid THEN NULL ELSE ST_Multi(ST_CollectionExtract(ST_MakeValid(s.geom), 3)) END AS geom
) r
WHERE s.position BETWEEN $2 AND $3
  AND (NOT s.valid OR (s.declared_sqm IS NOT NULL AND (s.declared_sqm = 0 OR abs(s.area_sqm / s.declared_sqm - 1) > $1)))
ORDER BY s.position
