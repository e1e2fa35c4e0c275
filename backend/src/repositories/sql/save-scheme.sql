-- Write scheme $1 with body $2 as its next version (1 when new); the body's own "version" is set to match.
-- The trigger of migration 0004 keeps every version in evaluation_scheme_versions.
INSERT INTO evaluation_schemes (id, version, region_code, year, body)
SELECT $1::text, 1, b.body->>'regionCode', (b.body->>'year')::int, jsonb_set(b.body, '{version}', '1'::jsonb)
FROM (SELECT $2::text::jsonb AS body) b
ON CONFLICT (id) DO UPDATE SET
  version = evaluation_schemes.version + 1,
  region_code = excluded.region_code,
  year = excluded.year,
  body = jsonb_set(excluded.body, '{version}', to_jsonb(evaluation_schemes.version + 1)),
  updated_at = now()
RETURNING id, version, to_json(updated_at) #>> '{}' AS updated_at, body
