-- Each imported geometry (1-based position, lon/lat GeoJSON): valid or not with PostGIS's reason, its area
-- on the spheroid (m²), and for an invalid one the ST_MakeValid repair (polygons only) with its area.
SELECT t.ord::int AS position,
  ST_IsValid(g.geom) AS valid,
  CASE WHEN ST_IsValid(g.geom) THEN NULL ELSE ST_IsValidReason(g.geom) END AS reason,
  CASE WHEN ST_IsValid(g.geom) THEN ST_Area(g.geom::geography) END AS area_sqm,
  CASE WHEN NOT ST_IsValid(g.geom) AND NOT ST_IsEmpty(r.geom) THEN ST_AsGeoJSON(r.geom, 15) END AS repaired,
  CASE WHEN NOT ST_IsValid(g.geom) AND NOT ST_IsEmpty(r.geom) THEN ST_Area(r.geom::geography) END AS repaired_area_sqm
FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY AS t(geojson, ord)
CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_GeomFromGeoJSON(t.geojson), 4326) AS geom) g
CROSS JOIN LATERAL (
  SELECT CASE WHEN ST_IsValid(g.geom) THEN NULL ELSE ST_Multi(ST_CollectionExtract(ST_MakeValid(g.geom), 3)) END AS geom
) r
ORDER BY t.ord
