-- Record one manual adjustment (分类调档) under a scheme version; adjusted_at is the server's clock.
INSERT INTO grade_adjustments (uscc, year, scheme_id, scheme_version, grade, reason, adjusted_by)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id, uscc, year, scheme_id, scheme_version, grade, reason, adjusted_by,
          to_char(adjusted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS adjusted_at,
          undone_by, undo_reason,
          to_char(undone_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS undone_at
