INSERT INTO land_rights (uscc, parcel_code, role, leased_floor_area_sqm)
SELECT r.uscc, r.parcel_code, r.role, r.leased_floor_area_sqm
FROM json_to_recordset($1::text::json) AS r(uscc text, parcel_code text, role text, leased_floor_area_sqm numeric)
ON CONFLICT (uscc, parcel_code, role) DO UPDATE SET leased_floor_area_sqm = excluded.leased_floor_area_sqm
