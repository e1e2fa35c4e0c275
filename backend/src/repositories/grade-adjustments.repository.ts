import type { Database } from '../db/database.js';
import { sqlFile } from './sql-file.js';

const sql = (name: string) => sqlFile(new URL(`./sql/${name}.sql`, import.meta.url));

/** One manual adjustment (分类调档); adjusted_at as ISO 8601 UTC text. */
export interface GradeAdjustmentRow {
  uscc: string;
  grade: string;
  reason: string;
  adjusted_by: string;
  adjusted_at: string;
}

export function createGradeAdjustmentsRepository(db: Database) {
  return {
    /** The adjustments of a year under one version of a scheme, oldest first. */
    listAdjustments: (year: number, schemeId: string, schemeVersion: number) =>
      db.query<GradeAdjustmentRow>(sql('list-grade-adjustments'), [year, schemeId, schemeVersion]),
    insertAdjustment: async (a: { uscc: string; year: number; schemeId: string; schemeVersion: number; grade: string; reason: string; by: string }) =>
      (await db.query<GradeAdjustmentRow & { id: number; year: number; scheme_id: string; scheme_version: number }>(
        sql('insert-grade-adjustment'), [a.uscc, a.year, a.schemeId, a.schemeVersion, a.grade, a.reason, a.by],
      ))[0],
  };
}
export type GradeAdjustmentsRepository = ReturnType<typeof createGradeAdjustmentsRepository>;
