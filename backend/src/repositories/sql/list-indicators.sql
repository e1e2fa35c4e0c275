-- Raw figures of the years in $1, named as the domain's RawFigures (元, tce, t, kWh, persons).
SELECT uscc, year, output_yuan::float8 AS "outputYuan", revenue_yuan::float8 AS "revenueYuan",
  value_added_yuan::float8 AS "valueAddedYuan", tax_yuan::float8 AS "taxYuan", energy_tce::float8 AS "energyTce",
  emissions_t::float8 AS "emissionsT", electricity_kwh::float8 AS "electricityKwh", employees,
  rd_yuan::float8 AS "rdYuan"
FROM indicators
WHERE year = ANY($1::int[])
ORDER BY uscc, year
