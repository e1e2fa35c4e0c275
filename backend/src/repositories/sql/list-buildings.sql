-- Buildings of one park ($1), with the floor area of their units, m²: lettable (every unit) = leased +
-- reserved (promised, not offered) + vacant (status vacant only, offered to investors).
SELECT b.code, b.park_code, b.parcel_code, b.kind, b.floors, b.floor_area_sqm::float8, b.height_m::float8,
  b.completed_on::text, b.footprint_sqm, b.illustrative,
  ST_AsGeoJSON(b.geom, 7)::json AS geometry,
  count(u.code)::int AS unit_count,
  coalesce(sum(u.area_sqm), 0)::float8 AS lettable_sqm,
  coalesce(sum(u.area_sqm) FILTER (WHERE u.status = 'leased'), 0)::float8 AS leased_sqm,
  coalesce(sum(u.area_sqm) FILTER (WHERE u.status = 'reserved'), 0)::float8 AS reserved_sqm,
  coalesce(sum(u.area_sqm) FILTER (WHERE u.status = 'vacant'), 0)::float8 AS vacant_sqm
FROM buildings b
LEFT JOIN units u ON u.building_code = b.code
WHERE b.park_code = $1::text
GROUP BY b.code
ORDER BY b.code
