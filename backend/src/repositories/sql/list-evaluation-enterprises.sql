-- Every enterprise with its park (where it holds most land, view enterprise_parks) and that park's county.
SELECT e.uscc, e.name, e.industry_code, e.above_scale, e.status, e.status_since::text, e.registered_on::text,
  ep.park_code, k.region_code
FROM enterprises e
LEFT JOIN enterprise_parks ep ON ep.uscc = e.uscc
LEFT JOIN parks k ON k.code = ep.park_code
ORDER BY e.uscc
