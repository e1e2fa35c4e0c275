-- Scheme $1: its current version, or version $2 from the history when $2 is given.
SELECT s.id, v.version, to_json(v.saved_at) #>> '{}' AS updated_at, v.body
FROM evaluation_schemes s
JOIN evaluation_scheme_versions v ON v.id = s.id AND v.version = coalesce($2::int, s.version)
WHERE s.id = $1::text
