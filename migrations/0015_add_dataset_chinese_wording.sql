-- A dataset's source, licence, vintage, CRS and note in Chinese, beside the wording the bundle gives
-- (often English): {"source": "…", "licence": "…", "vintage": "…", "crs": "…", "note": "…"}, each key
-- optional. The Chinese UI shows these; the English UI the bundle's own wording.
ALTER TABLE datasets ADD COLUMN zh jsonb;
