INSERT INTO datasets (id, name, name_en, source, licence, vintage, crs, real, note, zh)
SELECT r.id, r.name, r."nameEn", r.source, r.licence, r.vintage, r.crs, r.real, r.note, r.zh
FROM jsonb_to_recordset($1::text::jsonb) AS r(
  id text, name text, "nameEn" text, source text, licence text, vintage text, crs text, real boolean, note text, zh jsonb)
ON CONFLICT (id) DO UPDATE SET
  name = excluded.name, name_en = excluded.name_en, source = excluded.source, licence = excluded.licence,
  vintage = excluded.vintage, crs = excluded.crs, real = excluded.real, note = excluded.note, zh = excluded.zh
