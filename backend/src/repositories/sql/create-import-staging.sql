-- The transaction's staging table for an import into a layer with geometry (dropped at commit), filled by
-- COPY (geometry as hex EWKB, SRID 4326, which the geometry type reads without a function call). Validity
-- and the area on the spheroid (m²) are computed once, as the rows arrive, for every check that follows;
-- repair-staged-geometries.sql recomputes them with the geometry. For parcels the row's own fields are staged
-- too and written to parcels from here (update-staged-parcels.sql, insert-staged-parcels.sql); for parks and
-- buildings they stay NULL. New parcels of an import being committed skip this table while nothing is wrong
-- (they are COPYed straight into parcels: staged-checks.ts). Rows arrive and are checked (and parcels
-- written) in batches of positions, found by the position index.
CREATE TEMP TABLE import_staged (
  position int NOT NULL,
  declared_sqm float8,
  geom geometry NOT NULL,
  valid boolean GENERATED ALWAYS AS (ST_IsValid(geom)) STORED,
  area_sqm float8 GENERATED ALWAYS AS (ST_Area(geom::geography)) STORED,
  code text,
  park_code text,
  land_use text,
  supplied_on date,
  agreed_start_on date,
  agreed_completion_on date,
  started_on date,
  completed_on date,
  work_stopped_on date,
  developed_area_sqm numeric,
  planned_investment_yuan numeric,
  invested_yuan numeric,
  land_price_yuan numeric,
  idle_cause text,
  target_tax_wan_yuan_per_mu numeric,
  target_investment_wan_yuan_per_mu numeric,
  target_plot_ratio numeric,
  illustrative boolean
) ON COMMIT DROP;
CREATE INDEX import_staged_position_idx ON import_staged (position)
