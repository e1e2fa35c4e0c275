import fs from 'node:fs';
import type { Database } from '../db/database.js';
import type { SystemRepository } from '../repositories/system.repository.js';
import { GRADE_LABELS_EN, toEnglishGradeLabel, toEnglishIndustry, toEnglishPlaceName } from '../domain/english-names.js';
import { BadRequestError } from './errors.js';

/** Languages the names can be given in besides their own Chinese. */
export const NAME_LANGS = ['en'] as const;

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
          vintage: d.vintage, crs: d.crs, real: d.real, note: d.note, zh: d.zh,
        })),
      };
    },
    /**
     * The English of every county and park name, leading industry and grade label the data holds, keyed
     * by the Chinese (GET /api/names?lang=en): the English UI shows these instead of the Chinese.
     */
    async listNames(lang: string) {
      if (!(NAME_LANGS as readonly string[]).includes(lang)) throw new BadRequestError(`lang: "${lang}" is not one of ${NAME_LANGS.join(', ')}`);
      const toEnglish = { region: toEnglishPlaceName, park: toEnglishPlaceName, industry: toEnglishIndustry, gradeLabel: toEnglishGradeLabel };
      // The default scheme's labels are there even before a scheme is stored (evaluation falls back to it).
      const names = { regions: {} as Record<string, string>, parks: {} as Record<string, string>, industries: {} as Record<string, string>, gradeLabels: { ...GRADE_LABELS_EN } };
      const into = { region: names.regions, park: names.parks, industry: names.industries, gradeLabel: names.gradeLabels };
      for (const { kind, chinese } of await repo.listNameSources()) into[kind][chinese] = toEnglish[kind](chinese);
      return { lang, ...names };
    },
    /** The offline basemap's rivers: a shipped file, read once. */
    rivers() {
      rivers ??= JSON.parse(fs.readFileSync(riversFile, 'utf8'));
      return rivers;
    },
  };
}
export type SystemService = ReturnType<typeof createSystemService>;
