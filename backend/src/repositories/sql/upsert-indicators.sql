INSERT INTO indicators (uscc, year, output_yuan, revenue_yuan, value_added_yuan, tax_yuan, energy_tce,
  emissions_t, electricity_kwh, employees, rd_yuan)
SELECT r.uscc, r.year, r.output_yuan, r.revenue_yuan, r.value_added_yuan, r.tax_yuan, r.energy_tce,
  r.emissions_t, r.electricity_kwh, r.employees, r.rd_yuan
FROM json_to_recordset($1::text::json) AS r(
  uscc text, year integer, output_yuan numeric, revenue_yuan numeric, value_added_yuan numeric,
  tax_yuan numeric, energy_tce numeric, emissions_t numeric, electricity_kwh numeric, employees integer,
  rd_yuan numeric)
ON CONFLICT (uscc, year) DO UPDATE SET
  output_yuan = excluded.output_yuan, revenue_yuan = excluded.revenue_yuan,
  value_added_yuan = excluded.value_added_yuan, tax_yuan = excluded.tax_yuan,
  energy_tce = excluded.energy_tce, emissions_t = excluded.emissions_t,
  electricity_kwh = excluded.electricity_kwh, employees = excluded.employees, rd_yuan = excluded.rd_yuan
