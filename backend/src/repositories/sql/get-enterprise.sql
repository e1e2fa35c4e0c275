SELECT e.uscc, e.name, e.industry_code, e.above_scale, e.status, e.status_since::text, e.registered_on::text,
  ep.park_code,
  coalesce((
    SELECT json_agg(json_build_object('parcelCode', h.parcel_code, 'role', h.role,
      'leasedFloorAreaSqm', h.leased_floor_area_sqm, 'parcelLandAreaSqm', p.land_area_sqm) ORDER BY h.parcel_code)
    FROM parcel_holdings h JOIN parcels p ON p.code = h.parcel_code WHERE h.uscc = e.uscc), '[]'::json) AS holdings,
  coalesce((
    SELECT json_agg(json_build_object('year', i.year, 'outputYuan', i.output_yuan::float8,
      'revenueYuan', i.revenue_yuan::float8, 'valueAddedYuan', i.value_added_yuan::float8,
      'taxYuan', i.tax_yuan::float8, 'energyTce', i.energy_tce::float8, 'emissionsT', i.emissions_t::float8,
      'electricityKwh', i.electricity_kwh::float8, 'employees', i.employees, 'rdYuan', i.rd_yuan::float8)
      ORDER BY i.year)
    FROM indicators i WHERE i.uscc = e.uscc), '[]'::json) AS indicators
FROM enterprises e
LEFT JOIN enterprise_parks ep ON ep.uscc = e.uscc
WHERE e.uscc = $1::text
