-- The cities the counties name (regions.city_code, city_name; null when a county names none), with how
-- many counties name each.
SELECT city_code, city_name, count(*)::int AS region_count
FROM regions
GROUP BY city_code, city_name
ORDER BY city_code NULLS LAST, city_name
