INSERT INTO regions (code, name, geom)
SELECT r.code, r.name, ST_Multi(ST_GeomFromWKB(decode(r.geom, 'base64'), 4326))
FROM json_to_recordset($1::text::json) AS r(code text, name text, geom text)
ON CONFLICT (code) DO UPDATE SET name = excluded.name, geom = excluded.geom
