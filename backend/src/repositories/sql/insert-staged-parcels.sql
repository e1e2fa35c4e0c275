-- An import's staged parcels (create-import-staging.sql) that are new, into parcels with every value (the
-- defaults where one is missing; land_area_sqm is generated from the shape: migration 0013). No ORDER BY: the codes are unique (duplicates are refused before), and sorting
-- 200 000 staged rows by position spilled to disk (~0.8 s of 3.9 s in EXPLAIN ANALYZE). Positions $1 to $2
-- (one batch).
INSERT INTO parcels (code, park_code, land_use, supplied_on, agreed_start_on, agreed_completion_on,
  started_on, completed_on, work_stopped_on, developed_area_sqm, planned_investment_yuan, invested_yuan,
  land_price_yuan, idle_cause, target_tax_wan_yuan_per_mu, target_investment_wan_yuan_per_mu,
  target_plot_ratio, illustrative, geom)
SELECT s.code, s.park_code, s.land_use, s.supplied_on, s.agreed_start_on, s.agreed_completion_on,
  s.started_on, s.completed_on, s.work_stopped_on, s.developed_area_sqm, s.planned_investment_yuan,
  s.invested_yuan, s.land_price_yuan, s.idle_cause, s.target_tax_wan_yuan_per_mu,
  s.target_investment_wan_yuan_per_mu, s.target_plot_ratio, coalesce(s.illustrative, false), ST_Multi(s.geom)
FROM import_staged s
WHERE s.position BETWEEN $1 AND $2 AND NOT EXISTS (SELECT 1 FROM parcels p WHERE p.code = s.code)
