-- On a row that exists, only the fields named in $2 are written (plus the key): a single-file import
-- passes the fields its mapping maps, a bundle every field ('geometry' stands for geom and the area measured
-- from it). A new row takes every value, and the defaults where a value is missing.
INSERT INTO units (code, building_code, floor, area_sqm, status, tenant_uscc, lease_start_on, lease_end_on,
  rent_yuan_per_sqm_month, ceiling_height_m, floor_load_kn_per_sqm)
SELECT r.code, r.building_code, r.floor, r.area_sqm, r.status, r.tenant_uscc, r.lease_start_on,
  r.lease_end_on, r.rent_yuan_per_sqm_month, r.ceiling_height_m, r.floor_load_kn_per_sqm
FROM json_to_recordset($1::text::json) AS r(
  code text, building_code text, floor integer, area_sqm numeric, status text, tenant_uscc text,
  lease_start_on date, lease_end_on date, rent_yuan_per_sqm_month numeric, ceiling_height_m numeric,
  floor_load_kn_per_sqm numeric)
ON CONFLICT (code) DO UPDATE SET
  building_code = CASE WHEN 'building_code' = ANY($2::text[]) THEN excluded.building_code ELSE units.building_code END,
  floor = CASE WHEN 'floor' = ANY($2::text[]) THEN excluded.floor ELSE units.floor END,
  area_sqm = CASE WHEN 'area_sqm' = ANY($2::text[]) THEN excluded.area_sqm ELSE units.area_sqm END,
  status = CASE WHEN 'status' = ANY($2::text[]) THEN excluded.status ELSE units.status END,
  tenant_uscc = CASE WHEN 'tenant_uscc' = ANY($2::text[]) THEN excluded.tenant_uscc ELSE units.tenant_uscc END,
  lease_start_on = CASE WHEN 'lease_start_on' = ANY($2::text[]) THEN excluded.lease_start_on ELSE units.lease_start_on END,
  lease_end_on = CASE WHEN 'lease_end_on' = ANY($2::text[]) THEN excluded.lease_end_on ELSE units.lease_end_on END,
  rent_yuan_per_sqm_month = CASE WHEN 'rent_yuan_per_sqm_month' = ANY($2::text[]) THEN excluded.rent_yuan_per_sqm_month ELSE units.rent_yuan_per_sqm_month END,
  ceiling_height_m = CASE WHEN 'ceiling_height_m' = ANY($2::text[]) THEN excluded.ceiling_height_m ELSE units.ceiling_height_m END,
  floor_load_kn_per_sqm = CASE WHEN 'floor_load_kn_per_sqm' = ANY($2::text[]) THEN excluded.floor_load_kn_per_sqm ELSE units.floor_load_kn_per_sqm END
