/** JSON schemas of the routes: they validate requests and feed the OpenAPI document at /api/docs. */
const code = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[^\\s/]+$' } as const;

export const yearQuery = {
  type: 'object',
  properties: {
    year: { type: 'integer', minimum: 1980, maximum: 2100, description: 'figures of this year (default: the latest reported)' },
  },
  additionalProperties: false,
} as const;

const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a date, YYYY-MM-DD' } as const;
const nonNegative = (description: string) => ({ type: 'number', minimum: 0, description }) as const;

export const evaluationsQuery = {
  type: 'object',
  properties: {
    year: yearQuery.properties.year,
    region: { ...code, description: 'county code: only its firms (ranks stay those within the county)' },
    park: { ...code, description: 'park code: only its firms (ranks stay those within the county)' },
    scheme: { ...code, description: 'evaluation scheme id (default: "default")' },
  },
  additionalProperties: false,
} as const;

export const landUseQuery = {
  type: 'object',
  properties: {
    asOf: { ...isoDate, description: 'the day the idle-land and low-yield rules are judged on, YYYY-MM-DD' },
    park: { ...code, description: 'park code: only its land' },
    region: { ...code, description: 'county code: only the land of its parks' },
  },
  required: ['asOf'],
  additionalProperties: false,
} as const;

export const vacanciesQuery = {
  type: 'object',
  properties: {
    park: code,
    region: code,
    minAreaSqm: nonNegative('unit area at least, m²'),
    maxAreaSqm: nonNegative('unit area at most, m²'),
    floor: { type: 'integer', description: 'this floor only' },
    minFloor: { type: 'integer' },
    maxFloor: { type: 'integer' },
    minCeilingHeightM: nonNegative('ceiling height at least, m'),
    minFloorLoadKnPerSqm: nonNegative('floor load at least, kN/m²'),
    maxRentYuanPerSqmMonth: nonNegative('asking rent at most, 元/m²/月'),
    status: { type: 'string', pattern: '^(vacant|leased|reserved)(,(vacant|leased|reserved))*$', description: 'statuses to show, comma-separated (default vacant)' },
    asOf: { ...isoDate, description: 'start of the lease-ending window (default today)' },
    leasesEndingWithinMonths: { type: 'integer', minimum: 0, maximum: 120, default: 6, description: 'window of leases ending, months' },
  },
  additionalProperties: false,
} as const;

export const searchQuery = {
  type: 'object',
  properties: {
    q: { type: 'string', minLength: 1, maxLength: 100, description: 'part of a park name or code, a parcel code, an enterprise name or 统一社会信用代码 (case-insensitive; % and _ match themselves)' },
    limit: { type: 'integer', minimum: 1, maximum: 50, default: 10, description: 'most results' },
  },
  required: ['q'],
  additionalProperties: false,
} as const;

export const schemeParams = { type: 'object', properties: { id: code }, required: ['id'] } as const;
export const schemeQuery = {
  type: 'object',
  properties: { version: { type: 'integer', minimum: 1, description: 'a past version (default: the current one)' } },
  additionalProperties: false,
} as const;
export const schemeBody = { type: 'object', description: 'an EvaluationScheme (backend/src/domain/scheme.ts), checked by validateScheme', additionalProperties: true } as const;

export const parkParams = { type: 'object', properties: { parkCode: code }, required: ['parkCode'] } as const;
export const parcelParams = { type: 'object', properties: { parcelCode: code }, required: ['parcelCode'] } as const;
export const buildingParams = { type: 'object', properties: { buildingCode: code }, required: ['buildingCode'] } as const;
export const enterpriseParams = {
  type: 'object',
  properties: { uscc: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: '统一社会信用代码, 18 characters' } },
  required: ['uscc'],
} as const;

