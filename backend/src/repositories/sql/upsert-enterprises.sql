-- On a row that exists, only the fields named in $2 are written (plus the key): a single-file import
-- passes the fields its mapping maps, a bundle every field ('geometry' stands for geom and the area measured
-- from it). A new row takes every value, and the defaults where a value is missing.
INSERT INTO enterprises (uscc, name, industry_code, above_scale, status, status_since, registered_on)
SELECT r.uscc, r.name, r.industry_code, coalesce(r.above_scale, false), coalesce(r.status, 'operating'), r.status_since,
  r.registered_on
FROM json_to_recordset($1::text::json) AS r(
  uscc text, name text, industry_code text, above_scale boolean, status text, status_since date, registered_on date)
ON CONFLICT (uscc) DO UPDATE SET
  name = CASE WHEN 'name' = ANY($2::text[]) THEN excluded.name ELSE enterprises.name END,
  industry_code = CASE WHEN 'industry_code' = ANY($2::text[]) THEN excluded.industry_code ELSE enterprises.industry_code END,
  above_scale = CASE WHEN 'above_scale' = ANY($2::text[]) THEN excluded.above_scale ELSE enterprises.above_scale END,
  status = CASE WHEN 'status' = ANY($2::text[]) THEN excluded.status ELSE enterprises.status END,
  status_since = CASE WHEN 'status_since' = ANY($2::text[]) THEN excluded.status_since ELSE enterprises.status_since END,
  registered_on = CASE WHEN 'registered_on' = ANY($2::text[]) THEN excluded.registered_on ELSE enterprises.registered_on END
