-- The tables of the park data bundle (shared/BUNDLE.md, format 1).
-- Geometry: SRID 4326 lon/lat (CGCS2000 differs by centimetres), always MultiPolygon, always valid.
-- Money in 元, areas in m², dates as date; ratios are never stored, always computed.

CREATE TABLE regions (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
  name text NOT NULL CHECK (name <> ''),
  geom geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom))
);
CREATE INDEX regions_geom_idx ON regions USING gist (geom);

CREATE TABLE parks (
  code text PRIMARY KEY CHECK (code <> ''),
  name text NOT NULL CHECK (name <> ''),
  region_code text REFERENCES regions (code),
  level text CHECK (level IN ('national', 'provincial', 'county')),
  leading_industries text[] NOT NULL DEFAULT '{}',
  approved_area_mu numeric CHECK (approved_area_mu > 0),
  illustrative boolean NOT NULL DEFAULT false,
  geom geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom))
);
CREATE INDEX parks_geom_idx ON parks USING gist (geom);

CREATE TABLE parcels (
  code text PRIMARY KEY CHECK (code <> ''),
  park_code text NOT NULL REFERENCES parks (code),
  land_use text CHECK (land_use IN ('industrial', 'warehouse', 'commercial', 'public', 'other')),
  supplied_on date,
  agreed_start_on date,
  agreed_completion_on date,
  started_on date,
  completed_on date,
  work_stopped_on date,
  developed_area_sqm numeric CHECK (developed_area_sqm >= 0),
  planned_investment_yuan numeric CHECK (planned_investment_yuan >= 0),
  invested_yuan numeric CHECK (invested_yuan >= 0),
  land_price_yuan numeric CHECK (land_price_yuan >= 0),
  idle_cause text CHECK (idle_cause IN ('enterprise', 'government')),
  target_tax_wan_yuan_per_mu numeric,
  target_investment_wan_yuan_per_mu numeric,
  target_plot_ratio numeric,
  illustrative boolean NOT NULL DEFAULT false,
  geom geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  -- geography → m² on the spheroid; on 4326 geometry ST_Area would give square degrees
  land_area_sqm double precision NOT NULL
);
CREATE INDEX parcels_geom_idx ON parcels USING gist (geom);
CREATE INDEX parcels_park_code_idx ON parcels (park_code);

CREATE TABLE buildings (
  code text PRIMARY KEY CHECK (code <> ''),
  park_code text NOT NULL REFERENCES parks (code),
  parcel_code text REFERENCES parcels (code),
  kind text NOT NULL CHECK (kind IN ('standard_factory', 'factory', 'warehouse', 'office', 'other')),
  floors integer NOT NULL CHECK (floors >= 1),
  floor_area_sqm numeric NOT NULL CHECK (floor_area_sqm > 0),
  height_m numeric CHECK (height_m > 0),
  completed_on date,
  illustrative boolean NOT NULL DEFAULT false,
  geom geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  footprint_sqm double precision NOT NULL
);
CREATE INDEX buildings_geom_idx ON buildings USING gist (geom);
CREATE INDEX buildings_park_code_idx ON buildings (park_code);
CREATE INDEX buildings_parcel_code_idx ON buildings (parcel_code);

CREATE TABLE enterprises (
  uscc text PRIMARY KEY CHECK (uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  name text NOT NULL CHECK (name <> ''),
  industry_code text,
  above_scale boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'operating' CHECK (status IN ('operating', 'half_halted', 'halted', 'closed')),
  registered_on date
);

CREATE TABLE units (
  code text PRIMARY KEY CHECK (code <> ''),
  building_code text NOT NULL REFERENCES buildings (code),
  floor integer NOT NULL,
  area_sqm numeric NOT NULL CHECK (area_sqm > 0),
  status text NOT NULL CHECK (status IN ('vacant', 'leased', 'reserved')),
  tenant_uscc text REFERENCES enterprises (uscc),
  lease_start_on date,
  lease_end_on date,
  rent_yuan_per_sqm_month numeric CHECK (rent_yuan_per_sqm_month >= 0),
  ceiling_height_m numeric CHECK (ceiling_height_m > 0),
  floor_load_kn_per_sqm numeric CHECK (floor_load_kn_per_sqm > 0),
  CHECK (lease_end_on IS NULL OR lease_start_on IS NULL OR lease_end_on >= lease_start_on)
);
CREATE INDEX units_building_code_idx ON units (building_code);
CREATE INDEX units_tenant_uscc_idx ON units (tenant_uscc);

CREATE TABLE land_rights (
  uscc text NOT NULL REFERENCES enterprises (uscc),
  parcel_code text NOT NULL REFERENCES parcels (code),
  role text NOT NULL CHECK (role IN ('owner', 'tenant')),
  leased_floor_area_sqm numeric CHECK (leased_floor_area_sqm >= 0),
  PRIMARY KEY (uscc, parcel_code, role)
);
CREATE INDEX land_rights_parcel_code_idx ON land_rights (parcel_code);

CREATE TABLE indicators (
  uscc text NOT NULL REFERENCES enterprises (uscc),
  year integer NOT NULL CHECK (year BETWEEN 1980 AND 2100),
  output_yuan numeric,
  revenue_yuan numeric,
  value_added_yuan numeric,
  tax_yuan numeric,
  energy_tce numeric CHECK (energy_tce >= 0),
  emissions_t numeric CHECK (emissions_t >= 0),
  electricity_kwh numeric CHECK (electricity_kwh >= 0),
  employees integer CHECK (employees >= 0),
  rd_yuan numeric CHECK (rd_yuan >= 0),
  PRIMARY KEY (uscc, year)
);
CREATE INDEX indicators_year_idx ON indicators (year);

-- Policy as data: weights, benchmarks, cut-offs, labels (DOMAIN.md §3), versioned by year and region.
CREATE TABLE evaluation_schemes (
  id text PRIMARY KEY,
  version integer NOT NULL DEFAULT 1,
  region_code text,
  year integer,
  body jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Where every dataset comes from, and whether it is real or illustrative ("About the data").
CREATE TABLE datasets (
  id text PRIMARY KEY,
  name text NOT NULL,
  name_en text,
  source text NOT NULL,
  licence text,
  vintage text,
  crs text,
  real boolean NOT NULL,
  note text
);

-- Every load, for the record: when, from where, how many of each.
CREATE TABLE imports (
  id serial PRIMARY KEY,
  source text NOT NULL,
  bundle_name text,
  counts jsonb NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);
