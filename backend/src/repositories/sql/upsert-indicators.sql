-- On a row that exists, only the fields named in $2 are written (plus the key): a single-file import
-- passes the fields its mapping maps, a bundle every field ('geometry' stands for geom and the area measured
-- from it). A new row takes every value, and the defaults where a value is missing.
INSERT INTO indicators (uscc, year, output_yuan, revenue_yuan, value_added_yuan, tax_yuan, energy_tce,
  emissions_t, electricity_kwh, employees, rd_yuan)
SELECT r.uscc, r.year, r.output_yuan, r.revenue_yuan, r.value_added_yuan, r.tax_yuan, r.energy_tce,
  r.emissions_t, r.electricity_kwh, r.employees, r.rd_yuan
FROM json_to_recordset($1::text::json) AS r(
  uscc text, year integer, output_yuan numeric, revenue_yuan numeric, value_added_yuan numeric,
  tax_yuan numeric, energy_tce numeric, emissions_t numeric, electricity_kwh numeric, employees integer,
  rd_yuan numeric)
ON CONFLICT (uscc, year) DO UPDATE SET
  output_yuan = CASE WHEN 'output_yuan' = ANY($2::text[]) THEN excluded.output_yuan ELSE indicators.output_yuan END,
  revenue_yuan = CASE WHEN 'revenue_yuan' = ANY($2::text[]) THEN excluded.revenue_yuan ELSE indicators.revenue_yuan END,
  value_added_yuan = CASE WHEN 'value_added_yuan' = ANY($2::text[]) THEN excluded.value_added_yuan ELSE indicators.value_added_yuan END,
  tax_yuan = CASE WHEN 'tax_yuan' = ANY($2::text[]) THEN excluded.tax_yuan ELSE indicators.tax_yuan END,
  energy_tce = CASE WHEN 'energy_tce' = ANY($2::text[]) THEN excluded.energy_tce ELSE indicators.energy_tce END,
  emissions_t = CASE WHEN 'emissions_t' = ANY($2::text[]) THEN excluded.emissions_t ELSE indicators.emissions_t END,
  electricity_kwh = CASE WHEN 'electricity_kwh' = ANY($2::text[]) THEN excluded.electricity_kwh ELSE indicators.electricity_kwh END,
  employees = CASE WHEN 'employees' = ANY($2::text[]) THEN excluded.employees ELSE indicators.employees END,
  rd_yuan = CASE WHEN 'rd_yuan' = ANY($2::text[]) THEN excluded.rd_yuan ELSE indicators.rd_yuan END
