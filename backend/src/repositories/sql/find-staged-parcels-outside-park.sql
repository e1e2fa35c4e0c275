-- Staged parcels that reach outside their park's boundary by more than $1 m². A parcel the park covers
-- (ST_CoveredBy, with the park prepared once for its parcels) needs no difference computed.
SELECT i.code, i.park_code, d.outside_sqm, i.area_sqm -- m² on the spheroid, computed when staged
FROM import_staged i
JOIN parks p ON p.code = i.park_code
CROSS JOIN LATERAL (
  SELECT CASE WHEN ST_CoveredBy(i.geom, p.geom) THEN 0 ELSE ST_Area(ST_Difference(i.geom, p.geom)::geography) END AS outside_sqm
) d
WHERE i.valid AND d.outside_sqm > $1
ORDER BY i.code
