/** JSON schemas of the routes: they validate requests and feed the OpenAPI document at /api/docs. */
const code = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[^\\s/]+$' } as const;

export const yearQuery = {
  type: 'object',
  properties: {
    year: { type: 'integer', minimum: 1980, maximum: 2100, description: 'figures of this year (default: the latest reported)' },
  },
  additionalProperties: false,
} as const;

export const parkParams = { type: 'object', properties: { parkCode: code }, required: ['parkCode'] } as const;
export const parcelParams = { type: 'object', properties: { parcelCode: code }, required: ['parcelCode'] } as const;
export const buildingParams = { type: 'object', properties: { buildingCode: code }, required: ['buildingCode'] } as const;
export const enterpriseParams = {
  type: 'object',
  properties: { uscc: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: '统一社会信用代码, 18 characters' } },
  required: ['uscc'],
} as const;

export const bundleImportQuery = {
  type: 'object',
  properties: {
    dryRun: { type: 'boolean', default: false, description: 'validate and report without writing' },
    fileName: { type: 'string', maxLength: 200 },
  },
  additionalProperties: false,
} as const;

const featureCollection = { type: 'object', description: 'GeoJSON FeatureCollection (lon/lat, EPSG:4326)', additionalProperties: true } as const;
const feature = { type: 'object', description: 'GeoJSON Feature (lon/lat, EPSG:4326)', additionalProperties: true } as const;
const object = { type: 'object', additionalProperties: true } as const;

export const responses = { featureCollection, feature, object };

export const healthResponse = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok'] },
    database: { type: 'string', enum: ['embedded', 'postgres'] },
    postgis: { type: 'string' },
  },
  required: ['status', 'database', 'postgis'],
} as const;
