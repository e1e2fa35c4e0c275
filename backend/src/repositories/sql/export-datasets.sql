-- Every dataset's provenance, for bundle.json.
SELECT id, name, name_en, source, licence, vintage, crs, real, note, zh FROM datasets ORDER BY id
