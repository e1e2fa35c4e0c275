-- On a row that exists, only the fields named in $2 are written (plus the key): a single-file import
-- passes the fields its mapping maps, a bundle every field ('geometry' stands for geom and the area measured
-- from it). A new row takes every value, and the defaults where a value is missing.
INSERT INTO parks (code, name, region_code, level, leading_industries, approved_area_mu, illustrative, geom)
SELECT r.code, r.name, r.region_code, r.level,
  ARRAY(SELECT jsonb_array_elements_text(coalesce(r.leading_industries, '[]'::jsonb))),
  r.approved_area_mu, coalesce(r.illustrative, false),
  ST_Multi(ST_GeomFromWKB(decode(r.geom, 'base64'), 4326))
FROM json_to_recordset($1::text::json) AS r(
  code text, name text, region_code text, level text, leading_industries jsonb,
  approved_area_mu numeric, illustrative boolean, geom text)
ON CONFLICT (code) DO UPDATE SET
  name = CASE WHEN 'name' = ANY($2::text[]) THEN excluded.name ELSE parks.name END,
  region_code = CASE WHEN 'region_code' = ANY($2::text[]) THEN excluded.region_code ELSE parks.region_code END,
  level = CASE WHEN 'level' = ANY($2::text[]) THEN excluded.level ELSE parks.level END,
  leading_industries = CASE WHEN 'leading_industries' = ANY($2::text[]) THEN excluded.leading_industries ELSE parks.leading_industries END,
  approved_area_mu = CASE WHEN 'approved_area_mu' = ANY($2::text[]) THEN excluded.approved_area_mu ELSE parks.approved_area_mu END,
  illustrative = CASE WHEN 'illustrative' = ANY($2::text[]) THEN excluded.illustrative ELSE parks.illustrative END,
  geom = CASE WHEN 'geometry' = ANY($2::text[]) THEN excluded.geom ELSE parks.geom END
