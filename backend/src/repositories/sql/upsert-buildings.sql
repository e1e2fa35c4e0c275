-- On a row that exists, only the fields named in $2 are written (plus the key): a single-file import
-- passes the fields its mapping maps, a bundle every field ('geometry' stands for geom and the area measured
-- from it). A new row takes every value, and the defaults where a value is missing.
INSERT INTO buildings (code, park_code, parcel_code, kind, floors, floor_area_sqm, height_m, completed_on,
  illustrative, geom, footprint_sqm)
SELECT r.code, r.park_code, r.parcel_code, r.kind, r.floors, r.floor_area_sqm, r.height_m, r.completed_on,
  coalesce(r.illustrative, false), g.geom, ST_Area(g.geom::geography) -- m² on the spheroid
FROM json_to_recordset($1::text::json) AS r(
  code text, park_code text, parcel_code text, kind text, floors integer, floor_area_sqm numeric,
  height_m numeric, completed_on date, illustrative boolean, geom text)
CROSS JOIN LATERAL (SELECT ST_Multi(ST_GeomFromWKB(decode(r.geom, 'base64'), 4326)) AS geom) g
ON CONFLICT (code) DO UPDATE SET
  park_code = CASE WHEN 'park_code' = ANY($2::text[]) THEN excluded.park_code ELSE buildings.park_code END,
  parcel_code = CASE WHEN 'parcel_code' = ANY($2::text[]) THEN excluded.parcel_code ELSE buildings.parcel_code END,
  kind = CASE WHEN 'kind' = ANY($2::text[]) THEN excluded.kind ELSE buildings.kind END,
  floors = CASE WHEN 'floors' = ANY($2::text[]) THEN excluded.floors ELSE buildings.floors END,
  floor_area_sqm = CASE WHEN 'floor_area_sqm' = ANY($2::text[]) THEN excluded.floor_area_sqm ELSE buildings.floor_area_sqm END,
  height_m = CASE WHEN 'height_m' = ANY($2::text[]) THEN excluded.height_m ELSE buildings.height_m END,
  completed_on = CASE WHEN 'completed_on' = ANY($2::text[]) THEN excluded.completed_on ELSE buildings.completed_on END,
  illustrative = CASE WHEN 'illustrative' = ANY($2::text[]) THEN excluded.illustrative ELSE buildings.illustrative END,
  geom = CASE WHEN 'geometry' = ANY($2::text[]) THEN excluded.geom ELSE buildings.geom END,
  footprint_sqm = CASE WHEN 'geometry' = ANY($2::text[]) THEN excluded.footprint_sqm ELSE buildings.footprint_sqm END
