-- How many staged rows of positions $1 to $2 (one batch) have a row in the layer's table already (keyed by
-- code; the table, parks, parcels or buildings, is put in by the repository from its fixed list).
SELECT count(*)::int AS n
FROM import_staged s
WHERE s.position BETWEEN $1 AND $2 AND EXISTS (SELECT 1 FROM __TABLE__ t WHERE t.code = s.code)
