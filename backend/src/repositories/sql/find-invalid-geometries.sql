-- Positions (1-based, in the order given) of geometries PostGIS finds invalid, with its reason.
SELECT t.ord::int AS position, ST_IsValidReason(g.geom) AS reason
FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY AS t(geojson, ord)
CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_GeomFromGeoJSON(t.geojson), 4326) AS geom) g
WHERE NOT ST_IsValid(g.geom)
ORDER BY t.ord
