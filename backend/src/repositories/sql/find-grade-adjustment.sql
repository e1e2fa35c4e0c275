-- One manual adjustment (分类调档) by id, with its undo if any.
SELECT id, uscc, year, scheme_id, scheme_version, grade, reason, adjusted_by,
       to_char(adjusted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS adjusted_at,
       undone_by, undo_reason,
       to_char(undone_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS undone_at
FROM grade_adjustments
WHERE id = $1
