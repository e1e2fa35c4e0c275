SELECT layer, signature, columns, mapping, updated_at AS "updatedAt"
FROM import_mappings WHERE layer = $1 AND signature = $2
