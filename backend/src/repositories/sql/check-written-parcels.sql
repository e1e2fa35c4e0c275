-- New parcels an import has just COPYed into parcels (their CHECK made sure each shape is valid) that are worth
-- a word, as the staged checks answer for staged rows (check-staged-geometries.sql,
-- find-staged-parcels-outside-park.sql): those whose area on the spheroid (land_area_sqm, generated from the
-- shape) differs from the area their row declares by more than the share $2, and those that reach outside
-- their park's boundary by more than $1 m² (the park first in ST_Covers: PostGIS prepares it once for its
-- parcels). $3 the rows' positions in the import and $5 the areas they declare, m² (NULL: none), as array text;
-- $4 their codes, the JSON text save-created-keys.sql takes ([{"code": "…"}, …]), in the same order.
-- Each row is looked up by its code, one at a time (LIMIT 1 keeps the lookup a subquery): the table's
-- statistics are stale while an import fills it, and the planner then chose to test ST_Covers on every parcel
-- stored, or to hash the whole table, for each batch (150 ms, then 30–130 ms a batch at 100 000 parcels,
-- growing with the table; now ~45 ms).
SELECT * FROM (
  SELECT c.position, i.code, i.park_code, i.land_area_sqm AS area_sqm, d.outside_sqm,
    d.outside_sqm > $1 AS reaches_outside,
    coalesce(c.declared_sqm = 0 OR abs(i.land_area_sqm / c.declared_sqm - 1) > $2, false) AS declared_differs
  FROM ROWS FROM (unnest($3::text::int[]), jsonb_array_elements($4::text::jsonb), unnest($5::text::float8[])) AS c(position, created, declared_sqm)
  CROSS JOIN LATERAL (SELECT * FROM parcels i WHERE i.code = c.created->>'code' LIMIT 1) i
  JOIN parks p ON p.code = i.park_code
  CROSS JOIN LATERAL (
    SELECT CASE WHEN ST_Covers(p.geom, i.geom) THEN 0 ELSE ST_Area(ST_Difference(i.geom, p.geom)::geography) END AS outside_sqm
  ) d
) w
WHERE reaches_outside OR declared_differs
ORDER BY position
