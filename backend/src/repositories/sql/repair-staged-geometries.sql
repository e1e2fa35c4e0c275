-- With repair=true: the staged invalid geometries become their ST_MakeValid repair (as the rows written
-- will), so the placement checks and the write see what is imported; validity and area follow (generated
-- columns). Those that cannot be repaired stay invalid. Positions $1 to $2 (one batch).
UPDATE import_staged s SET geom = r.geom
FROM (SELECT position, ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3)) AS geom FROM import_staged WHERE position BETWEEN $1 AND $2 AND NOT valid) r
WHERE s.position = r.position AND NOT ST_IsEmpty(r.geom)
