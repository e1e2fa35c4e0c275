-- Land rights on the parcels of a park ($1) or county ($2) or all, as stored (not the tenancies
-- that leased units imply: those are in units).
SELECT lr.uscc, e.name AS enterprise_name, lr.parcel_code, p.park_code, lr.role,
  lr.leased_floor_area_sqm::float8
FROM land_rights lr
JOIN enterprises e ON e.uscc = lr.uscc
JOIN parcels p ON p.code = lr.parcel_code
JOIN parks pk ON pk.code = p.park_code
WHERE ($1::text IS NULL OR p.park_code = $1::text) AND ($2::text IS NULL OR pk.region_code = $2::text)
ORDER BY lr.uscc, lr.parcel_code, lr.role
