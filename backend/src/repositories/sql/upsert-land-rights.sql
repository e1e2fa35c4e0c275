-- On a row that exists, only the fields named in $2 are written (plus the key): a single-file import
-- passes the fields its mapping maps, a bundle every field ('geometry' stands for geom and the area measured
-- from it). A new row takes every value, and the defaults where a value is missing.
INSERT INTO land_rights (uscc, parcel_code, role, leased_floor_area_sqm)
SELECT r.uscc, r.parcel_code, r.role, r.leased_floor_area_sqm
FROM json_to_recordset($1::text::json) AS r(uscc text, parcel_code text, role text, leased_floor_area_sqm numeric)
ON CONFLICT (uscc, parcel_code, role) DO UPDATE SET
  leased_floor_area_sqm = CASE WHEN 'leased_floor_area_sqm' = ANY($2::text[]) THEN excluded.leased_floor_area_sqm ELSE land_rights.leased_floor_area_sqm END
