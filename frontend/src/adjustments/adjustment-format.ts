// Pure helpers of 分类调档 on screen: when, said in the viewer's local time; which adjustment gives the
// grade; a refusal of the server said in the person's language.
import type { AdjustableEvaluation, AdjustmentNotApplied, GradeAdjustment } from '../api/adjustment-types';
import type { Problem } from '../api/types';
import type { Messages } from '../i18n/zh-CN';

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO 8601 instant as local "YYYY-MM-DD HH:mm" (the server keeps UTC); the text itself if unreadable. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The adjustment that gives the grade (the latest that applies), or null when the grade is the computed one. */
export function findGivingAdjustment(evaluation: Pick<AdjustableEvaluation, 'adjustments'> | null | undefined): GradeAdjustment | null {
  return evaluation?.adjustments?.at(-1) ?? null;
}

/** The computed grade of an evaluation: the scheme's, before any adjustment. */
export function computedGradeOf(evaluation: AdjustableEvaluation): string | null {
  return evaluation.computedGrade ?? evaluation.adjustments?.[0]?.fromGrade ?? evaluation.grade;
}

export interface NotAppliedGroups {
  undone: AdjustmentNotApplied[];
  /** By the scheme version they were made under, oldest version first. */
  otherVersions: { schemeVersion: number; adjustments: AdjustmentNotApplied[] }[];
  firmNotGraded: AdjustmentNotApplied[];
}

/** The adjustments that do not apply, grouped by why. */
export function groupNotApplied(list: readonly AdjustmentNotApplied[] | undefined): NotAppliedGroups {
  const groups: NotAppliedGroups = { undone: [], otherVersions: [], firmNotGraded: [] };
  for (const a of list ?? []) {
    if (a.status === 'undone') groups.undone.push(a);
    else if (a.status === 'firmNotGraded') groups.firmNotGraded.push(a);
    else {
      let group = groups.otherVersions.find((g) => g.schemeVersion === a.schemeVersion);
      if (!group) groups.otherVersions.push((group = { schemeVersion: a.schemeVersion, adjustments: [] }));
      group.adjustments.push(a);
    }
  }
  groups.otherVersions.sort((a, b) => a.schemeVersion - b.schemeVersion);
  return groups;
}

const text = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : String(value));
const num = (value: unknown) => (typeof value === 'number' ? value : Number(value));

/**
 * A refusal of the adjustment routes in the person's language, from its status and, where the server gives
 * them, its kind and params; `known` false when the words are generic (the server's own detail then helps).
 */
export function describeAdjustmentProblem(problem: Problem, t: Messages): { message: string; known: boolean } {
  const f = t.adjust.failures;
  const p = problem.params ?? {};
  switch (problem.kind) {
    case 'notFound': {
      const what = text(p.what);
      if (what === 'enterprise') return { message: f.enterpriseNotFound(text(p.code)), known: true };
      if (what === 'adjustment') return { message: f.adjustmentNotFound, known: true };
      if (what === 'scheme') return { message: f.schemeNotFound(text(p.code)), known: true };
      break;
    }
    case 'required':
      return { message: f.required(t.adjust.fields[text(p.field)] ?? text(p.field)), known: true };
    case 'gradeNotInScheme':
      return { message: f.gradeNotInScheme(text(p.grade), (Array.isArray(p.grades) ? p.grades : []).join(t.park.listSeparator)), known: true };
    case 'notGraded': {
      const reason = p.reason == null ? null : t.details.reasons[text(p.reason)] ?? text(p.reason);
      return { message: f.notGraded(num(p.year), reason), known: true };
    }
    case 'adjustmentUndone':
      return { message: f.adjustmentUndone(text(p.undoneBy), formatDateTime(text(p.undoneAt))), known: true };
    case 'adjustmentOfOtherSchemeVersion':
      return { message: f.adjustmentOfOtherSchemeVersion(num(p.schemeVersion), num(p.currentVersion)), known: true };
  }
  switch (problem.status) {
    case 0: return { message: f.network, known: true };
    case 401: return { message: f.unauthorized, known: true };
    case 403: return { message: f.forbidden, known: true };
    case 400: return { message: f.badRequest, known: false };
    default: return { message: f.other(problem.status), known: false };
  }
}
