import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../app.js';
import { requireAdmin } from './auth.js';
import { sendProblem } from './problem.js';
import type { ImportQuery } from '../services/import.service.js';
import type { ImportLayer } from '../import/field-mapping.js';
import * as s from './schemas.js';
import { buildingUnitsResponse, vacanciesResponse } from './vacancy.schemas.js';
import { importsResponse } from './imports.schemas.js';
import type { EvaluationQuery } from '../services/evaluation.service.js';
import type { LandUseQuery } from '../services/land-use.service.js';
import type { VacancyQuery } from '../services/vacancy.service.js';
import type { SearchQuery } from '../services/search.service.js';
import type { GradeAdjustmentRequest, GradeAdjustmentUndoRequest } from '../services/grade-adjustments.service.js';
import type { ExportQuery } from '../services/export.service.js';
import { sendDownload } from './download.js';
import { withUploadFile } from './upload.js';

type YearQuery = { year?: number };
type SchemeParams = { id: string };

/** Every API route, in one place. Handlers are one line: services do the work. */
export function registerRoutes(app: FastifyInstance, services: Services, adminToken: string | undefined) {
  const { parks, land, enterprises, system, bundles, schemes, evaluation, landUse, vacancy, gradeAdjustments, imports } = services;

  app.get<{ Querystring: SearchQuery }>('/api/search', { schema: { tags: ['search'], summary: 'Parks by name or code, parcels by code, enterprises by name or USCC: { query, results: [{ kind, code, name, parkCode, parkName, bbox, point }] }', querystring: s.searchQuery, response: { 200: s.responses.object } } },
    (req) => services.search.search(req.query));

  app.get('/api/health', { schema: { tags: ['system'], summary: 'Liveness, database kind and PostGIS version', response: { 200: s.healthResponse } } },
    () => system.health());
  app.get('/api/datasets', { schema: { tags: ['system'], summary: 'Every dataset with source, licence, vintage and real/illustrative', response: { 200: s.responses.object } } },
    () => system.listDatasets());
  app.get<{ Querystring: { lang: string } }>('/api/names', { schema: { tags: ['system'], summary: 'Anyone. County and park names, leading industries and grade labels in another language, keyed by the Chinese: { lang, regions, parks, industries, gradeLabels }', querystring: s.namesQuery, response: { 200: s.responses.object } } },
    (req) => system.listNames(req.query.lang));
  app.get('/api/basemap/rivers', { schema: { tags: ['basemap'], summary: 'Rivers of the offline basemap (GSHHG WDB II)', response: { 200: s.responses.featureCollection } } },
    () => system.rivers());

  app.get<{ Querystring: YearQuery }>('/api/regions', { schema: { tags: ['parks'], summary: 'Counties and districts with their parks\' summed figures and land-use rates', querystring: s.yearQuery, response: { 200: s.responses.featureCollection } } },
    (req) => parks.listRegions(req.query.year));
  app.get<{ Querystring: YearQuery }>('/api/parks', { schema: { tags: ['parks'], summary: "Parks with output, tax and per-mu figures; the year they are for, the latest year, every year with figures, and the city's own figures (totals, per mu over the city's land)", querystring: s.yearQuery, response: { 200: s.responses.parkCollection } } },
    (req) => parks.listParks(req.query.year));
  app.get<{ Params: { parkCode: string } }>('/api/parks/:parkCode/history', { schema: { tags: ['parks'], summary: "A park's output, tax, land in use and per-mu figures for every year reported, with the city's beside them", params: s.parkParams, response: { 200: s.parkHistoryResponse } } },
    (req) => parks.getParkHistory(req.params.parkCode));
  app.get<{ Params: { parkCode: string }; Querystring: YearQuery }>('/api/parks/:parkCode', { schema: { tags: ['parks'], summary: 'One park', params: s.parkParams, querystring: s.yearQuery, response: { 200: s.responses.feature } } },
    (req) => parks.getPark(req.params.parkCode, req.query.year));
  app.get<{ Params: { parkCode: string }; Querystring: YearQuery }>('/api/parks/:parkCode/parcels', { schema: { tags: ['land'], summary: "Parcels of a park with their holders, per-mu tax and output and main holder's grade for the year", params: s.parkParams, querystring: s.yearQuery, response: { 200: s.responses.featureCollection } } },
    (req) => land.listParcelsOfPark(req.params.parkCode, req.query.year));
  app.get<{ Params: { parkCode: string } }>('/api/parks/:parkCode/buildings', { schema: { tags: ['land'], summary: 'Buildings of a park with lettable, leased, reserved and vacant floor area (lettableSqm = leasedSqm + reservedSqm + vacantSqm)', params: s.parkParams, response: { 200: s.responses.featureCollection } } },
    (req) => land.listBuildingsOfPark(req.params.parkCode));
  app.get<{ Params: { parcelCode: string }; Querystring: YearQuery }>('/api/parcels/:parcelCode', { schema: { tags: ['land'], summary: "One parcel with its holders' land shares, figures per mu, building coverage and plot ratio", params: s.parcelParams, querystring: s.yearQuery, response: { 200: s.responses.feature } } },
    (req) => land.getParcel(req.params.parcelCode, req.query.year));
  app.get<{ Params: { buildingCode: string } }>('/api/buildings/:buildingCode/units', { schema: { tags: ['land'], summary: 'Units of a building, with its lettable, leased, reserved and vacant floor area', params: s.buildingParams, response: { 200: buildingUnitsResponse } } },
    (req) => land.listUnitsOfBuilding(req.params.buildingCode));
  app.get<{ Params: { uscc: string }; Querystring: YearQuery }>('/api/enterprises/:uscc', { schema: { tags: ['enterprises'], summary: 'One enterprise with its land, yearly indicators, per-mu figures and evaluation', params: s.enterpriseParams, querystring: s.yearQuery, response: { 200: s.responses.object } } },
    (req) => enterprises.getEnterprise(req.params.uscc, req.query.year));

  app.get<{ Querystring: EvaluationQuery }>('/api/evaluations', { schema: { tags: ['evaluation'], summary: 'Every firm graded (亩均效益综合评价): score, contributions, rank, grade, or why not graded', querystring: s.evaluationsQuery, response: { 200: s.responses.object } } },
    (req) => evaluation.listEvaluations(req.query));
  app.post<{ Params: { uscc: string }; Body: GradeAdjustmentRequest }>('/api/evaluations/:uscc/adjustments', {
    preHandler: requireAdmin(adminToken),
    schema: {
      tags: ['evaluation'],
      summary: "分类调档: move a graded firm to another grade for a year, kept with who, when and why; needs the admin token",
      params: s.enterpriseParams, body: s.gradeAdjustmentBody, security: [{ bearer: [] }], response: { 200: s.gradeAdjustmentResponse },
    },
  }, (req) => gradeAdjustments.adjustGrade(req.params.uscc, req.body));
  app.post<{ Params: { uscc: string; id: number }; Body: GradeAdjustmentUndoRequest }>('/api/evaluations/:uscc/adjustments/:id/undo', {
    preHandler: requireAdmin(adminToken),
    schema: {
      tags: ['evaluation'],
      summary: '分类调档 undone: the adjustment stops applying and stays on record with who undid it, when and why; only one of the scheme\'s current version; needs the admin token',
      params: s.gradeAdjustmentParams, body: s.gradeAdjustmentUndoBody, security: [{ bearer: [] }], response: { 200: s.gradeAdjustmentUndoResponse },
    },
  }, (req) => gradeAdjustments.undoAdjustment(req.params.uscc, req.params.id, req.body));
  app.get<{ Querystring: LandUseQuery }>('/api/idle-land', { schema: { tags: ['land'], summary: 'Idle, under-used, unsupplied and low-yield land on a date (GeoJSON), with the totals of the scope, each parcel counted once', querystring: s.landUseQuery, response: { 200: s.landUseIssuesResponse } } },
    (req) => landUse.findLandUseIssues(req.query));
  app.get<{ Querystring: LandUseQuery }>('/api/land-use/summary', { schema: { tags: ['land'], summary: 'Totals of idle, under-used, unsupplied, low-yield and recoverable land on a date, of the city (or the scope asked), each county and each park; each parcel counted once', querystring: s.landUseQuery, response: { 200: s.landUseSummaryResponse } } },
    (req) => landUse.summariseLandUse(req.query));
  app.get<{ Querystring: VacancyQuery }>('/api/vacancies', { schema: { tags: ['land'], summary: 'Search units by area, floor, height, load and rent; lettable, leased, reserved and vacant floor area and occupancy of their buildings and parks', querystring: s.vacanciesQuery, response: { 200: vacanciesResponse } } },
    (req) => vacancy.searchVacancies(req.query));

  app.get('/api/export/bundle', { schema: { tags: ['export'], summary: 'The whole database as a park bundle .zip (GeoJSON + CSV + bundle.json + scheme.json) that POST /api/bundles and npm run import take back' } },
    async (_req, reply) => sendDownload(reply, await services.exports.exportBundle()));
  app.get<{ Params: { layer: string }; Querystring: ExportQuery }>('/api/export/:layer', { schema: { tags: ['export'], summary: 'Download a layer or view as GeoJSON, zipped Shapefile, GeoPackage, CSV or XLSX (Chinese headers with units; lang=en for English)', params: s.exportParams, querystring: s.exportQuery } },
    async (req, reply) => sendDownload(reply, await services.exports.exportLayer(req.params.layer, req.query)));

  app.get('/api/schemes', { schema: { tags: ['evaluation'], summary: 'Evaluation schemes and their versions', response: { 200: s.responses.object } } },
    () => schemes.listSchemes());
  app.get<{ Params: SchemeParams; Querystring: { version?: number } }>('/api/schemes/:id', { schema: { tags: ['evaluation'], summary: 'One evaluation scheme (current or a past version)', params: s.schemeParams, querystring: s.schemeQuery, response: { 200: s.responses.object } } },
    (req) => schemes.getScheme(req.params.id, req.query.version));
  app.put<{ Params: SchemeParams; Body: unknown }>('/api/schemes/:id', {
    preHandler: requireAdmin(adminToken),
    schema: { tags: ['evaluation'], summary: 'Store a scheme as its next version, after validation; needs the admin token', params: s.schemeParams, body: s.schemeBody, security: [{ bearer: [] }], response: { 200: s.responses.object } },
  }, (req) => schemes.saveScheme(req.params.id, req.body));

  const adminOnly = requireAdmin(adminToken);
  // The file is the raw body whatever its type says (a .geojson comes as application/json, a bundle as application/zip): in this scope every
  // body reaches the handler as a stream, saved to a temp file against UPLOAD_LIMIT_MB, never whole in memory.
  const uploadLimitBytes = app.initialConfig.bodyLimit ?? 0;
  app.register(async (uploads) => {
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    uploads.post<{ Querystring: ImportQuery; Body: unknown }>('/api/imports', {
      onRequest: [adminOnly, refuseOversizedUpload(uploadLimitBytes)],
      schema: {
        tags: ['import'],
        summary: 'Import one file (GeoJSON, zipped Shapefile, KML/KMZ, GeoPackage, CSV, XLSX; the raw file is the body) into one layer: report, then write all or nothing; status needsCrs lists CRS candidates and writes nothing; needs the admin token',
        querystring: s.importQuery, security: [{ bearer: [] }], response: { 200: s.responses.object, 422: s.responses.object },
      },
    }, (req, reply) => withUploadFile(req.body, uploadLimitBytes, reply, (file) => imports.importUpload(file, req.query))
      .then((r) => reply.code(r.status === 'invalid' ? 422 : 200).send(r)));
    uploads.post<{ Querystring: { dryRun?: boolean; fileName?: string }; Body: unknown }>('/api/bundles', {
      onRequest: [adminOnly, refuseOversizedUpload(uploadLimitBytes)],
      schema: {
        tags: ['import'],
        summary: 'Load a park bundle (.zip, the raw body, e.g. application/zip); all or nothing; needs the admin token',
        querystring: s.bundleImportQuery,
        security: [{ bearer: [] }],
        response: { 200: s.responses.object },
      },
    }, (req, reply) => withUploadFile(req.body, uploadLimitBytes, reply, (file) => bundles.importZip(file, req.query.fileName ?? 'upload.zip', { dryRun: req.query.dryRun })));
  });
  app.get('/api/imports', { schema: { tags: ['import'], summary: 'Every import (bundles and single files), newest first: status, the file or bundle name (never a server path), rows created and updated per layer', response: { 200: importsResponse } } },
    () => imports.listImports());
  const undoSchema = { tags: ['import'], summary: 'Undo a single-file import: restore the rows it changed, remove those it created; needs the admin token', params: s.importParams, security: [{ bearer: [] }], response: { 200: s.responses.object } };
  app.post<{ Params: { id: number } }>('/api/imports/:id/undo', { preHandler: adminOnly, schema: undoSchema }, (req) => imports.undoImport(req.params.id));
  app.delete<{ Params: { id: number } }>('/api/imports/:id', { preHandler: adminOnly, schema: undoSchema }, (req) => imports.undoImport(req.params.id));
  app.get<{ Querystring: { layer: ImportLayer; signature: string } }>('/api/import-mappings', { schema: { tags: ['import'], summary: 'The column mapping last used for a layer and a file with these columns', querystring: s.importMappingQuery, response: { 200: s.responses.object } } },
    (req) => imports.getMapping(req.query.layer, req.query.signature));
}

/** Answer 413 from Content-Length before reading a byte of an upload larger than UPLOAD_LIMIT_MB. */
function refuseOversizedUpload(limitBytes: number) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const length = Number(request.headers['content-length'] ?? 0);
    if (limitBytes > 0 && length > limitBytes) {
      return sendProblem(reply, {
        type: 'about:blank', title: 'Request too large', status: 413,
        detail: `the upload is ${(length / 1024 ** 2).toFixed(1)} MB; this server accepts at most ${(limitBytes / 1024 ** 2).toFixed(0)} MB (UPLOAD_LIMIT_MB)`,
      });
    }
  };
}
