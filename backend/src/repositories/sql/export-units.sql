-- Units of the buildings of a park ($1) or county ($2) or all, with their tenant's name.
SELECT u.code, u.building_code, b.park_code, u.floor, u.area_sqm::float8, u.status, u.tenant_uscc,
  e.name AS tenant_name, u.lease_start_on::text, u.lease_end_on::text,
  u.rent_yuan_per_sqm_month::float8, u.ceiling_height_m::float8, u.floor_load_kn_per_sqm::float8
FROM units u
JOIN buildings b ON b.code = u.building_code
JOIN parks pk ON pk.code = b.park_code
LEFT JOIN enterprises e ON e.uscc = u.tenant_uscc
WHERE ($1::text IS NULL OR b.park_code = $1::text) AND ($2::text IS NULL OR pk.region_code = $2::text)
ORDER BY u.code
