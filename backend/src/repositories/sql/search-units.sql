-- Units of standard factories and other buildings, by the bounds of the vacancy search (each inclusive,
-- null = no bound). A unit that does not state a bounded value does not match (NULL >= x is not true),
-- as in the domain's matchesVacancyFilter. $1 statuses; $2 park; $3 county.
SELECT u.code, u.building_code, b.park_code, k.region_code, u.floor, u.area_sqm::float8, u.status,
  u.tenant_uscc, u.lease_start_on::text, u.lease_end_on::text,
  u.rent_yuan_per_sqm_month::float8, u.ceiling_height_m::float8, u.floor_load_kn_per_sqm::float8,
  ST_AsGeoJSON(b.geom, 7)::json AS footprint
FROM units u
JOIN buildings b ON b.code = u.building_code
JOIN parks k ON k.code = b.park_code
WHERE u.status = ANY($1::text[])
  AND ($2::text IS NULL OR b.park_code = $2::text)
  AND ($3::text IS NULL OR k.region_code = $3::text)
  AND ($4::numeric IS NULL OR u.area_sqm >= $4::numeric)
  AND ($5::numeric IS NULL OR u.area_sqm <= $5::numeric)
  AND ($6::int IS NULL OR u.floor >= $6::int)
  AND ($7::int IS NULL OR u.floor <= $7::int)
  AND ($8::numeric IS NULL OR u.ceiling_height_m >= $8::numeric)
  AND ($9::numeric IS NULL OR u.floor_load_kn_per_sqm >= $9::numeric)
  AND ($10::numeric IS NULL OR u.rent_yuan_per_sqm_month <= $10::numeric)
ORDER BY b.park_code, u.building_code, u.floor, u.code
