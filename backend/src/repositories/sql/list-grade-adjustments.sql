-- The manual adjustments (分类调档) of year $1 under version $3 of scheme $2, oldest first: the last one
-- per firm wins. Adjustments made under other versions of the scheme do not apply.
SELECT uscc, grade, reason, adjusted_by,
       to_char(adjusted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS adjusted_at
FROM grade_adjustments
WHERE year = $1 AND scheme_id = $2 AND scheme_version = $3
ORDER BY adjusted_at, id
