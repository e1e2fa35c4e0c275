-- Parcels of one park ($1), county ($2) or one parcel ($3), or all: contract facts and buildings, the floor
-- area of the buildings on it (m²), each building's floors and height (for storeys counted twice), and the
-- part of the parcel that building footprints cover (geography → m² on the spheroid). Both are aggregated
-- once per parcel that has buildings and joined, rather than looked up for each of the (mostly unbuilt)
-- parcels.
WITH scoped AS (
  SELECT p.*, k.region_code
  FROM parcels p
  JOIN parks k ON k.code = p.park_code
  WHERE ($1::text IS NULL OR p.park_code = $1::text) AND ($2::text IS NULL OR k.region_code = $2::text)
    AND ($3::text IS NULL OR p.code = $3::text)
), building_facts AS (
  SELECT x.parcel_code, count(*)::int AS building_count, sum(x.floor_area_sqm)::float8 AS floor_area_sqm,
    json_agg(json_build_object('code', x.code, 'floors', x.floors, 'floorAreaSqm', x.floor_area_sqm::float8,
      'heightM', x.height_m::float8) ORDER BY x.code) AS buildings
  FROM buildings x
  JOIN scoped p ON p.code = x.parcel_code
  GROUP BY x.parcel_code
), cover AS (
  SELECT p.code, ST_Area(ST_Intersection(ST_Union(x.geom), p.geom)::geography)::float8 AS covered_sqm
  FROM scoped p
  JOIN buildings x ON ST_Intersects(x.geom, p.geom)
  GROUP BY p.code, p.geom
)
SELECT p.code, p.park_code, p.region_code, p.land_area_sqm, p.land_use,
  p.supplied_on::text, p.agreed_start_on::text, p.agreed_completion_on::text, p.started_on::text,
  p.completed_on::text, p.work_stopped_on::text, p.developed_area_sqm::float8,
  p.planned_investment_yuan::float8, p.invested_yuan::float8, p.land_price_yuan::float8, p.idle_cause,
  coalesce(b.building_count, 0) AS building_count,
  b.floor_area_sqm,
  coalesce(c.covered_sqm, 0) AS covered_sqm,
  coalesce(b.buildings, '[]'::json) AS buildings
FROM scoped p
LEFT JOIN building_facts b ON b.parcel_code = p.code
LEFT JOIN cover c ON c.code = p.code
ORDER BY p.code
