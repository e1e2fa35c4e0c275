-- The middle of every stored park, and how far apart they are (km), as a last hint of where data belongs.
SELECT ST_X(c) AS lon, ST_Y(c) AS lat, count::int AS count,
  ST_Distance(ST_SetSRID(ST_MakePoint(ST_XMin(e), ST_YMin(e)), 4326)::geography,
              ST_SetSRID(ST_MakePoint(ST_XMax(e), ST_YMax(e)), 4326)::geography) / 1000 AS extent_km
FROM (SELECT ST_Centroid(ST_Extent(geom)::geometry) AS c, ST_Extent(geom) AS e, count(*) AS count FROM parks) s
WHERE count > 0
