-- Stored evaluation schemes, the most recently written first (a bundle carries one scheme.json).
SELECT id, version, body, updated_at::text FROM evaluation_schemes ORDER BY updated_at DESC, id
