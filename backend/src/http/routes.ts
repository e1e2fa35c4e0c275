import type { FastifyInstance } from 'fastify';
import type { Services } from '../app.js';
import { requireAdmin } from './auth.js';
import * as s from './schemas.js';

type YearQuery = { year?: number };

/** Every API route, in one place. Handlers are one line: services do the work. */
export function registerRoutes(app: FastifyInstance, services: Services, adminToken: string | undefined) {
  const { parks, land, enterprises, system, bundles } = services;

  app.get('/api/health', { schema: { tags: ['system'], summary: 'Liveness, database kind and PostGIS version', response: { 200: s.healthResponse } } },
    () => system.health());
  app.get('/api/datasets', { schema: { tags: ['system'], summary: 'Every dataset with source, licence, vintage and real/illustrative', response: { 200: s.responses.object } } },
    () => system.listDatasets());
  app.get('/api/basemap/rivers', { schema: { tags: ['basemap'], summary: 'Rivers of the offline basemap (GSHHG WDB II)', response: { 200: s.responses.featureCollection } } },
    () => system.rivers());

  app.get('/api/regions', { schema: { tags: ['parks'], summary: 'Counties and districts', response: { 200: s.responses.featureCollection } } },
    () => parks.listRegions());
  app.get<{ Querystring: YearQuery }>('/api/parks', { schema: { tags: ['parks'], summary: 'Parks with output, tax and per-mu figures', querystring: s.yearQuery, response: { 200: s.responses.featureCollection } } },
    (req) => parks.listParks(req.query.year));
  app.get<{ Params: { parkCode: string }; Querystring: YearQuery }>('/api/parks/:parkCode', { schema: { tags: ['parks'], summary: 'One park', params: s.parkParams, querystring: s.yearQuery, response: { 200: s.responses.feature } } },
    (req) => parks.getPark(req.params.parkCode, req.query.year));
  app.get<{ Params: { parkCode: string } }>('/api/parks/:parkCode/parcels', { schema: { tags: ['land'], summary: 'Parcels of a park with their holders', params: s.parkParams, response: { 200: s.responses.featureCollection } } },
    (req) => land.listParcelsOfPark(req.params.parkCode));
  app.get<{ Params: { parkCode: string } }>('/api/parks/:parkCode/buildings', { schema: { tags: ['land'], summary: 'Buildings of a park with lettable, leased and vacant floor area', params: s.parkParams, response: { 200: s.responses.featureCollection } } },
    (req) => land.listBuildingsOfPark(req.params.parkCode));
  app.get<{ Params: { parcelCode: string } }>('/api/parcels/:parcelCode', { schema: { tags: ['land'], summary: 'One parcel', params: s.parcelParams, response: { 200: s.responses.feature } } },
    (req) => land.getParcel(req.params.parcelCode));
  app.get<{ Params: { buildingCode: string } }>('/api/buildings/:buildingCode/units', { schema: { tags: ['land'], summary: 'Units of a building', params: s.buildingParams, response: { 200: s.responses.object } } },
    (req) => land.listUnitsOfBuilding(req.params.buildingCode));
  app.get<{ Params: { uscc: string } }>('/api/enterprises/:uscc', { schema: { tags: ['enterprises'], summary: 'One enterprise with its land and yearly indicators', params: s.enterpriseParams, response: { 200: s.responses.object } } },
    (req) => enterprises.getEnterprise(req.params.uscc));

  app.post<{ Querystring: { dryRun?: boolean; fileName?: string }; Body: Buffer }>('/api/bundles', {
    preHandler: requireAdmin(adminToken),
    schema: {
      tags: ['import'],
      summary: 'Load a park bundle (.zip, body application/zip); all or nothing; needs the admin token',
      querystring: s.bundleImportQuery,
      security: [{ bearer: [] }],
      response: { 200: s.responses.object },
    },
  }, (req) => bundles.importZip(req.body, req.query.fileName ?? 'upload.zip', { dryRun: req.query.dryRun }));
}
