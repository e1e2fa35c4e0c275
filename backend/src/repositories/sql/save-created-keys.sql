-- The keys of rows an import has just created, as one list (import_created): undo deletes them. $1 import
-- id, $2 layer, $3 the created rows' codes (parks, parcels and buildings are keyed by code).
INSERT INTO import_created (import_id, layer, keys)
SELECT $1, $2, jsonb_agg(jsonb_build_object('code', c.code))
FROM unnest($3::text[]) AS c(code)
HAVING count(*) > 0
