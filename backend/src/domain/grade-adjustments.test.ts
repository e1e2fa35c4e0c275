import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME } from './default-scheme.js';
import { evaluateEnterprises, type EnterpriseEvaluationInput } from './evaluation.js';
import { applyGradeAdjustments, type StoredGradeAdjustment } from './grade-adjustments.js';
import { muToSqm } from './units.js';

const SCHEME = { ...DEFAULT_SCHEME, version: 3 };

/** A 规上 firm on 10 亩 with the default benchmarks as its 2025 figures; a utility (D44) is not graded. */
function firm(uscc: string, industryCode = 'C14'): EnterpriseEvaluationInput {
  return {
    uscc, regionCode: '610902', industryCode, aboveScale: true, registeredOn: '2015-01-01', inConstructionPeriod: false,
    landAreaSqm: muToSqm(10), mergedIntoUscc: null,
    figuresByYear: {
      2025: {
        outputYuan: 200_000_000, revenueYuan: 100_000_000, valueAddedYuan: 13_616_000, taxYuan: 2_409_700, energyTce: 13_616_000 / 26_940,
        emissionsT: 13_616_000 / 5_000_000, employees: 13_616_000 / 181_400, rdYuan: 3_020_000, electricityKwh: 2_409_700 / 0.8,
      },
    },
  };
}

const computed = evaluateEnterprises([firm('X'), firm('U', 'D44')], SCHEME, { year: 2025 });
const X = computed.find((r) => r.uscc === 'X')!;

let nextId = 1;
function adjustment(change: Partial<StoredGradeAdjustment>): StoredGradeAdjustment {
  return {
    id: nextId++, uscc: 'X', schemeVersion: 3, grade: 'A', reason: '县评价领导小组决定', by: '县经信局 王某', at: '2026-04-10T01:30:00.000000Z',
    undoneBy: null, undoneAt: null, undoReason: null, ...change,
  };
}

describe('which 分类调档 apply', () => {
  it('applies those of the current scheme version, oldest first, so the latest wins', () => {
    const first = adjustment({ grade: 'D' });
    const second = adjustment({ grade: 'A', at: '2026-04-11T01:30:00.000000Z' });
    const { results, notApplied } = applyGradeAdjustments(computed, [first, second], SCHEME);
    const x = results.find((r) => r.uscc === 'X')!;
    expect(x).toMatchObject({ grade: 'A', computedGrade: X.grade, score: X.score });
    expect(x.adjustments).toEqual([
      expect.objectContaining({ id: first.id, schemeVersion: 3, fromGrade: X.grade, toGrade: 'D' }),
      expect.objectContaining({ id: second.id, schemeVersion: 3, fromGrade: 'D', toGrade: 'A' }),
    ]);
    expect(notApplied.size).toBe(0);
  });

  it('lists an undone one as not applied, with who undid it, and lets the one before stand', () => {
    const kept = adjustment({ grade: 'B' });
    const undone = adjustment({ grade: 'D', undoneBy: '县经信局 李某', undoneAt: '2026-04-12T01:30:00.000000Z', undoReason: '录入有误' });
    const { results, notApplied } = applyGradeAdjustments(computed, [kept, undone], SCHEME);
    expect(results.find((r) => r.uscc === 'X')).toMatchObject({ grade: 'B', adjustments: [expect.objectContaining({ id: kept.id })] });
    expect(notApplied.get('X')).toEqual([{ ...undone, status: 'undone' }]);
  });

  it('sets aside those of another scheme version: the computed grade stands', () => {
    const old = adjustment({ schemeVersion: 2, grade: 'D' });
    const { results, notApplied } = applyGradeAdjustments(computed, [old], SCHEME);
    expect(results.find((r) => r.uscc === 'X')).toMatchObject({ grade: X.grade, adjustments: [] });
    expect(notApplied.get('X')).toEqual([{ ...old, status: 'schemeVersionChanged' }]);
  });

  it('calls an undone one of another version undone', () => {
    const old = adjustment({ schemeVersion: 2, undoneBy: '甲', undoneAt: '2026-04-12T01:30:00.000000Z' });
    expect(applyGradeAdjustments(computed, [old], SCHEME).notApplied.get('X')).toEqual([{ ...old, status: 'undone' }]);
  });

  it('sets aside one for a firm that is not graded (or not evaluated at all)', () => {
    const forUtility = adjustment({ uscc: 'U' });
    const forNobody = adjustment({ uscc: 'NOBODY' });
    const { results, notApplied } = applyGradeAdjustments(computed, [forUtility, forNobody], SCHEME);
    expect(results.find((r) => r.uscc === 'U')).toMatchObject({ grade: null, adjustments: [] });
    expect(notApplied.get('U')).toEqual([{ ...forUtility, status: 'firmNotGraded' }]);
    expect(notApplied.get('NOBODY')).toEqual([{ ...forNobody, status: 'firmNotGraded' }]);
  });

  it('leaves the computed results as they were', () => {
    applyGradeAdjustments(computed, [adjustment({ grade: 'D' })], SCHEME);
    expect(computed.find((r) => r.uscc === 'X')).toEqual(X);
    expect(X.adjustments).toEqual([]);
  });
});
