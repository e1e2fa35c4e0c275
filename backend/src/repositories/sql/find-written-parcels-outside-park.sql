-- New parcels an import has just COPYed into parcels (codes $2) that reach outside their park's boundary by
-- more than $1 m²: as find-staged-parcels-outside-park.sql answers for staged rows (the park first in
-- ST_Covers, so PostGIS prepares it once for its parcels). Each row is looked up by its code, one at a time
-- (LIMIT 1 keeps the lookup a subquery): the table's statistics are stale while an import fills it, and the
-- planner then chose to test ST_Covers on every parcel stored, or to hash the whole table, for each batch
-- (150 ms, then 30–130 ms a batch at 100 000 parcels, growing with the table).
SELECT i.code, i.park_code, d.outside_sqm, i.land_area_sqm AS area_sqm
FROM unnest($2::text[]) AS c(code)
CROSS JOIN LATERAL (SELECT * FROM parcels i WHERE i.code = c.code LIMIT 1) i
JOIN parks p ON p.code = i.park_code
CROSS JOIN LATERAL (
  SELECT CASE WHEN ST_Covers(p.geom, i.geom) THEN 0 ELSE ST_Area(ST_Difference(i.geom, p.geom)::geography) END AS outside_sqm
) d
WHERE d.outside_sqm > $1
ORDER BY i.code
