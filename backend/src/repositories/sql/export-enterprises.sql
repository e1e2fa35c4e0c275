-- Enterprises whose park (where they hold the most land) is $1, or in county $2, or all (also those
-- holding no land when neither filter is given).
SELECT e.uscc, e.name, e.industry_code, e.above_scale, e.status, e.status_since::text, e.registered_on::text,
  ep.park_code, pk.region_code
FROM enterprises e
LEFT JOIN enterprise_parks ep ON ep.uscc = e.uscc
LEFT JOIN parks pk ON pk.code = ep.park_code
WHERE ($1::text IS NULL OR ep.park_code = $1::text) AND ($2::text IS NULL OR pk.region_code = $2::text)
ORDER BY e.uscc
