SELECT u.code, u.building_code, u.floor, u.area_sqm::float8, u.status, u.tenant_uscc, e.name AS tenant_name,
  u.lease_start_on::text, u.lease_end_on::text, u.rent_yuan_per_sqm_month::float8,
  u.ceiling_height_m::float8, u.floor_load_kn_per_sqm::float8
FROM units u
LEFT JOIN enterprises e ON e.uscc = u.tenant_uscc
WHERE u.building_code = $1::text
ORDER BY u.floor, u.code
