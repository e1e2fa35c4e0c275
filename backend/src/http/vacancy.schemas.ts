/**
 * Response schemas of the vacancy routes. One set of words (docs/glossary.md): lettable = leased + reserved
 * + vacant; reserved (promised, not leased, not offered) is never counted in vacant.
 */
const sqm = (description: string) => ({ type: 'number', description: `${description}, m²` }) as const;
const nullableNumber = (description: string) => ({ type: ['number', 'null'], description }) as const;

/** The floor-area split every occupancy figure carries. */
const occupancyProperties = {
  lettableSqm: sqm('可出租面积: every unit (leased + reserved + vacant)'),
  leasedSqm: sqm('已出租: units with status leased'),
  reservedSqm: sqm('已预留: units promised but not leased and not offered'),
  vacantSqm: sqm('空置/可租: units with status vacant only, those offered to investors'),
  occupancyRate: nullableNumber('出租率 = leased ÷ lettable, a fraction; null when nothing is lettable'),
} as const;
const occupancyRequired = ['lettableSqm', 'leasedSqm', 'reservedSqm', 'vacantSqm', 'occupancyRate'];

const leasesEnding = {
  type: 'object',
  description: 'leased units whose lease ends between asOf and untilOn, both days included',
  properties: {
    asOf: { type: 'string' },
    withinMonths: { type: 'integer' },
    untilOn: { type: 'string' },
    count: { type: 'integer' },
    areaSqm: sqm('their floor area'),
    unitCodes: { type: 'array', items: { type: 'string' } },
  },
} as const;

const summary = (key: 'buildingCode' | 'parkCode', extra: Record<string, unknown> = {}) => ({
  type: 'object',
  properties: {
    [key]: { type: 'string' },
    ...extra,
    unitCount: { type: 'integer', description: 'units of every status' },
    ...occupancyProperties,
    leasesEnding,
  },
  required: [key, 'unitCount', ...occupancyRequired],
});

const status = { type: 'string', enum: ['vacant', 'leased', 'reserved'] } as const;

export const vacanciesResponse = {
  type: 'object',
  properties: {
    units: {
      type: 'array',
      description: 'units that meet the search (status vacant unless `status` says otherwise)',
      items: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          buildingCode: { type: 'string' },
          parkCode: { type: 'string' },
          regionCode: { type: ['string', 'null'] },
          floor: { type: 'integer' },
          areaSqm: sqm('floor area'),
          status,
          ceilingHeightM: nullableNumber('m'),
          floorLoadKnPerSqm: nullableNumber('kN/m²'),
          rentYuanPerSqmMonth: nullableNumber('asking rent, 元/m²/月'),
          footprint: { type: 'object', additionalProperties: true, description: "the building's outline, GeoJSON (lon/lat)" },
        },
        required: ['code', 'buildingCode', 'floor', 'areaSqm', 'status'],
      },
    },
    buildings: { type: 'array', description: 'every unit of the buildings the units are in, whatever the search bounds', items: summary('buildingCode', { parkCode: { type: ['string', 'null'] } }) },
    parks: { type: 'array', description: 'every unit of every park in scope, whatever the search bounds', items: summary('parkCode') },
  },
  required: ['units', 'buildings', 'parks'],
} as const;

export const buildingUnitsResponse = {
  type: 'object',
  properties: {
    buildingCode: { type: 'string' },
    ...occupancyProperties,
    units: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          buildingCode: { type: 'string' },
          floor: { type: 'integer' },
          areaSqm: sqm('floor area'),
          status,
          tenantUscc: { type: ['string', 'null'] },
          tenantName: { type: ['string', 'null'] },
          leaseStartOn: { type: ['string', 'null'] },
          leaseEndOn: { type: ['string', 'null'] },
          rentYuanPerSqmMonth: nullableNumber('元/m²/月'),
          ceilingHeightM: nullableNumber('m'),
          floorLoadKnPerSqm: nullableNumber('kN/m²'),
        },
        required: ['code', 'buildingCode', 'floor', 'areaSqm', 'status'],
      },
    },
  },
  required: ['buildingCode', ...occupancyRequired, 'units'],
} as const;
