-- Parcels of a park ($1) or county ($2) or all, as stored (money in 元, areas in m²) with their park,
-- owners and tenants (names, by code); geometry with $3 decimal places.
SELECT p.code, p.park_code, pk.name AS park_name, pk.region_code, p.land_use, p.land_area_sqm,
  p.supplied_on::text, p.agreed_start_on::text, p.agreed_completion_on::text, p.started_on::text,
  p.completed_on::text, p.work_stopped_on::text, p.developed_area_sqm::float8,
  p.planned_investment_yuan::float8, p.invested_yuan::float8, p.land_price_yuan::float8, p.idle_cause,
  p.target_tax_wan_yuan_per_mu::float8, p.target_investment_wan_yuan_per_mu::float8,
  p.target_plot_ratio::float8, p.illustrative,
  (SELECT string_agg(e.name, '、' ORDER BY e.uscc) FROM land_rights lr JOIN enterprises e ON e.uscc = lr.uscc
   WHERE lr.parcel_code = p.code AND lr.role = 'owner') AS owners,
  (SELECT string_agg(e.name, '、' ORDER BY e.uscc) FROM parcel_holdings h JOIN enterprises e ON e.uscc = h.uscc
   WHERE h.parcel_code = p.code AND h.role = 'tenant') AS tenants,
  ST_AsGeoJSON(p.geom, $3::int)::json AS geometry
FROM parcels p
JOIN parks pk ON pk.code = p.park_code
WHERE ($1::text IS NULL OR p.park_code = $1::text) AND ($2::text IS NULL OR pk.region_code = $2::text)
ORDER BY p.code
