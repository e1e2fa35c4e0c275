// The only module that knows the API's URLs. Same origin: the backend serves this app at `/`.
import { ApiError, getJson } from './http-client';
import type { ImportList, ImportParams, ImportRecord, ImportReport, UndoResult } from './import-types';
import { postJsonWithToken, postWithToken, toProblem, uploadWithProgress } from './upload-client';
import type { AdjustedResult, GradeAdjustment, GradeAdjustmentRequest, GradeAdjustmentUndoRequest } from './adjustment-types';
import type { DatasetList, Health, NameList, ParkCollection, RegionCollection, RiverCollection } from './types';
import type { LandUseSummaryAnswer, ParkHistory } from './area-types';
import type {
  BuildingCollection,
  Enterprise,
  EvaluationList,
  LandUseCollection,
  ParcelCollection,
  ParcelDetailFeature,
  UnitList,
} from './park-types';

/** `?year=Y`, or nothing for the latest reported year. */
const yearQuery = (year: number | null | undefined) => (year == null ? '' : `?year=${year}`);

export const listRegions = (year: number | null, signal?: AbortSignal) =>
  getJson<RegionCollection>(`/api/regions${yearQuery(year)}`, signal);

export const listParks = (year: number | null, signal?: AbortSignal) =>
  getJson<ParkCollection>(`/api/parks${yearQuery(year)}`, signal);

export const listRivers = (signal?: AbortSignal) => getJson<RiverCollection>('/api/basemap/rivers', signal);

export const listDatasets = (signal?: AbortSignal) => getJson<DatasetList>('/api/datasets', signal);

export const getHealth = (signal?: AbortSignal) => getJson<Health>('/api/health', signal);

/** The English of the data's county and park names, industries and grade labels, keyed by the Chinese. */
export const listEnglishNames = (signal?: AbortSignal) => getJson<NameList>('/api/names?lang=en', signal);

// Park view and details: one park's land, one parcel, building, or enterprise at a time.
const enc = encodeURIComponent;

export const listParcelsOfPark = (parkCode: string, year: number | null, signal?: AbortSignal) =>
  getJson<ParcelCollection>(`/api/parks/${enc(parkCode)}/parcels${yearQuery(year)}`, signal);

export const listBuildingsOfPark = (parkCode: string, signal?: AbortSignal) =>
  getJson<BuildingCollection>(`/api/parks/${enc(parkCode)}/buildings`, signal);

export const getParcel = (parcelCode: string, year: number | null, signal?: AbortSignal) =>
  getJson<ParcelDetailFeature>(`/api/parcels/${enc(parcelCode)}${yearQuery(year)}`, signal);

export const listUnitsOfBuilding = (buildingCode: string, signal?: AbortSignal) =>
  getJson<UnitList>(`/api/buildings/${enc(buildingCode)}/units`, signal);

export const getEnterprise = (uscc: string, year: number | null, signal?: AbortSignal) =>
  getJson<Enterprise>(`/api/enterprises/${enc(uscc)}${yearQuery(year)}`, signal);

/** Idle, under-used, unsupplied and low-yield land of a park on `asOf` (YYYY-MM-DD). */
export const listLandUseIssues = (parkCode: string, asOf: string, signal?: AbortSignal) =>
  getJson<LandUseCollection>(`/api/idle-land?asOf=${asOf}&park=${enc(parkCode)}`, signal);

/** The park's output, tax and per-mu figures for every year reported, with the city's. */
export const getParkHistory = (parkCode: string, signal?: AbortSignal) =>
  getJson<ParkHistory>(`/api/parks/${enc(parkCode)}/history`, signal);

/** The land-use totals on `asOf` of one county (and of each of its parks), each parcel counted once. */
export const getCountyLandUseSummary = (regionCode: string, asOf: string, signal?: AbortSignal) =>
  getJson<LandUseSummaryAnswer>(`/api/land-use/summary?asOf=${asOf}&region=${enc(regionCode)}`, signal);

export const listEvaluations = (parkCode: string, year: number | null, signal?: AbortSignal) =>
  getJson<EvaluationList>(`/api/evaluations?${year == null ? '' : `year=${year}&`}park=${enc(parkCode)}`, signal);

// 分类调档: a firm's grade moved by a person, and undone (admin token as Bearer, never in the URL).

export const adjustGrade = (uscc: string, body: GradeAdjustmentRequest, token: string, signal?: AbortSignal) =>
  postJsonWithToken<AdjustedResult>(`/api/evaluations/${enc(uscc)}/adjustments`, body, token, signal);

export const undoGradeAdjustment = (uscc: string, id: GradeAdjustment['id'], body: GradeAdjustmentUndoRequest, token: string, signal?: AbortSignal) =>
  postJsonWithToken<AdjustedResult & { undone: unknown }>(`/api/evaluations/${enc(uscc)}/adjustments/${id}/undo`, body, token, signal);

// Single-file imports (admin token as Bearer, never in the URL).

/** `?layer=…&fileName=…&dryRun=…` (+ crs, repair, mapping as JSON when set). */
export function toImportQueryString(params: ImportParams): string {
  const query = new URLSearchParams({ layer: params.layer, fileName: params.fileName, dryRun: String(params.dryRun) });
  if (params.sourceLayer) query.set('sourceLayer', params.sourceLayer);
  if (params.crs) query.set('crs', params.crs);
  if (params.repair) query.set('repair', 'true');
  if (params.mapping) query.set('mapping', JSON.stringify(params.mapping));
  return `?${query.toString()}`;
}

/** Upload one file: the report (also when it has errors: HTTP 422), or an ApiError for 400/401/403/413/…. */
export async function uploadImport(
  file: Blob, params: ImportParams, token: string, onUploadProgress?: (fraction: number) => void, signal?: AbortSignal,
): Promise<ImportReport> {
  const url = `/api/imports${toImportQueryString(params)}`;
  const answer = await uploadWithProgress({ url, body: file, token, onUploadProgress, signal });
  const body = answer.body as Partial<ImportReport> | null;
  const isReport = body !== null && typeof body === 'object' && Array.isArray(body.problems) && typeof body.counts === 'object';
  if ((answer.status === 200 || answer.status === 422) && isReport) return body as ImportReport;
  throw new ApiError(toProblem(answer, url));
}

export const listImports = (signal?: AbortSignal) => getJson<ImportList>('/api/imports', signal);

export const undoImport = (id: ImportRecord['id'], token: string, signal?: AbortSignal) =>
  postWithToken<UndoResult>(`/api/imports/${id}/undo`, token, signal);

export type ExportFormat = 'geojson' | 'shp' | 'gpkg' | 'csv' | 'xlsx';

export interface ExportFilter {
  park?: string | null;
  region?: string | null;
  year?: number | null;
}

/** The URL of GET /api/export/:layer (a download link: the browser fetches it). */
export function exportUrl(layer: string, format: ExportFormat, filter: ExportFilter = {}, lang: 'zh' | 'en' = 'zh'): string {
  const query = new URLSearchParams({ format });
  if (filter.park) query.set('park', filter.park);
  if (filter.region) query.set('region', filter.region);
  if (filter.year != null) query.set('year', String(filter.year));
  if (lang === 'en') query.set('lang', 'en');
  return `/api/export/${encodeURIComponent(layer)}?${query}`;
}

