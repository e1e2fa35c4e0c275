-- Every enterprise. Its park (where it holds most land, the rule of view enterprise_parks) and that park's
-- county are worked out by the evaluation from the holdings it reads anyway (domain/home-park.ts); the two
-- columns come back null, to be filled in place rather than copied into 100 000 new rows.
SELECT e.uscc, e.name, e.industry_code, e.above_scale, e.status, e.status_since::text, e.registered_on::text,
  NULL::text AS park_code, NULL::text AS region_code
FROM enterprises e
ORDER BY e.uscc
