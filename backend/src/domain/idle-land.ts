/**
 * 闲置土地 (国土资源部令第53号, 2012; DOMAIN.md §4). Each finding names the rule that fired and the
 * dates and ratios it used. "N full years after D" is reached on D + N calendar years (see dates.ts):
 * agreed start 2024-03-01 → idle from 2025-03-01, take-back from 2026-03-01; 2024-02-29 + 1 year = 2025-03-01.
 */
import { addYears, daysBetween, hasFullYearsElapsed, isOnOrBefore } from './dates.js';
import type { IdleLandRules, Ratio } from './scheme.js';

export interface IdleLandParcel {
  code: string;
  landAreaSqm: number | null;
  /** 约定动工开发日期 in the land contract. */
  agreedStartOn: string | null;
  /** 动工: deep pit dug, all piles driven, or one third of the foundation done. */
  startedOn: string | null;
  completedOn: string | null;
  workStoppedOn: string | null;
  developedAreaSqm: number | null;
  /** Area that should be developed; defaults to the land area. */
  requiredDevelopmentAreaSqm?: number | null;
  /** Total planned investment, land price and land taxes excluded. */
  plannedInvestmentYuan: number | null;
  investedYuan: number | null;
  landPriceYuan: number | null;
  idleCause: 'enterprise' | 'government' | null;
}

export type IdleLandRule = 'notStartedOneYearAfterAgreedStart' | 'stoppedUnderDeveloped';

export interface IdleLandFinding {
  rule: IdleLandRule;
  /** The date the condition became true. */
  since: string;
  /** Days from the start of the idle clock (agreed start, or work stop) to asOf. */
  daysIdle: number;
  /** 土地闲置费 = share × land price, only when the enterprise caused the delay and idle ≥ feeAfterYears. */
  feeYuan: number | null;
  /** Idle ≥ takeBackAfterYears and the enterprise caused it: may be taken back without compensation. */
  takeBackCandidate: boolean;
  cause: 'enterprise' | 'government' | null;
  /** Branch 2 of 第二条 "may be" judged idle: a candidate for a person to decide. */
  discretionary: boolean;
  datesUsed: {
    asOf: string;
    idleClockFrom: string;
    agreedStartOn: string | null;
    startedOn: string | null;
    workStoppedOn: string | null;
    feeFrom: string;
    takeBackFrom: string;
  };
  ratiosUsed: {
    developedShare: number | null;
    underDevelopedBelow: Ratio;
    investedShare: number | null;
    underInvestedBelow: Ratio;
  } | null;
}

const happenedBy = (date: string | null, asOf: string): boolean => date != null && isOnOrBefore(date, asOf);

/** part ÷ whole < numerator ÷ denominator, without rounding; null when unknown. */
function isBelow(part: number | null, whole: number | null, limit: Ratio): boolean | null {
  if (part == null || whole == null || !(whole > 0)) return null;
  return part * limit.denominator < whole * limit.numerator;
}

function consequences(parcel: IdleLandParcel, clockFrom: string, asOf: string, rules: IdleLandRules) {
  const byEnterprise = parcel.idleCause === 'enterprise';
  const feeFrom = addYears(clockFrom, rules.feeAfterYears);
  const takeBackFrom = addYears(clockFrom, rules.takeBackAfterYears);
  const feeDue = byEnterprise && parcel.landPriceYuan != null && isOnOrBefore(feeFrom, asOf);
  return {
    feeYuan: feeDue ? parcel.landPriceYuan! * rules.feeShareOfLandPrice : null,
    takeBackCandidate: byEnterprise && isOnOrBefore(takeBackFrom, asOf),
    feeFrom,
    takeBackFrom,
  };
}

function findNotStarted(parcel: IdleLandParcel, asOf: string, rules: IdleLandRules): IdleLandFinding | null {
  const agreed = parcel.agreedStartOn;
  if (agreed == null || happenedBy(parcel.startedOn, asOf) || happenedBy(parcel.completedOn, asOf)) return null;
  if (!hasFullYearsElapsed(agreed, asOf, rules.notStartedYearsAfterAgreedStart)) return null;
  const { feeFrom, takeBackFrom, ...money } = consequences(parcel, agreed, asOf, rules);
  return {
    rule: 'notStartedOneYearAfterAgreedStart',
    since: addYears(agreed, rules.notStartedYearsAfterAgreedStart),
    daysIdle: daysBetween(agreed, asOf),
    ...money,
    cause: parcel.idleCause,
    discretionary: false,
    datesUsed: { asOf, idleClockFrom: agreed, agreedStartOn: agreed, startedOn: null, workStoppedOn: null, feeFrom, takeBackFrom },
    ratiosUsed: null,
  };
}

function findStoppedUnderDeveloped(parcel: IdleLandParcel, asOf: string, rules: IdleLandRules): IdleLandFinding | null {
  const stopped = parcel.workStoppedOn;
  if (!happenedBy(parcel.startedOn, asOf) || happenedBy(parcel.completedOn, asOf) || stopped == null || !happenedBy(stopped, asOf)) return null;
  const requiredSqm = parcel.requiredDevelopmentAreaSqm ?? parcel.landAreaSqm;
  const underDeveloped = isBelow(parcel.developedAreaSqm, requiredSqm, rules.underDevelopedBelow);
  const underInvested = isBelow(parcel.investedYuan, parcel.plannedInvestmentYuan, rules.underInvestedBelow);
  if (underDeveloped !== true && underInvested !== true) return null;
  if (!hasFullYearsElapsed(stopped, asOf, rules.stoppedMinYears)) return null;
  const { feeFrom, takeBackFrom, ...money } = consequences(parcel, stopped, asOf, rules);
  const share = (a: number | null, b: number | null | undefined) => (a == null || b == null || !(b > 0) ? null : a / b);
  return {
    rule: 'stoppedUnderDeveloped',
    since: addYears(stopped, rules.stoppedMinYears),
    daysIdle: daysBetween(stopped, asOf),
    ...money,
    cause: parcel.idleCause,
    discretionary: true,
    datesUsed: { asOf, idleClockFrom: stopped, agreedStartOn: parcel.agreedStartOn, startedOn: parcel.startedOn, workStoppedOn: stopped, feeFrom, takeBackFrom },
    ratiosUsed: {
      developedShare: share(parcel.developedAreaSqm, requiredSqm),
      underDevelopedBelow: rules.underDevelopedBelow,
      investedShare: share(parcel.investedYuan, parcel.plannedInvestmentYuan),
      underInvestedBelow: rules.underInvestedBelow,
    },
  };
}

/**
 * The idle-land rules that hold for a parcel on `asOf`. Facts dated after asOf are ignored (a start on a
 * later date has not happened yet). Branch 2 needs at least one of the development and investment shares
 * to be known and below its limit; when both are unknown it does not fire.
 */
export function findIdleLand(parcel: IdleLandParcel, asOf: string, rules: IdleLandRules): IdleLandFinding[] {
  return [findNotStarted(parcel, asOf, rules), findStoppedUnderDeveloped(parcel, asOf, rules)].filter(
    (f): f is IdleLandFinding => f != null,
  );
}
