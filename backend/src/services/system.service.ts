import fs from 'node:fs';
import type { Database } from '../db/database.js';
import type { SystemRepository } from '../repositories/system.repository.js';

export function createSystemService(db: Database, repo: SystemRepository, riversFile: string) {
  let rivers: unknown;
  return {
    async health() {
      return { status: 'ok' as const, database: db.kind, postgis: await repo.postgisVersion() };
    },
    async listDatasets() {
      const rows = await repo.listDatasets();
      return {
        datasets: rows.map((d) => ({
          id: d.id, name: d.name, nameEn: d.name_en, source: d.source, licence: d.licence,
          vintage: d.vintage, crs: d.crs, real: d.real, note: d.note,
        })),
      };
    },
    /** The offline basemap's rivers: a shipped file, read once. */
    rivers() {
      rivers ??= JSON.parse(fs.readFileSync(riversFile, 'utf8'));
      return rivers;
    },
  };
}
export type SystemService = ReturnType<typeof createSystemService>;
