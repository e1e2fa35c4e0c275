-- Every enterprise. Its park (where it holds most land, the rule of view enterprise_parks) is worked out
-- by the evaluation from the holdings it reads anyway (domain/home-park.ts).
SELECT e.uscc, e.name, e.industry_code, e.above_scale, e.status, e.status_since::text, e.registered_on::text
FROM enterprises e
ORDER BY e.uscc
