INSERT INTO import_mappings (layer, signature, columns, mapping)
VALUES ($1, $2, $3::text[], $4::text::jsonb)
ON CONFLICT (layer, signature) DO UPDATE SET columns = excluded.columns, mapping = excluded.mapping, updated_at = now()
