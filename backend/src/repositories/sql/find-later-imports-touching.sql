-- Committed imports after $1 that wrote a row import $1 wrote, or any later bundle load (which keeps no
-- per-row record): undoing $1 would overwrite their work.
SELECT DISTINCT i.id, i.source AS "fileName", i.layer
FROM imports i
WHERE i.id > $1 AND i.status = 'committed'
  AND (i.layer IS NULL OR EXISTS (
    SELECT 1 FROM import_rows later JOIN import_rows mine ON mine.import_id = $1 AND mine.layer = later.layer AND mine.key = later.key
    WHERE later.import_id = i.id))
ORDER BY i.id
