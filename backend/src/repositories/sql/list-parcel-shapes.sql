-- Parcels of one park ($1) or county ($2), or all: the parcel, and the part of it no building footprint
-- covers (parcel minus footprints), with that part's area (geography → m² on the spheroid).
SELECT p.code, p.park_code, k.region_code,
  ST_AsGeoJSON(p.geom, 7)::json AS geometry,
  ST_AsGeoJSON(u.geom, 7)::json AS uncovered_geometry,
  ST_Area(u.geom::geography)::float8 AS uncovered_sqm
FROM parcels p
JOIN parks k ON k.code = p.park_code
CROSS JOIN LATERAL (
  SELECT ST_CollectionExtract(coalesce(ST_Difference(p.geom,
    (SELECT ST_Union(b.geom) FROM buildings b WHERE ST_Intersects(b.geom, p.geom))), p.geom), 3) AS geom
) u
WHERE ($1::text IS NULL OR p.park_code = $1::text) AND ($2::text IS NULL OR k.region_code = $2::text)
ORDER BY p.code
