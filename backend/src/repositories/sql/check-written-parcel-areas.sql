-- New parcels an import has just COPYed into parcels (their CHECK made sure each shape is valid) whose area
-- on the spheroid (land_area_sqm, generated from the shape) differs from the area their row declares by more
-- than the share $1: as check-staged-geometries.sql answers for staged rows. $2 the rows' positions in the
-- import, $3 their codes, $4 the areas they declare, m² (only rows that declare one).
SELECT c.position, true AS valid, NULL::text AS reason, p.land_area_sqm AS area_sqm,
  NULL::text AS repaired, NULL::float8 AS repaired_area_sqm
FROM unnest($2::int[], $3::text[], $4::float8[]) AS c(position, code, declared_sqm)
CROSS JOIN LATERAL (SELECT land_area_sqm FROM parcels p WHERE p.code = c.code LIMIT 1) p -- by code, one at a time: see find-written-parcels-outside-park.sql
WHERE c.declared_sqm = 0 OR abs(p.land_area_sqm / c.declared_sqm - 1) > $1
ORDER BY c.position