export const gradeAdjustmentBody = {
  type: 'object',
  properties: {
    year: { type: 'integer', minimum: 1980, maximum: 2100, description: 'the evaluation year adjusted' },
    grade: { type: 'string', minLength: 1, maxLength: 16, pattern: '^[A-Za-z0-9]+$', description: "the new grade, one of the scheme's grade codes (e.g. A–D)" },
    reason: { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S', description: 'why (kept with the adjustment)' },
    by: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S', description: 'who decided it (kept with the adjustment)' },
    scheme: { ...code, description: 'evaluation scheme id (default: "default")' },
  },
  required: ['year', 'grade', 'reason', 'by'],
  additionalProperties: false,
} as const;

export const gradeAdjustmentParams = {
  type: 'object',
  properties: { uscc: enterpriseParams.properties.uscc, id: { type: 'integer', minimum: 1, description: 'the adjustment\'s id (`adjustments[].id`)' } },
  required: ['uscc', 'id'],
} as const;

export const gradeAdjustmentUndoBody = {
  type: 'object',
  properties: {
    by: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S', description: 'who undoes it (kept with the adjustment)' },
    reason: { type: 'string', maxLength: 2000, description: 'why (optional; kept with the adjustment)' },
  },
  required: ['by'],
  additionalProperties: false,
} as const;

const nullable = <T extends object>(schema: T) => ({ ...schema, nullable: true }) as const;
const adjustmentFields = {
  id: { type: 'integer', description: 'the adjustment\'s id, for its undo' },
  schemeVersion: { type: 'integer', description: 'the version of the scheme it was made under' },
  grade: { type: 'string', description: 'the grade it sets' },
  reason: { type: 'string', description: 'why' },
  by: { type: 'string', description: 'who made it' },
  at: { type: 'string', description: 'when, ISO 8601 UTC (the server\'s clock)' },
} as const;
const adjustmentLine = {
  type: 'object',
  properties: { ...adjustmentFields, fromGrade: { type: 'string', description: 'the grade before it' } },
  required: ['id', 'schemeVersion', 'grade', 'fromGrade', 'reason', 'by', 'at'],
} as const;
const undoFields = {
  undoneBy: nullable({ type: 'string', description: 'who undid it' }),
  undoneAt: nullable({ type: 'string', description: 'when it was undone, ISO 8601 UTC' }),
  undoReason: nullable({ type: 'string', description: 'why it was undone, if said' }),
} as const;
const notAppliedLine = {
  type: 'object',
  properties: {
    ...adjustmentFields,
    status: { type: 'string', enum: ['undone', 'schemeVersionChanged', 'firmNotGraded'], description: 'why it does not apply: undone, made under another version of the scheme, or the firm is not graded' },
    ...undoFields,
  },
  required: ['id', 'schemeVersion', 'status', 'grade', 'reason', 'by', 'at', 'undoneBy', 'undoneAt', 'undoReason'],
} as const;
const adjustedResultProperties = {
  uscc: { type: 'string' },
  year: { type: 'integer' },
  schemeId: { type: 'string' },
  schemeVersion: { type: 'integer', description: 'the scheme\'s current version: adjustments made under another do not apply' },
  grade: nullable({ type: 'string', description: 'the grade after the adjustments that apply' }),
  gradeLabel: nullable({ type: 'string' }),
  computedGrade: nullable({ type: 'string', description: 'the grade the scheme gave' }),
  score: nullable({ type: 'number' }),
  rank: nullable({ type: 'integer' }),
  adjustments: { type: 'array', items: adjustmentLine, description: 'the adjustments that apply, oldest first: the last one gives the grade' },
  adjustmentsNotApplied: { type: 'array', items: notAppliedLine, description: 'the year\'s other adjustments of the firm under this scheme, oldest first, with why each does not apply' },
} as const;
const adjustedResultRequired = ['uscc', 'year', 'schemeId', 'schemeVersion', 'grade', 'gradeLabel', 'computedGrade', 'score', 'rank', 'adjustments', 'adjustmentsNotApplied'];

/** The firm's result after an adjustment. */
export const gradeAdjustmentResponse = { type: 'object', properties: adjustedResultProperties, required: adjustedResultRequired } as const;

/** The firm's result after an undo, and the adjustment undone. */
export const gradeAdjustmentUndoResponse = {
  type: 'object',
  properties: {
    ...adjustedResultProperties,
    undone: {
      type: 'object',
      properties: { ...adjustmentFields, ...undoFields },
      required: ['id', 'schemeVersion', 'grade', 'reason', 'by', 'at', 'undoneBy', 'undoneAt', 'undoReason'],
    },
  },
  required: [...adjustedResultRequired, 'undone'],
} as const;

export const bundleImportQuery = {
  type: 'object',
  properties: {
    dryRun: { type: 'boolean', default: false, description: 'validate and report without writing' },
    fileName: { type: 'string', maxLength: 200 },
  },
  additionalProperties: false,
} as const;

const importLayer = { type: 'string', enum: ['parks', 'parcels', 'buildings', 'units', 'enterprises', 'land_rights', 'indicators'], description: 'the layer the file fills' } as const;

export const importQuery = {
  type: 'object',
  properties: {
    layer: importLayer,
    crs: { type: 'string', maxLength: 40, description: 'coordinate system, e.g. EPSG:4545, EPSG:4524, GCJ-02, BD-09; "+swap" for y-first data (default: from the file, else detected)' },
    dryRun: { type: 'boolean', default: false, description: 'check and report without writing' },
    repair: { type: 'boolean', default: false, description: 'repair invalid geometry with ST_MakeValid instead of refusing it' },
    fileName: { type: 'string', maxLength: 200, description: 'the file\'s name (its extension helps recognise the format)' },
    sourceLayer: { type: 'string', maxLength: 200, description: 'shapefile in a zip of several (its path in the zip without .shp, or its bare name when unique), GeoPackage table, or one file of a zip or KMZ of several GeoJSON/KML/CSV/GeoPackage files (its path in the zip, or its bare name when unique); default: the only one. With several and none named the report (422) lists them in sourceLayers and reads nothing' },
    hint: { type: 'string', maxLength: 80, description: 'where the data is, to tell Gauss-Krüger zones apart: a park code or "lon,lat"' },
    mapping: { type: 'string', maxLength: 20000, description: 'JSON: bundle field → source column, e.g. {"code":{"column":"宗地号"},"output_yuan":{"column":"产值","unit":"wan_yuan"}} (default: remembered for these columns, else suggested)' },
  },
  required: ['layer'],
  additionalProperties: false,
} as const;

export const importParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] } as const;

