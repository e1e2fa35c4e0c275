-- Every import, newest first: bundle loads (layer NULL) and single files. rowsTouched: the rows it updated
-- (import_rows) and created (import_created's lists).
SELECT i.id, i.source AS "fileName", i.bundle_name AS "bundleName", i.layer, i.format, i.crs, i.status,
  i.counts, i.imported_at AS "importedAt", i.undone_at AS "undoneAt",
  ((SELECT count(*) FROM import_rows r WHERE r.import_id = i.id)
    + (SELECT coalesce(sum(jsonb_array_length(c.keys)), 0) FROM import_created c WHERE c.import_id = i.id))::int AS "rowsTouched"
FROM imports i
ORDER BY i.id DESC
LIMIT $1
