-- The parks of one park ($1), county ($2) or all, with their county: every park the land-use totals list,
-- a park with no finding included.
SELECT k.code, k.region_code
FROM parks k
WHERE ($1::text IS NULL OR k.code = $1::text) AND ($2::text IS NULL OR k.region_code = $2::text)
ORDER BY k.code