export const importMappingQuery = {
  type: 'object',
  properties: { layer: importLayer, signature: { type: 'string', pattern: '^[0-9a-f]{32}$', description: 'the report\'s signature of the file\'s columns' } },
  required: ['layer', 'signature'],
  additionalProperties: false,
} as const;

export const exportParams = {
  type: 'object',
  properties: { layer: { type: 'string', maxLength: 40, description: 'parks, parcels, buildings, units, enterprises, land_rights, indicators, evaluations or idle-land' } },
  required: ['layer'],
} as const;

export const exportQuery = {
  type: 'object',
  properties: {
    format: { type: 'string', maxLength: 20, description: 'geojson (default), shp (zipped Shapefile), gpkg, csv or xlsx; shp and gpkg only for parks, parcels, buildings and idle-land' },
    park: { ...code, description: 'park code: only this park\'s rows' },
    region: { ...code, description: 'county code: only the rows of its parks' },
    year: { ...yearQuery.properties.year, description: 'parks: figures of this year; indicators: only this year; evaluations: this year (default: the latest reported); idle-land: judged on 31 December of it unless asOf' },
    asOf: { ...isoDate, description: 'idle-land: the day the rules are judged on (default: 31 December of year, else today)' },
    lang: { type: 'string', maxLength: 5, description: 'zh (default) or en: the language of CSV and XLSX headers' },
  },
  additionalProperties: false,
} as const;

