-- On a row that exists, only the fields named in $2 are written (plus the key): a single-file import
-- passes the fields its mapping maps, a bundle every field ('geometry' stands for geom and the area measured
-- from it). A new row takes every value, and the defaults where a value is missing.
INSERT INTO regions (code, name, geom, city_code, city_name)
SELECT r.code, r.name, ST_Multi(ST_GeomFromWKB(decode(r.geom, 'base64'), 4326)), r.city_code, r.city_name
FROM json_to_recordset($1::text::json) AS r(code text, name text, geom text, city_code text, city_name text)
ON CONFLICT (code) DO UPDATE SET
  name = CASE WHEN 'name' = ANY($2::text[]) THEN excluded.name ELSE regions.name END,
  geom = CASE WHEN 'geometry' = ANY($2::text[]) THEN excluded.geom ELSE regions.geom END,
  city_code = CASE WHEN 'city_code' = ANY($2::text[]) THEN excluded.city_code ELSE regions.city_code END,
  city_name = CASE WHEN 'city_name' = ANY($2::text[]) THEN excluded.city_name ELSE regions.city_name END
