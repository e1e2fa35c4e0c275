/** Response schema of the import history (GET /api/imports). */
const count = (description: string) => ({ type: ['integer', 'null'], description }) as const;

export const importsResponse = {
  type: 'object',
  properties: {
    imports: {
      type: 'array',
      description: 'newest first',
      items: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          fileName: { type: 'string', description: 'the file or bundle name, never a path on the server' },
          bundleName: { type: ['string', 'null'], description: "a bundle's name from its bundle.json" },
          layer: { type: ['string', 'null'], description: 'the layer a single file filled; null for a whole bundle' },
          format: { type: ['string', 'null'] },
          crs: { type: ['string', 'null'] },
          status: { type: 'string', enum: ['committed', 'undone'] },
          importedAt: { type: 'string' },
          undoneAt: { type: ['string', 'null'] },
          created: count('rows it created, all layers; null for a load recorded before they were counted'),
          updated: count('rows it updated (existing keys), all layers; null likewise'),
          layers: {
            type: 'array',
            items: {
              type: 'object',
              properties: { layer: { type: 'string' }, rows: { type: 'integer' }, created: count('rows created'), updated: count('rows updated') },
              required: ['layer', 'rows', 'created', 'updated'],
            },
          },
          rowsTouched: { type: 'integer', description: 'rows a single-file import keeps for undo' },
          counts: { type: 'object', additionalProperties: true, description: 'the counts as recorded' },
        },
        required: ['id', 'fileName', 'layer', 'status', 'importedAt', 'created', 'updated', 'layers'],
      },
    },
  },
  required: ['imports'],
} as const;