const landTotal = {
  type: 'object',
  properties: {
    parcelCount: { type: 'integer', minimum: 0, description: 'distinct parcels; park land outside every parcel adds area and no parcel' },
    areaMu: { type: 'number', minimum: 0, description: 'area of the union of the findings, 亩: a parcel counted once' },
  },
  required: ['parcelCount', 'areaMu'],
  additionalProperties: false,
} as const;

const kindTotal = {
  type: 'object',
  properties: {
    ...landTotal.properties,
    byRule: { type: 'object', description: 'the same per rule that fired: a parcel firing two rules is in both, and once in the kind', additionalProperties: landTotal },
  },
  required: ['parcelCount', 'areaMu', 'byRule'],
  additionalProperties: false,
} as const;

/** Totals of land-use findings, each parcel counted once (domain/land-use-summary.ts). */
export const landUseSummary = {
  type: 'object',
  properties: {
    byKind: {
      type: 'object',
      properties: {
        idle: { ...kindTotal, description: '闲置土地: whole parcels' },
        underused: { ...kindTotal, description: '利用不足: the unbuilt part of parcels below the controls, and whole completed parcels with no building on record (rule completedWithoutBuildings, a possible data gap)' },
        unsupplied: { ...kindTotal, description: '未供地: parcels not supplied, and park land outside every parcel (rule noParcel: area with parcelCount 0)' },
        lowYield: { ...kindTotal, description: '疑似低效: whole parcels' },
      },
      required: ['idle', 'underused', 'unsupplied', 'lowYield'],
      additionalProperties: false,
    },
    recoverable: { ...landTotal, description: '可盘活土地: the land of every finding except possible data gaps, each parcel once across kinds' },
    toVerify: { ...landTotal, description: 'parcels whose only finding is a possible data gap (completed, no building on record): to check, not in recoverable' },
  },
  required: ['byKind', 'recoverable', 'toVerify'],
  additionalProperties: false,
} as const;

const geoJsonGeometry = { type: 'object', description: 'GeoJSON geometry (lon/lat, EPSG:4326)', additionalProperties: true } as const;

/** GET /api/idle-land: the findings as GeoJSON, with the totals of the scope asked. */
export const landUseIssuesResponse = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['FeatureCollection'] },
    asOf: { ...isoDate, description: 'the day the rules were judged on' },
    year: { type: 'integer', description: 'the year of the figures the low-yield rules read' },
    schemeId: { type: 'string' },
    summary: { ...landUseSummary, description: 'totals of the features below, each parcel counted once' },
    features: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          type: { type: 'string', enum: ['Feature'] },
          id: { type: 'string' },
          geometry: geoJsonGeometry,
          properties: {
            type: 'object',
            description: 'the common properties below, then those of the rule: idle (agreedStartOn, idleClockFrom, idleSince, feeDueFrom, takeBackFrom, takeBackCandidate, cause, discretionary, basis, ratiosUsed), underused (belowLandUseControl: buildingCoverage, plotRatio, minPlotRatio, plotRatioBasis, minCoverage; completedWithoutBuildings: completedOn), lowYield (uscc, kindLabel, evidence)',
            properties: {
              kind: { type: 'string', enum: ['idle', 'underused', 'unsupplied', 'lowYield'] },
              rule: { type: 'string' },
              parcelCode: { type: ['string', 'null'], description: 'null for park land outside every parcel' },
              parkCode: { type: 'string' },
              regionCode: { type: ['string', 'null'] },
              since: { type: ['string', 'null'], description: 'the day the finding holds from (idle: idleSince)' },
              daysIdle: { type: ['integer', 'null'], description: 'idle: days from idleSince to asOf' },
              feeYuan: { type: ['number', 'null'], description: 'idle: 土地闲置费 due, 元' },
              areaMu: { type: 'number', description: 'area of this finding, 亩 (underused: the unbuilt part)' },
              possibleDataGap: { type: 'boolean', description: 'flagged for want of data: to check before it counts' },
            },
            required: ['kind', 'rule', 'parcelCode', 'parkCode', 'since', 'daysIdle', 'feeYuan', 'areaMu', 'possibleDataGap'],
            additionalProperties: true,
          },
        },
        required: ['type', 'geometry', 'properties'],
      },
    },
  },
  required: ['type', 'asOf', 'year', 'schemeId', 'summary', 'features'],
} as const;

