-- On a row that exists, only the fields named in $2 are written (plus the key): a single-file import
-- passes the fields its mapping maps, a bundle every field ('geometry' stands for geom; land_area_sqm is
-- generated from it, migration 0013). A new row takes every value, and the defaults where a value is missing.
INSERT INTO parcels (code, park_code, land_use, supplied_on, agreed_start_on, agreed_completion_on,
  started_on, completed_on, work_stopped_on, developed_area_sqm, planned_investment_yuan, invested_yuan,
  land_price_yuan, idle_cause, target_tax_wan_yuan_per_mu, target_investment_wan_yuan_per_mu,
  target_plot_ratio, illustrative, geom)
SELECT r.code, r.park_code, r.land_use, r.supplied_on, r.agreed_start_on, r.agreed_completion_on,
  r.started_on, r.completed_on, r.work_stopped_on, r.developed_area_sqm, r.planned_investment_yuan,
  r.invested_yuan, r.land_price_yuan, r.idle_cause, r.target_tax_wan_yuan_per_mu,
  r.target_investment_wan_yuan_per_mu, r.target_plot_ratio, coalesce(r.illustrative, false), g.geom
FROM json_to_recordset($1::text::json) AS r(
  code text, park_code text, land_use text, supplied_on date, agreed_start_on date,
  agreed_completion_on date, started_on date, completed_on date, work_stopped_on date,
  developed_area_sqm numeric, planned_investment_yuan numeric, invested_yuan numeric,
  land_price_yuan numeric, idle_cause text, target_tax_wan_yuan_per_mu numeric,
  target_investment_wan_yuan_per_mu numeric, target_plot_ratio numeric, illustrative boolean, geom text)
CROSS JOIN LATERAL (SELECT ST_Multi(ST_GeomFromWKB(decode(r.geom, 'base64'), 4326)) AS geom) g
ON CONFLICT (code) DO UPDATE SET
  park_code = CASE WHEN 'park_code' = ANY($2::text[]) THEN excluded.park_code ELSE parcels.park_code END,
  land_use = CASE WHEN 'land_use' = ANY($2::text[]) THEN excluded.land_use ELSE parcels.land_use END,
  supplied_on = CASE WHEN 'supplied_on' = ANY($2::text[]) THEN excluded.supplied_on ELSE parcels.supplied_on END,
  agreed_start_on = CASE WHEN 'agreed_start_on' = ANY($2::text[]) THEN excluded.agreed_start_on ELSE parcels.agreed_start_on END,
  agreed_completion_on = CASE WHEN 'agreed_completion_on' = ANY($2::text[]) THEN excluded.agreed_completion_on ELSE parcels.agreed_completion_on END,
  started_on = CASE WHEN 'started_on' = ANY($2::text[]) THEN excluded.started_on ELSE parcels.started_on END,
  completed_on = CASE WHEN 'completed_on' = ANY($2::text[]) THEN excluded.completed_on ELSE parcels.completed_on END,
  work_stopped_on = CASE WHEN 'work_stopped_on' = ANY($2::text[]) THEN excluded.work_stopped_on ELSE parcels.work_stopped_on END,
  developed_area_sqm = CASE WHEN 'developed_area_sqm' = ANY($2::text[]) THEN excluded.developed_area_sqm ELSE parcels.developed_area_sqm END,
  planned_investment_yuan = CASE WHEN 'planned_investment_yuan' = ANY($2::text[]) THEN excluded.planned_investment_yuan ELSE parcels.planned_investment_yuan END,
  invested_yuan = CASE WHEN 'invested_yuan' = ANY($2::text[]) THEN excluded.invested_yuan ELSE parcels.invested_yuan END,
  land_price_yuan = CASE WHEN 'land_price_yuan' = ANY($2::text[]) THEN excluded.land_price_yuan ELSE parcels.land_price_yuan END,
  idle_cause = CASE WHEN 'idle_cause' = ANY($2::text[]) THEN excluded.idle_cause ELSE parcels.idle_cause END,
  target_tax_wan_yuan_per_mu = CASE WHEN 'target_tax_wan_yuan_per_mu' = ANY($2::text[]) THEN excluded.target_tax_wan_yuan_per_mu ELSE parcels.target_tax_wan_yuan_per_mu END,
  target_investment_wan_yuan_per_mu = CASE WHEN 'target_investment_wan_yuan_per_mu' = ANY($2::text[]) THEN excluded.target_investment_wan_yuan_per_mu ELSE parcels.target_investment_wan_yuan_per_mu END,
  target_plot_ratio = CASE WHEN 'target_plot_ratio' = ANY($2::text[]) THEN excluded.target_plot_ratio ELSE parcels.target_plot_ratio END,
  illustrative = CASE WHEN 'illustrative' = ANY($2::text[]) THEN excluded.illustrative ELSE parcels.illustrative END,
  geom = CASE WHEN 'geometry' = ANY($2::text[]) THEN excluded.geom ELSE parcels.geom END
