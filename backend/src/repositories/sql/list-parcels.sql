-- Parcels of one park ($1) or one parcel ($2), with their holders.
SELECT p.code, p.park_code, p.land_use, p.land_area_sqm, p.illustrative,
  p.supplied_on::text, p.agreed_start_on::text, p.agreed_completion_on::text, p.started_on::text,
  p.completed_on::text, p.work_stopped_on::text, p.developed_area_sqm::float8,
  p.planned_investment_yuan::float8, p.invested_yuan::float8, p.land_price_yuan::float8, p.idle_cause,
  p.target_tax_wan_yuan_per_mu::float8, p.target_investment_wan_yuan_per_mu::float8,
  p.target_plot_ratio::float8,
  ST_AsGeoJSON(p.geom, 7)::json AS geometry,
  coalesce((
    SELECT json_agg(json_build_object('uscc', h.uscc, 'name', e.name, 'role', h.role,
      'leasedFloorAreaSqm', h.leased_floor_area_sqm) ORDER BY h.role, h.uscc)
    FROM parcel_holdings h JOIN enterprises e ON e.uscc = h.uscc
    WHERE h.parcel_code = p.code), '[]'::json) AS holders,
  coalesce((SELECT json_agg(b.code ORDER BY b.code) FROM buildings b WHERE b.parcel_code = p.code), '[]'::json) AS building_codes
FROM parcels p
WHERE ($1::text IS NULL OR p.park_code = $1::text) AND ($2::text IS NULL OR p.code = $2::text)
ORDER BY p.code