/** GET /api/land-use/summary. */
export const landUseSummaryResponse = {
  type: 'object',
  properties: {
    asOf: isoDate,
    year: { type: 'integer', description: 'the year of the figures the low-yield rules read' },
    schemeId: { type: 'string' },
    city: { ...landUseSummary, description: 'the totals of the scope asked: the whole city, or the park or county named' },
    regions: { type: 'object', description: 'county code → its totals (counties in the scope)', additionalProperties: landUseSummary },
    parks: { type: 'object', description: 'park code → its totals (every park in the scope, those with no finding included)', additionalProperties: landUseSummary },
  },
  required: ['asOf', 'year', 'schemeId', 'city', 'regions', 'parks'],
  additionalProperties: false,
} as const;

export const namesQuery = {
  type: 'object',
  properties: { lang: { type: 'string', maxLength: 5, description: 'en: the language the names are given in' } },
  required: ['lang'],
  additionalProperties: false,
} as const;

const featureCollection = { type: 'object', description: 'GeoJSON FeatureCollection (lon/lat, EPSG:4326)', additionalProperties: true } as const;
const feature = { type: 'object', description: 'GeoJSON Feature (lon/lat, EPSG:4326)', additionalProperties: true } as const;
const object = { type: 'object', additionalProperties: true } as const;

const nullableNumber = (description: string) => ({ type: ['number', 'null'], description }) as const;

/** The nine indicators of an area's firms (domain/scheme.ts INDICATOR_KEYS), each null where no firm reports both terms. */
const areaMetrics = {
  type: ['object', 'null'],
  description: 'the nine indicators over the firms placed in the area: per mu over its land in use, every other ratio over the firms reporting both its terms (null when no firm reported that year)',
  properties: {
    taxWanYuanPerMu: nullableNumber('亩均税收, 万元/亩'),
    valueAddedWanYuanPerMu: nullableNumber('亩均增加值, 万元/亩'),
    outputWanYuanPerMu: nullableNumber('亩均产值, 万元/亩'),
    revenueWanYuanPerMu: nullableNumber('亩均营业收入, 万元/亩'),
    valueAddedWanYuanPerTce: nullableNumber('单位能耗增加值, 万元/tce'),
    valueAddedWanYuanPerTonneEmission: nullableNumber('单位排放增加值, 万元/t'),
    laborProductivityWanYuanPerPerson: nullableNumber('全员劳动生产率, 万元/人'),
    rdRatio: nullableNumber('R&D 占比, a fraction of revenue'),
    taxYuanPerKwh: nullableNumber('单位电耗税收, 元/kWh'),
  },
  additionalProperties: false,
} as const;

const landMetrics = {
  type: ['object', 'null'],
  description: '开发区土地集约利用评价 rates from the summed land inputs (fractions; plot ratio and density as ratios)',
  properties: {
    landSupplyRate: nullableNumber('土地供应率 = supplied ÷ land ready for supply'),
    landBuiltRate: nullableNumber('土地建成率 = built ÷ supplied'),
    industrialLandRate: nullableNumber('工业用地率 = built industrial ÷ built'),
    plotRatio: nullableNumber('综合容积率 = floor area ÷ built land'),
    buildingDensity: nullableNumber('建筑密度 = footprints ÷ built land'),
    industrialTaxWanYuanPerMu: nullableNumber('工业用地地均税收, 万元/亩'),
  },
  additionalProperties: false,
} as const;

