import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { createParksRepository } from './repositories/parks.repository.js';
import { createLandRepository } from './repositories/land.repository.js';
import { createEnterprisesRepository } from './repositories/enterprises.repository.js';
import { createSystemRepository } from './repositories/system.repository.js';
import { createSchemesRepository } from './repositories/schemes.repository.js';
import { createEvaluationRepository } from './repositories/evaluation.repository.js';
import { createLandUseRepository } from './repositories/land-use.repository.js';
import { createVacancyRepository } from './repositories/vacancy.repository.js';
import { createGradeAdjustmentsRepository } from './repositories/grade-adjustments.repository.js';
import { createExportRepository } from './repositories/export.repository.js';
import { createSearchRepository } from './repositories/search.repository.js';
import { createParksService } from './services/parks.service.js';
import { createLandService } from './services/land.service.js';
import { createEnterprisesService } from './services/enterprises.service.js';
import { createSystemService } from './services/system.service.js';
import { createBundleService } from './services/bundle.service.js';
import { createImportService } from './services/import.service.js';
import { createSchemesService } from './services/schemes.service.js';
import { createEvaluationService } from './services/evaluation.service.js';
import { createLandUseService } from './services/land-use.service.js';
import { createVacancyService } from './services/vacancy.service.js';
import { createGradeAdjustmentsService } from './services/grade-adjustments.service.js';
import { createExportService } from './services/export.service.js';
import { createSearchService } from './services/search.service.js';
import { handleError, sendProblem } from './http/problem.js';
import { registerRoutes } from './http/routes.js';

export interface Services {
  parks: ReturnType<typeof createParksService>;
  land: ReturnType<typeof createLandService>;
  enterprises: ReturnType<typeof createEnterprisesService>;
  system: ReturnType<typeof createSystemService>;
  bundles: ReturnType<typeof createBundleService>;
  imports: ReturnType<typeof createImportService>;
  schemes: ReturnType<typeof createSchemesService>;
  evaluation: ReturnType<typeof createEvaluationService>;
  landUse: ReturnType<typeof createLandUseService>;
  vacancy: ReturnType<typeof createVacancyService>;
  gradeAdjustments: ReturnType<typeof createGradeAdjustmentsService>;
  exports: ReturnType<typeof createExportService>;
  search: ReturnType<typeof createSearchService>;
}

/** Wire repositories → services for one database. */
export function createServices(db: Database, config: Pick<Config, 'riversFile'>): Services {
  const parksRepo = createParksRepository(db);
  const parkExists = parksRepo.parkExists;
  const schemes = createSchemesService(createSchemesRepository(db));
  const adjustmentsRepo = createGradeAdjustmentsRepository(db);
  const enterprisesRepo = createEnterprisesRepository(db);
  const evaluation = createEvaluationService(createEvaluationRepository(db), schemes, adjustmentsRepo);
  const parks = createParksService(parksRepo, evaluation);
  const landUse = createLandUseService(createLandUseRepository(db), evaluation, parkExists);
  return {
    parks,
    land: createLandService(createLandRepository(db), parkExists, evaluation),
    enterprises: createEnterprisesService(enterprisesRepo, evaluation),
    system: createSystemService(db, createSystemRepository(db), config.riversFile),
    bundles: createBundleService(db),
    imports: createImportService(db),
    schemes,
    evaluation,
    landUse,
    vacancy: createVacancyService(createVacancyRepository(db), parkExists),
    gradeAdjustments: createGradeAdjustmentsService(adjustmentsRepo, enterprisesRepo, evaluation),
    exports: createExportService(createExportRepository(db), { parks, evaluation, landUse, parkExists }),
    search: createSearchService(createSearchRepository(db)),
  };
}

/** A built file named by its content (`assets/index-nAlbXwqE.js`, also as `.br`/`.gz`): it never changes. */
const HASHED_ASSET = /^assets\/[^/]+-[\w-]{8}\.[a-z0-9]+(\.br|\.gz)?$/;

/**
 * Hashed assets are kept for a year without asking again; everything else (index.html, which names the
 * current assets) is asked again on every visit and answered 304 while unchanged.
 */
export function cacheControlOf(relativePath: string): string {
  return HASHED_ASSET.test(relativePath.split(path.sep).join('/')) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export async function buildApp(options: {
  config: Pick<Config, 'adminToken' | 'webRoot' | 'bodyLimitBytes' | 'logLevel'>;
  services: Services;
  logger?: boolean;
}): Promise<FastifyInstance> {
  const { config, services } = options;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    // One line per request drowns the start-up progress; errors are still logged.
    disableRequestLogging: config.logLevel !== 'debug',
    bodyLimit: config.bodyLimitBytes,
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false } },
  });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, { type: 'about:blank', title: 'Not found', status: 404, detail: `no route for ${req.method} ${req.url.split('?')[0]}` }));
  // Uploads (POST /api/imports, POST /api/bundles) take any body as a stream: see registerRoutes.

  // Before any route (and the static files): answers go out as br or gzip, whichever the client accepts.
  // Only types mime-db calls compressible: JSON, GeoJSON, CSV and text yes; zip, xlsx and GeoPackage
  // downloads are sent as they are. Request bodies are taken as sent (no decompression).
  await app.register(compress, { globalDecompression: false });

  await app.register(swagger, {
    openapi: {
      info: { title: 'MuYield (亩均) API', version: '0.1.0', description: 'Industrial-land efficiency: parks, parcels, buildings, units, enterprises. Money in 元 (raw) or 万元 (derived), areas in m² or 亩.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerRoutes(app, services, config.adminToken);

  if (fs.existsSync(path.join(config.webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: config.webRoot,
      wildcard: false,
      // The build writes .br and .gz beside each text file (frontend/vite.config.ts); they are sent in
      // place of the file to clients that accept them, never under their own names.
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz'],
      cacheControl: false,
      setHeaders: (reply, filePath) => reply.header('cache-control', cacheControlOf(path.relative(config.webRoot, filePath))),
    });
  } else {
    app.get('/', (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('MuYield API is running; the web app is not built: run `npm run build -w frontend` (npm start does it).'));
  }
  return app;
}
