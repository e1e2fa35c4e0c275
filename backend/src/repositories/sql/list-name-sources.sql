-- The Chinese names and terms the UI shows, by kind, for their English (services/names.service.ts):
-- county and park names (and the city the counties name), the parks' leading industries, the current schemes' grade labels.
SELECT 'region' AS kind, name AS chinese FROM regions
UNION
SELECT 'region', city_name FROM regions WHERE city_name IS NOT NULL
UNION
SELECT 'park', name FROM parks
UNION
SELECT 'industry', unnest(leading_industries) FROM parks
UNION
SELECT 'gradeLabel', labels.value
FROM evaluation_schemes s
JOIN evaluation_scheme_versions v ON v.id = s.id AND v.version = s.version
CROSS JOIN LATERAL jsonb_each_text(v.body -> 'grading' -> 'labels') AS labels
ORDER BY 1, 2
