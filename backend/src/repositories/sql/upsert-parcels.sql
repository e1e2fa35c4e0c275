INSERT INTO parcels (code, park_code, land_use, supplied_on, agreed_start_on, agreed_completion_on,
  started_on, completed_on, work_stopped_on, developed_area_sqm, planned_investment_yuan, invested_yuan,
  land_price_yuan, idle_cause, target_tax_wan_yuan_per_mu, target_investment_wan_yuan_per_mu,
  target_plot_ratio, illustrative, geom, land_area_sqm)
SELECT r.code, r.park_code, r.land_use, r.supplied_on, r.agreed_start_on, r.agreed_completion_on,
  r.started_on, r.completed_on, r.work_stopped_on, r.developed_area_sqm, r.planned_investment_yuan,
  r.invested_yuan, r.land_price_yuan, r.idle_cause, r.target_tax_wan_yuan_per_mu,
  r.target_investment_wan_yuan_per_mu, r.target_plot_ratio, coalesce(r.illustrative, false), g.geom,
  ST_Area(g.geom::geography) -- m² on the spheroid
FROM json_to_recordset($1::text::json) AS r(
  code text, park_code text, land_use text, supplied_on date, agreed_start_on date,
  agreed_completion_on date, started_on date, completed_on date, work_stopped_on date,
  developed_area_sqm numeric, planned_investment_yuan numeric, invested_yuan numeric,
  land_price_yuan numeric, idle_cause text, target_tax_wan_yuan_per_mu numeric,
  target_investment_wan_yuan_per_mu numeric, target_plot_ratio numeric, illustrative boolean, geom text)
CROSS JOIN LATERAL (SELECT ST_Multi(ST_GeomFromWKB(decode(r.geom, 'base64'), 4326)) AS geom) g
ON CONFLICT (code) DO UPDATE SET
  park_code = excluded.park_code, land_use = excluded.land_use, supplied_on = excluded.supplied_on,
  agreed_start_on = excluded.agreed_start_on, agreed_completion_on = excluded.agreed_completion_on,
  started_on = excluded.started_on, completed_on = excluded.completed_on,
  work_stopped_on = excluded.work_stopped_on, developed_area_sqm = excluded.developed_area_sqm,
  planned_investment_yuan = excluded.planned_investment_yuan, invested_yuan = excluded.invested_yuan,
  land_price_yuan = excluded.land_price_yuan, idle_cause = excluded.idle_cause,
  target_tax_wan_yuan_per_mu = excluded.target_tax_wan_yuan_per_mu,
  target_investment_wan_yuan_per_mu = excluded.target_investment_wan_yuan_per_mu,
  target_plot_ratio = excluded.target_plot_ratio, illustrative = excluded.illustrative,
  geom = excluded.geom, land_area_sqm = excluded.land_area_sqm
