-- Who holds which parcel. A leased unit makes its tenant a tenant of the building's parcel with the
-- unit's area as leased floor area (BUNDLE.md); an explicit land right for the same pair wins.
CREATE VIEW parcel_holdings AS
SELECT lr.parcel_code, lr.uscc, lr.role, lr.leased_floor_area_sqm::double precision AS leased_floor_area_sqm
FROM land_rights lr
UNION ALL
SELECT b.parcel_code, u.tenant_uscc AS uscc, 'tenant' AS role, sum(u.area_sqm)::double precision AS leased_floor_area_sqm
FROM units u
JOIN buildings b ON b.code = u.building_code
WHERE u.status = 'leased' AND u.tenant_uscc IS NOT NULL AND b.parcel_code IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM land_rights lr WHERE lr.uscc = u.tenant_uscc AND lr.parcel_code = b.parcel_code
  )
GROUP BY b.parcel_code, u.tenant_uscc;

-- Each enterprise's park: the one where it holds the most land (owned parcels count whole,
-- tenancies by leased floor area), ties broken by park code.
CREATE VIEW enterprise_parks AS
SELECT DISTINCT ON (h.uscc) h.uscc, p.park_code
FROM parcel_holdings h
JOIN parcels p ON p.code = h.parcel_code
GROUP BY h.uscc, p.park_code
ORDER BY h.uscc,
  sum(CASE WHEN h.role = 'owner' THEN p.land_area_sqm ELSE coalesce(h.leased_floor_area_sqm, 0) END) DESC,
  p.park_code;
