-- Every parcel with its county and what the evaluation reads of it: its area, the contract's completion
-- dates (the construction period) and the floor area of the buildings on it (m², for apportioning land
-- among tenants), named as the domain's ParcelLand. Building cover and the idle-land facts are read per
-- park or county where they are needed (list-parcel-facts.sql), not for the whole province.
WITH floor_areas AS (
  SELECT x.parcel_code, sum(x.floor_area_sqm)::float8 AS floor_area_sqm
  FROM buildings x
  WHERE x.parcel_code IS NOT NULL
  GROUP BY x.parcel_code
)
SELECT p.code, p.park_code AS "parkCode", k.region_code AS "regionCode", p.land_area_sqm AS "landAreaSqm",
  p.agreed_completion_on::text AS "agreedCompletionOn", p.completed_on::text AS "completedOn",
  f.floor_area_sqm AS "floorAreaSqm"
FROM parcels p
JOIN parks k ON k.code = p.park_code
LEFT JOIN floor_areas f ON f.parcel_code = p.code
ORDER BY p.code
