-- Before-images for undo of an import staged in import_staged (create-import-staging.sql): each staged row's
-- key, and the row of the layer's table it is about to replace as it is now (NULL when it does not exist
-- yet), geometry as hex EWKB. The table (parks, parcels or buildings, keyed by code) is put in by the repository
-- from its fixed list, never from input. $1 import id, $2 layer. In no particular order (a sort by position
-- would spill to disk at 200 000 rows).
INSERT INTO import_rows (import_id, layer, key, before)
SELECT $1, $2, jsonb_build_object('code', s.code),
  (SELECT to_jsonb(t) || jsonb_build_object('geom', encode(ST_AsEWKB(t.geom), 'hex')) FROM __TABLE__ t WHERE t.code = s.code)
FROM import_staged s
