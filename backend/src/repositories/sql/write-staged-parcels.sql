-- An import's parcels from the staging table (create-import-staging.sql) into parcels: the geometry parsed
-- and measured (land_area_sqm, m² on the spheroid) once, when it was staged. No ORDER BY: the codes are
-- unique (duplicates are refused before), and sorting 200 000 staged rows by position spilled to disk
-- (an external merge of ~39 MB, ~0.8 s of 3.9 s in EXPLAIN ANALYZE).
-- On a row that exists, only the fields named in $1 are written (plus the key): the import
-- passes the fields its mapping maps ('geometry' stands for geom and the area measured
-- from it). A new row takes every value, and the defaults where a value is missing.
INSERT INTO parcels (code, park_code, land_use, supplied_on, agreed_start_on, agreed_completion_on,
  started_on, completed_on, work_stopped_on, developed_area_sqm, planned_investment_yuan, invested_yuan,
  land_price_yuan, idle_cause, target_tax_wan_yuan_per_mu, target_investment_wan_yuan_per_mu,
  target_plot_ratio, illustrative, geom, land_area_sqm)
SELECT s.code, s.park_code, s.land_use, s.supplied_on, s.agreed_start_on, s.agreed_completion_on,
  s.started_on, s.completed_on, s.work_stopped_on, s.developed_area_sqm, s.planned_investment_yuan,
  s.invested_yuan, s.land_price_yuan, s.idle_cause, s.target_tax_wan_yuan_per_mu,
  s.target_investment_wan_yuan_per_mu, s.target_plot_ratio, coalesce(s.illustrative, false), ST_Multi(s.geom),
  s.area_sqm
FROM import_staged s
ON CONFLICT (code) DO UPDATE SET
  park_code = CASE WHEN 'park_code' = ANY($1::text[]) THEN excluded.park_code ELSE parcels.park_code END,
  land_use = CASE WHEN 'land_use' = ANY($1::text[]) THEN excluded.land_use ELSE parcels.land_use END,
  supplied_on = CASE WHEN 'supplied_on' = ANY($1::text[]) THEN excluded.supplied_on ELSE parcels.supplied_on END,
  agreed_start_on = CASE WHEN 'agreed_start_on' = ANY($1::text[]) THEN excluded.agreed_start_on ELSE parcels.agreed_start_on END,
  agreed_completion_on = CASE WHEN 'agreed_completion_on' = ANY($1::text[]) THEN excluded.agreed_completion_on ELSE parcels.agreed_completion_on END,
  started_on = CASE WHEN 'started_on' = ANY($1::text[]) THEN excluded.started_on ELSE parcels.started_on END,
  completed_on = CASE WHEN 'completed_on' = ANY($1::text[]) THEN excluded.completed_on ELSE parcels.completed_on END,
  work_stopped_on = CASE WHEN 'work_stopped_on' = ANY($1::text[]) THEN excluded.work_stopped_on ELSE parcels.work_stopped_on END,
  developed_area_sqm = CASE WHEN 'developed_area_sqm' = ANY($1::text[]) THEN excluded.developed_area_sqm ELSE parcels.developed_area_sqm END,
  planned_investment_yuan = CASE WHEN 'planned_investment_yuan' = ANY($1::text[]) THEN excluded.planned_investment_yuan ELSE parcels.planned_investment_yuan END,
  invested_yuan = CASE WHEN 'invested_yuan' = ANY($1::text[]) THEN excluded.invested_yuan ELSE parcels.invested_yuan END,
  land_price_yuan = CASE WHEN 'land_price_yuan' = ANY($1::text[]) THEN excluded.land_price_yuan ELSE parcels.land_price_yuan END,
  idle_cause = CASE WHEN 'idle_cause' = ANY($1::text[]) THEN excluded.idle_cause ELSE parcels.idle_cause END,
  target_tax_wan_yuan_per_mu = CASE WHEN 'target_tax_wan_yuan_per_mu' = ANY($1::text[]) THEN excluded.target_tax_wan_yuan_per_mu ELSE parcels.target_tax_wan_yuan_per_mu END,
  target_investment_wan_yuan_per_mu = CASE WHEN 'target_investment_wan_yuan_per_mu' = ANY($1::text[]) THEN excluded.target_investment_wan_yuan_per_mu ELSE parcels.target_investment_wan_yuan_per_mu END,
  target_plot_ratio = CASE WHEN 'target_plot_ratio' = ANY($1::text[]) THEN excluded.target_plot_ratio ELSE parcels.target_plot_ratio END,
  illustrative = CASE WHEN 'illustrative' = ANY($1::text[]) THEN excluded.illustrative ELSE parcels.illustrative END,
  geom = CASE WHEN 'geometry' = ANY($1::text[]) THEN excluded.geom ELSE parcels.geom END,
  land_area_sqm = CASE WHEN 'geometry' = ANY($1::text[]) THEN excluded.land_area_sqm ELSE parcels.land_area_sqm END
