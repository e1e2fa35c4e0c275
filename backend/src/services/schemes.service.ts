import type { SchemesRepository, SchemeRow } from '../repositories/schemes.repository.js';
import { DEFAULT_SCHEME } from '../domain/default-scheme.js';
import { validateScheme, type EvaluationScheme } from '../domain/scheme.js';
import { BadRequestError, InvalidSchemeError, NotFoundError } from './errors.js';

/** The scheme evaluations use unless asked for another; seeded from DEFAULT_SCHEME on first read. */
export const DEFAULT_SCHEME_ID = 'default';

const toScheme = (row: SchemeRow) => ({ id: row.id, version: row.version, updatedAt: row.updated_at, scheme: row.body });

export function createSchemesService(repo: SchemesRepository) {
  let seeded: Promise<void> | undefined;
  const shipped = { ...DEFAULT_SCHEME, id: DEFAULT_SCHEME_ID };
  /**
   * Schemes are data: the default is written once, idempotently, so both databases behave the same. A stored
   * default that no longer passes validation (written before a rule this version requires, such as the
   * maximum score) is followed by the shipped default as its next version; the old one stays in the history.
   */
  const ensureDefault = () => (seeded ??= (async () => {
    await repo.insertIfMissing(DEFAULT_SCHEME_ID, shipped);
    const stored = await repo.findScheme(DEFAULT_SCHEME_ID);
    if (stored && !validateScheme(stored.body).ok) await repo.saveScheme(DEFAULT_SCHEME_ID, shipped);
  })().catch((err) => {
    seeded = undefined;
    throw err;
  }));

  const getScheme = async (id: string, version?: number) => {
    await ensureDefault();
    const row = await repo.findScheme(id, version);
    if (!row) throw new NotFoundError('scheme', version == null ? id : `${id}@${version}`);
    return toScheme(row);
  };

  return {
    async listSchemes() {
      await ensureDefault();
      const rows = await repo.listSchemes();
      return {
        schemes: rows.map((r) => ({ id: r.id, version: r.version, versions: r.versions, name: r.name, year: r.year, regionCode: r.region_code, updatedAt: r.updated_at })),
      };
    },
    getScheme,
    /** The scheme an evaluation runs with, checked: a stored scheme that fails validation is refused (422). */
    async getEvaluationScheme(id = DEFAULT_SCHEME_ID): Promise<EvaluationScheme> {
      const { scheme, version } = await getScheme(id);
      const result = validateScheme(scheme);
      if (!result.ok) throw new InvalidSchemeError(result.errors, 422, `stored scheme "${id}" is invalid`);
      // The row is the truth for id and version (a bundle's scheme.json may carry others).
      return { ...result.scheme, id, version };
    },
    /** Validate the body and store it as the scheme's next version. */
    async saveScheme(id: string, body: unknown) {
      const result = validateScheme(body);
      if (!result.ok) throw new InvalidSchemeError(result.errors, 400, 'the scheme is invalid');
      if (result.scheme.id !== id) throw new BadRequestError(`id: the body's id "${result.scheme.id}" differs from "${id}" in the path`);
      await ensureDefault();
      return toScheme(await repo.saveScheme(id, result.scheme));
    },
  };
}
export type SchemesService = ReturnType<typeof createSchemesService>;
