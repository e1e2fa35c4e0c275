/**
 * 低效用地 candidates (DOMAIN.md §4, default rule set, each configurable in scheme.lowYield). Every rule that
 * fires comes back with its evidence and the scheme's kind label ("疑似低效"): a person confirms it.
 * A rule whose facts are missing does not fire. Durations use full calendar years (dates.ts): "more than
 * 2 years" is read as "2 full years or more", reached on the anniversary.
 */
import { addYears, hasFullYearsElapsed, isOnOrBefore } from './dates.js';
import type { GradeCode, LandUseControls, LowYieldRules } from './scheme.js';
import type { UnderUseFacts } from './under-use.js';
import { classifyUnderUse } from './under-use.js';

export interface LowYieldFacts {
  parcelCode?: string | null;
  uscc?: string | null;
  agreedCompletionOn?: string | null;
  completedOn?: string | null;
  /** Contracted investment and output, and what was achieved, 元 (latest full year for output). */
  plannedInvestmentYuan?: number | null;
  investedYuan?: number | null;
  contractOutputYuan?: number | null;
  outputYuan?: number | null;
  /** 'halted' (停产) or 'half_halted' (半停产) since statusSince. */
  enterpriseStatus?: string | null;
  statusSince?: string | null;
  /** This firm's 亩均税收 and every graded firm's in the county (this one included). */
  taxWanYuanPerMu?: number | null;
  countyTaxWanYuanPerMu?: number[] | null;
  /** Coverage and plot-ratio facts, when the control indicators apply to the parcel (findUnderUse). */
  underUse?: UnderUseFacts | null;
  /** Grades by evaluation year (after manual adjustment). */
  gradesByYear?: Record<number, GradeCode | null> | null;
}

export type LowYieldRule = 'overdueCompletion' | 'completedUnderperforming' | 'halted' | 'bottomTaxPerMu' | 'belowLandUseControl' | 'repeatedGrade';

export interface LowYieldFinding {
  rule: LowYieldRule;
  kindLabel: string;
  evidence: Record<string, unknown>;
}

/** The scheme's low-yield rules and land-use controls (an EvaluationScheme fits). */
type Rules = { lowYield: LowYieldRules; controls: LandUseControls };
type Check = (facts: LowYieldFacts, rules: Rules, asOf: string) => Record<string, unknown> | null;

const happenedBy = (date: string | null | undefined, asOf: string): boolean => date != null && isOnOrBefore(date, asOf);

const overdueCompletion: Check = (f, { lowYield: { overdueCompletion: r } }, asOf) => {
  if (!f.agreedCompletionOn || happenedBy(f.completedOn, asOf)) return null;
  if (!hasFullYearsElapsed(f.agreedCompletionOn, asOf, r.yearsPastAgreedCompletion)) return null;
  return { agreedCompletionOn: f.agreedCompletionOn, completedOn: null, overdueFrom: addYears(f.agreedCompletionOn, r.yearsPastAgreedCompletion), asOf };
};

const below = (achieved: number | null | undefined, target: number | null | undefined, share: number): boolean =>
  achieved != null && target != null && target > 0 && achieved < share * target;

const completedUnderperforming: Check = (f, { lowYield: { completedUnderperforming: r } }, asOf) => {
  if (!happenedBy(f.completedOn, asOf) || !hasFullYearsElapsed(f.completedOn!, asOf, r.yearsSinceCompletion)) return null;
  const investmentBelow = below(f.investedYuan, f.plannedInvestmentYuan, r.minShareOfContract);
  const outputBelow = below(f.outputYuan, f.contractOutputYuan, r.minShareOfContract);
  if (!investmentBelow && !outputBelow) return null;
  return {
    completedOn: f.completedOn,
    investedYuan: f.investedYuan ?? null,
    plannedInvestmentYuan: f.plannedInvestmentYuan ?? null,
    outputYuan: f.outputYuan ?? null,
    contractOutputYuan: f.contractOutputYuan ?? null,
    minShareOfContract: r.minShareOfContract,
    investmentBelow,
    outputBelow,
  };
};

const halted: Check = (f, { lowYield: { halted: r } }, asOf) => {
  if (!f.enterpriseStatus || !r.statuses.includes(f.enterpriseStatus) || !happenedBy(f.statusSince, asOf)) return null;
  if (!hasFullYearsElapsed(f.statusSince!, asOf, r.minYears)) return null;
  return { status: f.enterpriseStatus, statusSince: f.statusSince, minYears: r.minYears, asOf };
};

/**
 * In the bottom share when the firms at or below its value are at most share × n. Tied firms get the
 * better outcome: a tie straddling the cut is not flagged.
 */
const bottomTaxPerMu: Check = (f, { lowYield: { bottomTaxPerMu: r } }) => {
  const own = f.taxWanYuanPerMu;
  const county = f.countyTaxWanYuanPerMu;
  if (own == null || !county?.length) return null;
  const atOrBelow = county.filter((v) => v <= own).length;
  if (atOrBelow > r.bottomShare * county.length + 1e-9) return null;
  return { taxWanYuanPerMu: own, firmsAtOrBelow: atOrBelow, countyFirms: county.length, bottomShare: r.bottomShare };
};

const belowLandUseControl: Check = (f, { controls }) => {
  if (!f.underUse) return null;
  const c = classifyUnderUse(f.underUse, controls);
  return c.belowPlotRatio || c.belowCoverage ? { ...c } : null;
};

const repeatedGrade: Check = (f, { lowYield: { repeatedGrade: r } }, asOf) => {
  const asOfYear = Number(asOf.slice(0, 4));
  const years = Object.keys(f.gradesByYear ?? {}).map(Number).filter((y) => y <= asOfYear && f.gradesByYear![y] != null);
  if (!years.length) return null;
  const latest = Math.max(...years);
  const run = Array.from({ length: r.consecutiveYears }, (_, i) => latest - i);
  if (!run.every((y) => f.gradesByYear![y] === r.grade)) return null;
  return { grade: r.grade, years: run.reverse(), consecutiveYears: r.consecutiveYears };
};

const CHECKS: Record<LowYieldRule, Check> = { overdueCompletion, completedUnderperforming, halted, bottomTaxPerMu, belowLandUseControl, repeatedGrade };

/** Every enabled low-yield rule that fires on `asOf`, in the scheme's order. */
export function findLowYield(facts: LowYieldFacts, rules: Rules, asOf: string): LowYieldFinding[] {
  return (Object.keys(CHECKS) as LowYieldRule[]).flatMap((rule) => {
    if (!rules.lowYield[rule].enabled) return [];
    const evidence = CHECKS[rule](facts, rules, asOf);
    return evidence ? [{ rule, kindLabel: rules.lowYield.kindLabel, evidence }] : [];
  });
}
