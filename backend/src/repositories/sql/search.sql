-- Parks by name or code, parcels by code, enterprises by name or 统一社会信用代码, for the header search box.
-- $1 the ILIKE pattern '%…%' (wildcards in the query already escaped with \), $2 the query itself (for
-- ranking exact and prefix matches first), $3 the most rows. Extents in lon/lat degrees [west, south, east, north].
WITH hits AS (
  SELECT 'park' AS kind, 0 AS kind_order, k.code, k.name, k.code AS park_code, k.name AS park_name, k.geom
  FROM parks k
  WHERE k.name ILIKE $1::text ESCAPE '\' OR k.code ILIKE $1::text ESCAPE '\'
  UNION ALL
  SELECT 'parcel', 1, p.code, p.code, p.park_code, k.name, p.geom
  FROM parcels p
  JOIN parks k ON k.code = p.park_code
  WHERE p.code ILIKE $1::text ESCAPE '\'
  UNION ALL
  -- An enterprise's extent is that of the parcels it holds (owned or leased); its park, where it holds most land.
  SELECT 'enterprise', 2, e.uscc, e.name,
    (SELECT p.park_code FROM land_rights r JOIN parcels p ON p.code = r.parcel_code
      WHERE r.uscc = e.uscc ORDER BY p.land_area_sqm DESC, p.code LIMIT 1),
    NULL,
    (SELECT ST_Collect(p.geom) FROM land_rights r JOIN parcels p ON p.code = r.parcel_code WHERE r.uscc = e.uscc)
  FROM enterprises e
  WHERE e.name ILIKE $1::text ESCAPE '\' OR e.uscc ILIKE $1::text ESCAPE '\'
)
SELECT h.kind, h.code, h.name, h.park_code, coalesce(h.park_name, k.name) AS park_name,
  ST_XMin(h.geom)::float8 AS west, ST_YMin(h.geom)::float8 AS south,
  ST_XMax(h.geom)::float8 AS east, ST_YMax(h.geom)::float8 AS north
FROM hits h
LEFT JOIN parks k ON k.code = h.park_code
ORDER BY
  CASE WHEN lower(h.name) = lower($2::text) OR lower(h.code) = lower($2::text) THEN 0
       WHEN starts_with(lower(h.name), lower($2::text)) OR starts_with(lower(h.code), lower($2::text)) THEN 1
       ELSE 2 END,
  h.kind_order, length(h.name), h.code
LIMIT $3::int
