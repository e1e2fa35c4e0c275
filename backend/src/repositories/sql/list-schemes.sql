SELECT s.id, s.version, to_json(s.updated_at) #>> '{}' AS updated_at, s.body->>'name' AS name, s.year, s.region_code,
  (SELECT array_agg(v.version ORDER BY v.version) FROM evaluation_scheme_versions v WHERE v.id = s.id) AS versions
FROM evaluation_schemes s
ORDER BY s.id
