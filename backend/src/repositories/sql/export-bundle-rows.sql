-- Every row of the bundle's tables as stored, for GET /api/export/bundle: the row as JSON (dates as
-- YYYY-MM-DD, numeric as exact JSON numbers) and the geometry with 15 decimal places, which writes every
-- stored double back exactly. Ordered by table and key so the same database gives the same files.
SELECT layer, "values", geometry FROM (
  SELECT 1 AS ord, 'regions' AS layer, t.code AS key, to_jsonb(t) - 'geom' AS "values", ST_AsGeoJSON(t.geom, 15)::json AS geometry FROM regions t
  UNION ALL
  SELECT 2, 'parks', t.code, to_jsonb(t) - 'geom', ST_AsGeoJSON(t.geom, 15)::json FROM parks t
  UNION ALL
  SELECT 3, 'parcels', t.code, to_jsonb(t) - 'geom', ST_AsGeoJSON(t.geom, 15)::json FROM parcels t
  UNION ALL
  SELECT 4, 'buildings', t.code, to_jsonb(t) - 'geom', ST_AsGeoJSON(t.geom, 15)::json FROM buildings t
  UNION ALL
  SELECT 5, 'enterprises', t.uscc, to_jsonb(t), NULL FROM enterprises t
  UNION ALL
  SELECT 6, 'units', t.code, to_jsonb(t), NULL FROM units t
  UNION ALL
  SELECT 7, 'land_rights', t.uscc || ' ' || t.parcel_code || ' ' || t.role, to_jsonb(t), NULL FROM land_rights t
  UNION ALL
  SELECT 8, 'indicators', t.uscc || ' ' || t.year, to_jsonb(t), NULL FROM indicators t
) rows
ORDER BY ord, key
