-- Buildings of a park ($1) or county ($2) or all, as stored; geometry with $3 decimal places. With the floor
-- area of their units, m² (null without units): lettable = leased + reserved + vacant (status vacant only);
-- occupancy = leased ÷ lettable.
SELECT b.code, b.park_code, b.parcel_code, b.kind, b.floors, b.floor_area_sqm::float8, b.footprint_sqm,
  b.height_m::float8, b.completed_on::text, b.illustrative,
  u.lettable_sqm, u.leased_sqm, u.reserved_sqm, u.vacant_sqm,
  u.leased_sqm / nullif(u.lettable_sqm, 0) AS occupancy_rate,
  ST_AsGeoJSON(b.geom, $3::int)::json AS geometry
FROM buildings b
JOIN parks pk ON pk.code = b.park_code
LEFT JOIN (
  SELECT building_code,
    sum(area_sqm)::float8 AS lettable_sqm,
    coalesce(sum(area_sqm) FILTER (WHERE status = 'leased'), 0)::float8 AS leased_sqm,
    coalesce(sum(area_sqm) FILTER (WHERE status = 'reserved'), 0)::float8 AS reserved_sqm,
    coalesce(sum(area_sqm) FILTER (WHERE status = 'vacant'), 0)::float8 AS vacant_sqm
  FROM units
  GROUP BY building_code
) u ON u.building_code = b.code
WHERE ($1::text IS NULL OR b.park_code = $1::text) AND ($2::text IS NULL OR pk.region_code = $2::text)
ORDER BY b.code
