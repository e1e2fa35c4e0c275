-- What an import of new parcels into an empty parcels table drops before its rows and builds again once they are
-- all in (import.repository.ts, deferParcelIndexes; PostgreSQL's manual, "Populating a Database": remove indexes
-- and foreign keys, load, re-create them): the table's indexes that back no constraint (the GiST on geom, the
-- btree on park_code) and its foreign keys (park_code → parks). Each comes with the statement that drops it and
-- the one that makes it again, from the catalogue itself, so what is built is what the migrations made. The
-- primary key and the CHECKs stay: the key tells a stored code from a new one, the CHECKs refuse a batch.
-- Indexes are made before the foreign keys, which then check every row in one query.
SELECT 1 AS step, format('DROP INDEX %s', x.indexrelid::regclass) AS drop_statement,
  pg_get_indexdef(x.indexrelid) AS make_statement
FROM pg_index x
WHERE x.indrelid = 'parcels'::regclass
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid)
UNION ALL
SELECT 2, format('ALTER TABLE parcels DROP CONSTRAINT %I', c.conname),
  format('ALTER TABLE parcels ADD CONSTRAINT %I %s', c.conname, pg_get_constraintdef(c.oid))
FROM pg_constraint c
WHERE c.conrelid = 'parcels'::regclass AND c.contype = 'f'
ORDER BY step, make_statement
