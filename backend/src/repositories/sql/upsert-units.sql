INSERT INTO units (code, building_code, floor, area_sqm, status, tenant_uscc, lease_start_on, lease_end_on,
  rent_yuan_per_sqm_month, ceiling_height_m, floor_load_kn_per_sqm)
SELECT r.code, r.building_code, r.floor, r.area_sqm, r.status, r.tenant_uscc, r.lease_start_on,
  r.lease_end_on, r.rent_yuan_per_sqm_month, r.ceiling_height_m, r.floor_load_kn_per_sqm
FROM json_to_recordset($1::text::json) AS r(
  code text, building_code text, floor integer, area_sqm numeric, status text, tenant_uscc text,
  lease_start_on date, lease_end_on date, rent_yuan_per_sqm_month numeric, ceiling_height_m numeric,
  floor_load_kn_per_sqm numeric)
ON CONFLICT (code) DO UPDATE SET
  building_code = excluded.building_code, floor = excluded.floor, area_sqm = excluded.area_sqm,
  status = excluded.status, tenant_uscc = excluded.tenant_uscc, lease_start_on = excluded.lease_start_on,
  lease_end_on = excluded.lease_end_on, rent_yuan_per_sqm_month = excluded.rent_yuan_per_sqm_month,
  ceiling_height_m = excluded.ceiling_height_m, floor_load_kn_per_sqm = excluded.floor_load_kn_per_sqm
