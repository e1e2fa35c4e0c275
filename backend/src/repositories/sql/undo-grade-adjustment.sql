-- Undo one manual adjustment (分类调档): kept on record with who undid it, when (the server's clock) and
-- why. Only one not undone yet: two undos at once leave the first one's record, the second gets no row.
UPDATE grade_adjustments
SET undone_at = now(), undone_by = $2, undo_reason = $3
WHERE id = $1 AND undone_at IS NULL
RETURNING id, uscc, year, scheme_id, scheme_version, grade, reason, adjusted_by,
          to_char(adjusted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS adjusted_at,
          undone_by, undo_reason,
          to_char(undone_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS undone_at
