INSERT INTO enterprises (uscc, name, industry_code, above_scale, status, status_since, registered_on)
SELECT r.uscc, r.name, r.industry_code, coalesce(r.above_scale, false), coalesce(r.status, 'operating'), r.status_since,
  r.registered_on
FROM json_to_recordset($1::text::json) AS r(
  uscc text, name text, industry_code text, above_scale boolean, status text, status_since date, registered_on date)
ON CONFLICT (uscc) DO UPDATE SET
  name = excluded.name, industry_code = excluded.industry_code, above_scale = excluded.above_scale,
  status = excluded.status, status_since = excluded.status_since, registered_on = excluded.registered_on
