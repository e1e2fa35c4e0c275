INSERT INTO buildings (code, park_code, parcel_code, kind, floors, floor_area_sqm, height_m, completed_on,
  illustrative, geom, footprint_sqm)
SELECT r.code, r.park_code, r.parcel_code, r.kind, r.floors, r.floor_area_sqm, r.height_m, r.completed_on,
  coalesce(r.illustrative, false), g.geom, ST_Area(g.geom::geography) -- m² on the spheroid
FROM json_to_recordset($1::text::json) AS r(
  code text, park_code text, parcel_code text, kind text, floors integer, floor_area_sqm numeric,
  height_m numeric, completed_on date, illustrative boolean, geom text)
CROSS JOIN LATERAL (SELECT ST_Multi(ST_GeomFromWKB(decode(r.geom, 'base64'), 4326)) AS geom) g
ON CONFLICT (code) DO UPDATE SET
  park_code = excluded.park_code, parcel_code = excluded.parcel_code, kind = excluded.kind,
  floors = excluded.floors, floor_area_sqm = excluded.floor_area_sqm, height_m = excluded.height_m,
  completed_on = excluded.completed_on, illustrative = excluded.illustrative, geom = excluded.geom,
  footprint_sqm = excluded.footprint_sqm
