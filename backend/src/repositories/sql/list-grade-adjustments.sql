-- The manual adjustments (分类调档) of year $1 under scheme $2, every version, undone ones too, oldest
-- first: of those made under the current version and not undone, the last one per firm wins.
SELECT id, uscc, scheme_version, grade, reason, adjusted_by,
       to_char(adjusted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS adjusted_at,
       undone_by, undo_reason,
       to_char(undone_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS undone_at
FROM grade_adjustments
WHERE year = $1 AND scheme_id = $2
ORDER BY adjusted_at, id
