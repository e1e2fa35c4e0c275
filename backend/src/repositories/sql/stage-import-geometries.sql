-- One chunk of an import's geometries ({position, code, park_code, declared_sqm, wkb} with wkb a lon/lat
-- MultiPolygon as base64 WKB, which parses several times faster than GeoJSON) into the transaction's staging
-- table, parsed once for every check that follows.
INSERT INTO import_staged (position, code, park_code, declared_sqm, geom, valid)
SELECT r.position, r.code, r.park_code, r.declared_sqm, g.geom, ST_IsValid(g.geom)
FROM json_to_recordset($1::text::json) AS r(position int, code text, park_code text, declared_sqm float8, wkb text)
CROSS JOIN LATERAL (SELECT ST_GeomFromWKB(decode(r.wkb, 'base64'), 4326) AS geom) g
