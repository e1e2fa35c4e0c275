-- Buildings of a park ($1) or county ($2) or all, as stored; geometry with $3 decimal places.
SELECT b.code, b.park_code, b.parcel_code, b.kind, b.floors, b.floor_area_sqm::float8, b.footprint_sqm,
  b.height_m::float8, b.completed_on::text, b.illustrative,
  ST_AsGeoJSON(b.geom, $3::int)::json AS geometry
FROM buildings b
JOIN parks pk ON pk.code = b.park_code
WHERE ($1::text IS NULL OR b.park_code = $1::text) AND ($2::text IS NULL OR pk.region_code = $2::text)
ORDER BY b.code