/** The headline figures of a park or the city in one year: totals, land in use and per mu as total ÷ land. */
const headlineFigures = {
  outputWanYuan: nullableNumber('产值, 万元: the sum over the firms placed in the area (null: none reported)'),
  taxWanYuan: nullableNumber('税收, 万元: the sum over the firms placed in the area'),
  usedLandMu: nullableNumber('land in use (parcels someone holds), 亩'),
  outputWanYuanPerMu: nullableNumber('亩均产值 = output ÷ land in use, 万元/亩'),
  taxWanYuanPerMu: nullableNumber('亩均税收 = tax ÷ land in use, 万元/亩'),
  enterpriseCount: { type: 'integer', minimum: 0, description: 'firms placed in the area (each in the park where it holds most land)' },
} as const;

const cityFigures = {
  type: 'object',
  description: "the city's own figures, not an average of the parks': totals summed over every park, per-mu figures as the total over the city's land in use, land-use rates from the summed land inputs, the nine indicators over the city's firms",
  properties: {
    code: { type: ['string', 'null'], description: 'the city the counties name (regions.geojson city_code, GB/T 2260), null when they name none or several' },
    name: { type: ['string', 'null'], description: 'its name as the data gives it, e.g. 安康市' },
    regionCount: { type: 'integer', minimum: 0, description: 'counties in the data' },
    parkCount: { type: 'integer', minimum: 0, description: 'parks summed' },
    year: { type: ['integer', 'null'], description: 'the year of the figures' },
    ...headlineFigures,
    landMetrics,
    metrics: areaMetrics,
  },
  required: ['code', 'name', 'regionCount', 'parkCount', 'year', 'outputWanYuan', 'taxWanYuan', 'usedLandMu', 'outputWanYuanPerMu', 'taxWanYuanPerMu', 'enterpriseCount', 'landMetrics', 'metrics'],
  additionalProperties: false,
} as const;

/** GET /api/parks: the names below are read by the web app; keep them. */
const parkCollection = {
  type: 'object',
  description: 'GeoJSON FeatureCollection of parks (lon/lat, EPSG:4326), with the years and the city as foreign members',
  properties: {
    type: { type: 'string', enum: ['FeatureCollection'] },
    year: { type: ['integer', 'null'], description: 'the year the figures are for: the one asked, else the latest reported (null: no figures at all)' },
    latestYear: { type: ['integer', 'null'], description: 'the latest year with reported figures (null: none)' },
    years: { type: 'array', items: { type: 'integer' }, description: 'every year with reported figures, newest first' },
    city: cityFigures,
    features: { type: 'array', items: feature },
  },
  required: ['type', 'year', 'latestYear', 'years', 'city', 'features'],
  additionalProperties: true,
} as const;

const yearHeadline = { type: 'object', properties: headlineFigures, required: Object.keys(headlineFigures), additionalProperties: false } as const;

/** GET /api/parks/:parkCode/history */
export const parkHistoryResponse = {
  type: 'object',
  properties: {
    parkCode: { type: 'string' },
    years: {
      type: 'array',
      description: 'every year with reported figures, oldest first',
      items: {
        type: 'object',
        properties: {
          year: { type: 'integer' },
          park: { ...yearHeadline, description: "the park's figures that year, as GET /api/parks?year= gives them" },
          city: { ...yearHeadline, description: "the city's figures that year: totals over every park, per mu as total ÷ the city's land in use" },
        },
        required: ['year', 'park', 'city'],
        additionalProperties: false,
      },
    },
  },
  required: ['parkCode', 'years'],
  additionalProperties: false,
} as const;

export const responses = { featureCollection, feature, object, parkCollection };

export const healthResponse = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok'] },
    database: { type: 'string', enum: ['embedded', 'postgres'] },
    postgis: { type: 'string' },
  },
  required: ['status', 'database', 'postgis'],
} as const;
