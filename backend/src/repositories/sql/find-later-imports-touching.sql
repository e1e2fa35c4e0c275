-- Committed imports after $1 that wrote a row import $1 wrote (updated: import_rows; created: a key in
-- import_created's list), or any later bundle load (which keeps no per-row record): undoing $1 would
-- overwrite their work.
WITH touched AS (
  SELECT import_id, layer, key FROM import_rows WHERE import_id >= $1
  UNION ALL
  SELECT c.import_id, c.layer, k.key FROM import_created c CROSS JOIN LATERAL jsonb_array_elements(c.keys) AS k(key)
  WHERE c.import_id >= $1
)
SELECT i.id, i.source AS "fileName", i.layer
FROM imports i
WHERE i.id > $1 AND i.status = 'committed'
  AND (i.layer IS NULL OR EXISTS (
    SELECT 1 FROM touched later JOIN touched mine ON mine.import_id = $1 AND mine.layer = later.layer AND mine.key = later.key
    WHERE later.import_id = i.id))
ORDER BY i.id
