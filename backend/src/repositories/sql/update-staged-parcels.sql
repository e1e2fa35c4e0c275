-- An import's staged parcels (create-import-staging.sql) that exist already, updated in parcels: only the
-- fields named in $1 are written (the import passes the fields its mapping maps; 'geometry' stands for geom,
-- and land_area_sqm is generated from it: migration 0013). insert-staged-parcels.sql adds the new ones. Two plain
-- statements instead of one INSERT … ON CONFLICT: the speculative insertion per row cost 5.3 s against 3.6 s
-- for 200 000 new parcels (psql, kept bench database). Positions $2 to $3 (one batch).
UPDATE parcels p SET
  park_code = CASE WHEN 'park_code' = ANY($1::text[]) THEN s.park_code ELSE p.park_code END,
  land_use = CASE WHEN 'land_use' = ANY($1::text[]) THEN s.land_use ELSE p.land_use END,
  supplied_on = CASE WHEN 'supplied_on' = ANY($1::text[]) THEN s.supplied_on ELSE p.supplied_on END,
  agreed_start_on = CASE WHEN 'agreed_start_on' = ANY($1::text[]) THEN s.agreed_start_on ELSE p.agreed_start_on END,
  agreed_completion_on = CASE WHEN 'agreed_completion_on' = ANY($1::text[]) THEN s.agreed_completion_on ELSE p.agreed_completion_on END,
  started_on = CASE WHEN 'started_on' = ANY($1::text[]) THEN s.started_on ELSE p.started_on END,
  completed_on = CASE WHEN 'completed_on' = ANY($1::text[]) THEN s.completed_on ELSE p.completed_on END,
  work_stopped_on = CASE WHEN 'work_stopped_on' = ANY($1::text[]) THEN s.work_stopped_on ELSE p.work_stopped_on END,
  developed_area_sqm = CASE WHEN 'developed_area_sqm' = ANY($1::text[]) THEN s.developed_area_sqm ELSE p.developed_area_sqm END,
  planned_investment_yuan = CASE WHEN 'planned_investment_yuan' = ANY($1::text[]) THEN s.planned_investment_yuan ELSE p.planned_investment_yuan END,
  invested_yuan = CASE WHEN 'invested_yuan' = ANY($1::text[]) THEN s.invested_yuan ELSE p.invested_yuan END,
  land_price_yuan = CASE WHEN 'land_price_yuan' = ANY($1::text[]) THEN s.land_price_yuan ELSE p.land_price_yuan END,
  idle_cause = CASE WHEN 'idle_cause' = ANY($1::text[]) THEN s.idle_cause ELSE p.idle_cause END,
  target_tax_wan_yuan_per_mu = CASE WHEN 'target_tax_wan_yuan_per_mu' = ANY($1::text[]) THEN s.target_tax_wan_yuan_per_mu ELSE p.target_tax_wan_yuan_per_mu END,
  target_investment_wan_yuan_per_mu = CASE WHEN 'target_investment_wan_yuan_per_mu' = ANY($1::text[]) THEN s.target_investment_wan_yuan_per_mu ELSE p.target_investment_wan_yuan_per_mu END,
  target_plot_ratio = CASE WHEN 'target_plot_ratio' = ANY($1::text[]) THEN s.target_plot_ratio ELSE p.target_plot_ratio END,
  illustrative = CASE WHEN 'illustrative' = ANY($1::text[]) THEN coalesce(s.illustrative, false) ELSE p.illustrative END,
  geom = CASE WHEN 'geometry' = ANY($1::text[]) THEN ST_Multi(s.geom) ELSE p.geom END
FROM import_staged s
WHERE p.code = s.code AND s.position BETWEEN $2 AND $3
