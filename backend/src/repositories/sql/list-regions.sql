SELECT r.code, r.name, r.city_code, r.city_name, ST_AsGeoJSON(r.geom, 6)::json AS geometry,
  (SELECT count(*) FROM parks p WHERE p.region_code = r.code)::int AS park_count
FROM regions r
ORDER BY r.code
