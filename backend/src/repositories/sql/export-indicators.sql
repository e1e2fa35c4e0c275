-- Yearly figures (元) of the enterprises of a park ($1) or county ($2) or all, for year $3 or every year.
SELECT i.uscc, e.name AS enterprise_name, ep.park_code, i.year, i.output_yuan::float8,
  i.revenue_yuan::float8, i.value_added_yuan::float8, i.tax_yuan::float8, i.energy_tce::float8,
  i.emissions_t::float8, i.electricity_kwh::float8, i.employees, i.rd_yuan::float8
FROM indicators i
JOIN enterprises e ON e.uscc = i.uscc
LEFT JOIN enterprise_parks ep ON ep.uscc = i.uscc
LEFT JOIN parks pk ON pk.code = ep.park_code
WHERE ($1::text IS NULL OR ep.park_code = $1::text) AND ($2::text IS NULL OR pk.region_code = $2::text)
  AND ($3::int IS NULL OR i.year = $3::int)
ORDER BY i.uscc, i.year
