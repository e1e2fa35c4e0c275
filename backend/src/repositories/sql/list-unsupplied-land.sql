-- Per park of $1 (or county $2, or all): the land inside its boundary that none of its parcels covers
-- (park boundary minus the union of its parcels), with its area (geography → m² on the spheroid).
SELECT k.code AS park_code, k.region_code,
  ST_AsGeoJSON(g.geom, 7)::json AS geometry,
  ST_Area(g.geom::geography)::float8 AS area_sqm
FROM parks k
CROSS JOIN LATERAL (
  SELECT ST_CollectionExtract(coalesce(ST_Difference(k.geom,
    (SELECT ST_Union(p.geom) FROM parcels p WHERE p.park_code = k.code)), k.geom), 3) AS geom
) g
WHERE ($1::text IS NULL OR k.code = $1::text) AND ($2::text IS NULL OR k.region_code = $2::text)
  AND NOT ST_IsEmpty(g.geom)
ORDER BY k.code
