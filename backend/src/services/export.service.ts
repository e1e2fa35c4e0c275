import type { ExportRepository, ExportScope } from '../repositories/export.repository.js';
import type { ParksService } from './parks.service.js';
import type { EvaluationService } from './evaluation.service.js';
import type { LandUseService } from './land-use.service.js';
import { BadRequestError, NotFoundError } from './errors.js';
import { EXPORT_LAYERS, GEOMETRY_LAYERS, LAYER_COLUMNS, LAYER_TITLES, type CellValue, type ExportFeature, type ExportLang, type ExportLayer, type ExportTable } from '../export/headers.js';
import { toCsv } from '../export/to-csv.js';
import { toXlsx } from '../export/to-xlsx.js';
import { toGeoJson } from '../export/to-geojson.js';
import { toShapefileZip } from '../export/to-shapefile.js';
import { toGeoPackage } from '../export/to-geopackage.js';
import { toBundleZip, type BundleLayerRow } from '../export/to-bundle.js';
import { toAsciiNamePart } from '../export/content-disposition.js';
import { isIsoDate } from '../domain/dates.js';
import { sqmToMu, yuanToWanYuan } from '../domain/units.js';
import { appendTo } from '../domain/collections.js';
import type { LayerName } from '../bundle/fields.js';

export const EXPORT_FORMATS = ['geojson', 'shp', 'gpkg', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
const LANGS: readonly ExportLang[] = ['zh', 'en'];

export interface ExportQuery {
  format?: string;
  park?: string;
  region?: string;
  year?: number;
  asOf?: string;
  lang?: string;
}

/** A file to download: the bytes, their type, and an ASCII and a UTF-8 name. */
export interface ExportFile {
  body: Buffer;
  contentType: string;
  asciiFileName: string;
  fileName: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  geojson: 'application/geo+json',
  shp: 'application/zip',
  gpkg: 'application/geopackage+sqlite3',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const EXTENSIONS: Record<ExportFormat, string> = { geojson: 'geojson', shp: 'shp.zip', gpkg: 'gpkg', csv: 'csv', xlsx: 'xlsx' };

const wanYuan = (yuan: number | null | undefined) => (yuan == null ? null : yuanToWanYuan(yuan));
const today = () => new Date().toISOString().slice(0, 10);

const KIND_LABELS: Record<string, Record<ExportLang, string>> = {
  idle: { zh: '闲置土地', en: 'idle' },
  underused: { zh: '低效利用(未达控制指标)', en: 'under-used' },
  unsupplied: { zh: '未供应土地', en: 'unsupplied' },
  lowYield: { zh: '疑似低效用地', en: 'suspected low yield' },
};
const IDLE_LAND_MAPPED = new Set(['kind', 'rule', 'parcelCode', 'parkCode', 'uscc', 'since', 'daysIdle', 'feeYuan', 'takeBackFrom', 'areaMu']);

function checkChoice<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new BadRequestError(`${name}: "${value}" is not one of ${allowed.join(', ')}`);
  return value as T;
}

type Deps = {
  parks: Pick<ParksService, 'listParks'>;
  evaluation: Pick<EvaluationService, 'evaluateYear' | 'resolveYear'>;
  landUse: Pick<LandUseService, 'findLandUseIssues'>;
  parkExists: (parkCode: string) => Promise<boolean>;
};

export function createExportService(repo: ExportRepository, deps: Deps) {
  const feature = (properties: Record<string, CellValue>, geometry: GeoJSON.Geometry | null = null): ExportFeature => ({ properties, geometry });

  /** The features of a layer within the scope; `lang` only names things (kind labels). */
  async function featuresOf(layer: ExportLayer, scope: ExportScope, q: ExportQuery, lang: ExportLang): Promise<ExportFeature[]> {
    switch (layer) {
      case 'parks': {
        const { features } = await deps.parks.listParks(q.year);
        return features
          .filter((f) => (!scope.parkCode || f.properties.code === scope.parkCode) && (!scope.regionCode || f.properties.regionCode === scope.regionCode))
          .map(({ properties: p, geometry }) => feature({
            code: p.code, name: p.name, region_code: p.regionCode, region_name: p.regionName, level: p.level,
            leading_industries: p.leadingIndustries.join('、'), approved_area_mu: p.approvedAreaMu, area_mu: p.areaMu,
            year: p.year, output_wan_yuan: p.outputWanYuan, tax_wan_yuan: p.taxWanYuan, used_land_mu: p.usedLandMu,
            output_wan_yuan_per_mu: p.outputWanYuanPerMu, tax_wan_yuan_per_mu: p.taxWanYuanPerMu,
            land_supply_rate: p.landMetrics.landSupplyRate, plot_ratio: p.landMetrics.plotRatio,
            enterprise_count: p.enterpriseCount, parcel_count: p.parcelCount, grade: p.grade, grade_score: p.gradeScore,
            illustrative: p.illustrative,
          }, geometry));
      }
      case 'parcels':
        return (await repo.listParcels(scope)).map(({ geometry, planned_investment_yuan, invested_yuan, land_price_yuan, ...r }) => feature({
          ...r,
          land_area_mu: sqmToMu(r.land_area_sqm),
          planned_investment_wan_yuan: wanYuan(planned_investment_yuan),
          invested_wan_yuan: wanYuan(invested_yuan),
          land_price_wan_yuan: wanYuan(land_price_yuan),
        }, geometry));
      case 'buildings':
        return (await repo.listBuildings(scope)).map(({ geometry, ...r }) => feature(r, geometry));
      case 'units':
        return (await repo.listUnits(scope)).map((r) => feature(r));
      case 'enterprises':
        return (await repo.listEnterprises(scope)).map((r) => feature(r));
      case 'land_rights':
        return (await repo.listLandRights(scope)).map((r) => feature(r));
      case 'indicators':
        return (await repo.listIndicators(scope, q.year)).map((r) => feature({
          uscc: r.uscc, enterprise_name: r.enterprise_name, park_code: r.park_code, year: r.year,
          output_wan_yuan: wanYuan(r.output_yuan), revenue_wan_yuan: wanYuan(r.revenue_yuan),
          value_added_wan_yuan: wanYuan(r.value_added_yuan), tax_wan_yuan: wanYuan(r.tax_yuan),
          energy_tce: r.energy_tce, emissions_t: r.emissions_t, electricity_kwh: r.electricity_kwh,
          employees: r.employees, rd_wan_yuan: wanYuan(r.rd_yuan),
        }));
      case 'evaluations':
        return evaluationFeatures(scope, q.year);
      case 'idle-land':
        return idleLandFeatures(scope, q, lang);
    }
  }

  /** Every firm's evaluation for the year (ranks within county and group, whatever the filter), best first. */
  async function evaluationFeatures(scope: ExportScope, year?: number): Promise<ExportFeature[]> {
    const chosen = await deps.evaluation.resolveYear(year);
    if (chosen == null) return [];
    const ev = await deps.evaluation.evaluateYear(chosen);
    const rows = ev.results.flatMap((r) => {
      const e = ev.enterprises.get(r.uscc);
      const parkCode = e?.park_code ?? null;
      const regionCode = r.regionCode || null;
      if ((scope.parkCode && parkCode !== scope.parkCode) || (scope.regionCode && regionCode !== scope.regionCode)) return [];
      // The adjustment that gives the grade: the latest of those that apply (分类调档, oldest first).
      const adjustment = r.adjustments.at(-1);
      return [{
        uscc: r.uscc, name: e?.name ?? null, park_code: parkCode, region_code: regionCode, year: ev.year,
        group: r.group, eligible: r.eligible, reason: r.reason, land_area_mu: r.landAreaMu,
        tax_wan_yuan_per_mu: r.metrics?.taxWanYuanPerMu ?? null,
        value_added_wan_yuan_per_mu: r.metrics?.valueAddedWanYuanPerMu ?? null,
        output_wan_yuan_per_mu: r.metrics?.outputWanYuanPerMu ?? null,
        score: r.score, rank: r.rank, pool_size: r.poolSize, grade: r.grade, grade_label: r.gradeLabel,
        computed_grade: r.computedGrade, adjusted: adjustment != null,
        adjusted_grade: adjustment?.toGrade ?? null, adjustment_reason: adjustment?.reason ?? null,
        adjusted_by: adjustment?.by ?? null, adjusted_at: adjustment?.at ?? null,
      }];
    });
    const key = (r: (typeof rows)[number]) => `${r.region_code ?? '~'}|${r.group}|${String(r.rank ?? 999_999).padStart(6, '0')}|${r.uscc}`;
    return rows.map((r) => ({ r, k: key(r) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map(({ r }) => feature(r));
  }

  async function idleLandFeatures(scope: ExportScope, q: ExportQuery, lang: ExportLang): Promise<ExportFeature[]> {
    const asOf = q.asOf ?? (q.year ? `${q.year}-12-31` : today());
    if (!isIsoDate(asOf)) throw new BadRequestError(`asOf: "${asOf}" is not a YYYY-MM-DD date`);
    const issues = await deps.landUse.findLandUseIssues({ asOf, park: scope.parkCode, region: scope.regionCode });
    return issues.features.map(({ properties, geometry }) => {
      const p: typeof properties & Record<string, unknown> = properties;
      const rest = Object.fromEntries(Object.entries(p).filter(([k, v]) => !IDLE_LAND_MAPPED.has(k) && v != null));
      return feature({
        kind: p.kind, kind_label: KIND_LABELS[p.kind]?.[lang] ?? p.kind, rule: p.rule, parcel_code: p.parcelCode,
        park_code: p.parkCode, uscc: typeof p.uscc === 'string' ? p.uscc : null, as_of: asOf, since: p.since,
        days_idle: p.daysIdle, fee_wan_yuan: wanYuan(p.feeYuan),
        take_back_from: typeof p.takeBackFrom === 'string' ? p.takeBackFrom : null, area_mu: p.areaMu,
        detail: Object.keys(rest).length ? JSON.stringify(rest) : null,
      }, geometry);
    });
  }

  async function checkScope(q: ExportQuery): Promise<ExportScope> {
    if (q.park && !(await deps.parkExists(q.park))) throw new NotFoundError('park', q.park);
    if (q.region && !(await repo.regionExists(q.region))) throw new NotFoundError('region', q.region);
    return { parkCode: q.park, regionCode: q.region };
  }

  function fileNames(layer: ExportLayer, q: ExportQuery, format: ExportFormat) {
    const parts = [q.park, q.region, q.asOf ?? q.year].filter((p): p is string | number => p != null).map(String);
    const ext = EXTENSIONS[format];
    return {
      asciiFileName: ['muyield', LAYER_TITLES[layer].en, ...parts.map(toAsciiNamePart)].join('-') + `.${ext}`,
      fileName: ['亩均', LAYER_TITLES[layer].zh, ...parts].join('-') + `.${ext}`,
    };
  }

  return {
    /**
     * One layer in one format, filtered by park, county and year where they mean something (year: parks'
     * figures, indicators, evaluations; the day idle land is judged on is asOf, else 31 December of year).
     */
    async exportLayer(layerName: string, q: ExportQuery): Promise<ExportFile> {
      const layer = checkChoice('layer', layerName, EXPORT_LAYERS);
      const format = checkChoice('format', q.format ?? 'geojson', EXPORT_FORMATS);
      const lang = checkChoice('lang', q.lang ?? 'zh', LANGS);
      if ((format === 'shp' || format === 'gpkg') && !GEOMETRY_LAYERS.has(layer)) {
        throw new BadRequestError(`format: ${layer} has no geometry, so it cannot be a ${format === 'shp' ? 'Shapefile' : 'GeoPackage'}; use format=csv, xlsx or geojson`);
      }
      const scope = await checkScope(q);
      const table: ExportTable = { layer, columns: [...LAYER_COLUMNS[layer]], features: await featuresOf(layer, scope, q, lang), hasGeometry: GEOMETRY_LAYERS.has(layer) };
      const tableName = layer.replace(/-/g, '_');
      const body = await {
        geojson: () => Promise.resolve(toGeoJson(table)),
        csv: () => Promise.resolve(toCsv(table, { lang })),
        xlsx: () => toXlsx(table, { lang, sheetName: LAYER_TITLES[layer][lang] }),
        shp: () => toShapefileZip(table, tableName),
        gpkg: () => toGeoPackage(table, tableName),
      }[format]();
      return { body, contentType: CONTENT_TYPES[format], ...fileNames(layer, q, format) };
    },

    /** The whole database as a park bundle our loader takes back (GET /api/export/bundle). */
    async exportBundle(): Promise<ExportFile> {
      const [rows, datasets, schemes, left] = await Promise.all([repo.listBundleRows(), repo.listDatasets(), repo.listSchemes(), repo.countNotInBundle()]);
      const layers = { regions: [], parks: [], parcels: [], buildings: [], enterprises: [], units: [], land_rights: [], indicators: [] } as Record<LayerName, BundleLayerRow[]>;
      const byLayer = new Map<LayerName, BundleLayerRow[]>();
      for (const r of rows) appendTo(byLayer, r.layer, { values: r.values, geometry: r.geometry });
      for (const [layer, list] of byLayer) layers[layer] = list;
      const [scheme, ...otherSchemes] = schemes;
      const notIncluded = [
        ...otherSchemes.map((s) => `evaluation scheme "${s.id}" (a bundle carries one scheme.json: the most recently written, "${scheme.id}")`),
        ...(left.scheme_versions > schemes.length ? [`${left.scheme_versions - schemes.length} earlier scheme versions (the bundle has each scheme's current version)`] : []),
        ...(left.grade_adjustments ? [`${left.grade_adjustments} manual grade adjustments (分类调档): the bundle format has no file for them`] : []),
      ];
      const date = today();
      const body = await toBundleZip({
        name: `亩均导出 MuYield export ${date}`,
        exportedAt: new Date().toISOString(),
        datasets: datasets.map((d) => ({ id: d.id, name: d.name, nameEn: d.name_en, source: d.source, licence: d.licence, vintage: d.vintage, crs: d.crs, real: d.real, note: d.note, ...(d.zh ? { zh: d.zh } : {}) })),
        scheme: scheme?.body ?? null,
        notIncluded,
        layers,
      });
      return { body, contentType: 'application/zip', asciiFileName: `muyield-bundle-${date}.zip`, fileName: `亩均数据包-${date}.zip` };
    },
  };
}
export type ExportService = ReturnType<typeof createExportService>;
