INSERT INTO imports (source, counts, layer, format, crs, status)
VALUES ($1, $2::text::jsonb, $3, $4, $5, 'committed')
RETURNING id
