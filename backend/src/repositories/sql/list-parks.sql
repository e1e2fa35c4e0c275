-- Parks with their raw figures for one year ($2; latest year with indicators when null).
-- Sums stay null when nothing was reported (missing is not zero). $1: one park code, or null for all.
WITH chosen_year AS (
  SELECT coalesce($2::int, (SELECT max(year) FROM indicators)) AS year
),
figures AS (
  SELECT ep.park_code,
    sum(i.output_yuan)::float8 AS output_yuan,
    sum(i.tax_yuan)::float8 AS tax_yuan,
    count(i.uscc)::int AS reporting_enterprises
  FROM enterprise_parks ep
  JOIN indicators i ON i.uscc = ep.uscc AND i.year = (SELECT year FROM chosen_year)
  GROUP BY ep.park_code
),
firms AS (
  SELECT park_code, count(*)::int AS enterprise_count FROM enterprise_parks GROUP BY park_code
),
used_land AS (
  -- land in use: parcels someone holds (owner or tenant)
  SELECT p.park_code, sum(p.land_area_sqm)::float8 AS used_land_sqm, count(*)::int AS used_parcels
  FROM parcels p
  WHERE EXISTS (SELECT 1 FROM parcel_holdings h WHERE h.parcel_code = p.code)
  GROUP BY p.park_code
),
parcel_counts AS (
  SELECT park_code, count(*)::int AS parcel_count FROM parcels GROUP BY park_code
),
-- 开发区土地集约利用评价 inputs (DOMAIN.md §3), m², as of the end of the chosen year. Land ready for
-- supply = every parcel drawn in the park; supplied = has a supply date or a holder; built = completed.
land AS (
  SELECT p.park_code,
    sum(p.land_area_sqm)::float8 AS land_ready_sqm,
    coalesce(sum(p.land_area_sqm) FILTER (WHERE s.supplied), 0)::float8 AS supplied_sqm,
    coalesce(sum(p.land_area_sqm) FILTER (WHERE s.built), 0)::float8 AS built_sqm,
    coalesce(sum(p.land_area_sqm) FILTER (WHERE s.built AND p.land_use = 'industrial'), 0)::float8 AS built_industrial_sqm,
    coalesce(sum(b.floor_area_sqm) FILTER (WHERE s.built), 0)::float8 AS built_floor_area_sqm,
    coalesce(sum(b.footprint_sqm) FILTER (WHERE s.built), 0)::float8 AS built_footprint_sqm
  FROM parcels p
  CROSS JOIN LATERAL (
    SELECT (p.supplied_on IS NOT NULL AND p.supplied_on <= make_date((SELECT year FROM chosen_year), 12, 31))
             OR EXISTS (SELECT 1 FROM parcel_holdings h WHERE h.parcel_code = p.code) AS supplied,
           coalesce(p.completed_on <= make_date((SELECT year FROM chosen_year), 12, 31), false) AS built
  ) s
  LEFT JOIN (
    SELECT parcel_code, sum(floor_area_sqm) AS floor_area_sqm, sum(footprint_sqm) AS footprint_sqm
    FROM buildings GROUP BY parcel_code
  ) b ON b.parcel_code = p.code
  GROUP BY p.park_code
)
SELECT k.code, k.name, k.region_code, r.name AS region_name, k.level, k.leading_industries,
  k.approved_area_mu::float8 AS approved_area_mu, k.illustrative,
  ST_Area(k.geom::geography)::float8 AS boundary_area_sqm, -- m² on the spheroid
  ST_AsGeoJSON(k.geom, 7)::json AS geometry,
  (SELECT year FROM chosen_year) AS year,
  f.output_yuan, f.tax_yuan, coalesce(f.reporting_enterprises, 0) AS reporting_enterprises,
  coalesce(fi.enterprise_count, 0) AS enterprise_count,
  u.used_land_sqm, coalesce(pc.parcel_count, 0) AS parcel_count,
  l.land_ready_sqm, l.supplied_sqm, l.built_sqm, l.built_industrial_sqm, l.built_floor_area_sqm, l.built_footprint_sqm
FROM parks k
LEFT JOIN regions r ON r.code = k.region_code
LEFT JOIN figures f ON f.park_code = k.code
LEFT JOIN firms fi ON fi.park_code = k.code
LEFT JOIN used_land u ON u.park_code = k.code
LEFT JOIN parcel_counts pc ON pc.park_code = k.code
LEFT JOIN land l ON l.park_code = k.code
WHERE $1::text IS NULL OR k.code = $1::text
ORDER BY k.code
