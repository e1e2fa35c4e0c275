import type { Database } from '../db/database.js';
import { sqlFile } from './sql-file.js';

const sql = (name: string) => sqlFile(new URL(`./sql/${name}.sql`, import.meta.url));

/** One manual adjustment (分类调档); times as ISO 8601 UTC text; undone_* null while it stands. */
export interface GradeAdjustmentRow {
  id: number;
  uscc: string;
  scheme_version: number;
  grade: string;
  reason: string;
  adjusted_by: string;
  adjusted_at: string;
  undone_by: string | null;
  undo_reason: string | null;
  undone_at: string | null;
}

/** The same with the year and scheme it belongs to. */
export interface StoredGradeAdjustmentRow extends GradeAdjustmentRow {
  year: number;
  scheme_id: string;
}

export function createGradeAdjustmentsRepository(db: Database) {
  return {
    /** The adjustments of a year under every version of a scheme, undone ones too, oldest first. */
    listAdjustments: (year: number, schemeId: string) =>
      db.query<GradeAdjustmentRow>(sql('list-grade-adjustments'), [year, schemeId]),
    findAdjustment: async (id: number): Promise<StoredGradeAdjustmentRow | undefined> =>
      (await db.query<StoredGradeAdjustmentRow>(sql('find-grade-adjustment'), [id]))[0],
    insertAdjustment: async (a: { uscc: string; year: number; schemeId: string; schemeVersion: number; grade: string; reason: string; by: string }) =>
      (await db.query<StoredGradeAdjustmentRow>(
        sql('insert-grade-adjustment'), [a.uscc, a.year, a.schemeId, a.schemeVersion, a.grade, a.reason, a.by],
      ))[0],
    /** Mark an adjustment undone; undefined when it was undone already (or does not exist). */
    undoAdjustment: async (id: number, by: string, reason: string | null): Promise<StoredGradeAdjustmentRow | undefined> =>
      (await db.query<StoredGradeAdjustmentRow>(sql('undo-grade-adjustment'), [id, by, reason]))[0],
  };
}
export type GradeAdjustmentsRepository = ReturnType<typeof createGradeAdjustmentsRepository>;
