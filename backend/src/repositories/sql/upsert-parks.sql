INSERT INTO parks (code, name, region_code, level, leading_industries, approved_area_mu, illustrative, geom)
SELECT r.code, r.name, r.region_code, r.level,
  ARRAY(SELECT jsonb_array_elements_text(coalesce(r.leading_industries, '[]'::jsonb))),
  r.approved_area_mu, coalesce(r.illustrative, false),
  ST_Multi(ST_GeomFromWKB(decode(r.geom, 'base64'), 4326))
FROM json_to_recordset($1::text::json) AS r(
  code text, name text, region_code text, level text, leading_industries jsonb,
  approved_area_mu numeric, illustrative boolean, geom text)
ON CONFLICT (code) DO UPDATE SET
  name = excluded.name, region_code = excluded.region_code, level = excluded.level,
  leading_industries = excluded.leading_industries, approved_area_mu = excluded.approved_area_mu,
  illustrative = excluded.illustrative, geom = excluded.geom
