INSERT INTO enterprises (uscc, name, industry_code, above_scale, status, registered_on)
SELECT r.uscc, r.name, r.industry_code, coalesce(r.above_scale, false), coalesce(r.status, 'operating'), r.registered_on
FROM jsonb_to_recordset($1::text::jsonb) AS r(
  uscc text, name text, industry_code text, above_scale boolean, status text, registered_on date)
ON CONFLICT (uscc) DO UPDATE SET
  name = excluded.name, industry_code = excluded.industry_code, above_scale = excluded.above_scale,
  status = excluded.status, registered_on = excluded.registered_on
