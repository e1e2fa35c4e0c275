/**
 * 闲置土地 (闲置土地处置办法, 国土资源部令第53号, 2012). Each finding names the rule that fired, the dates it
 * used with the article each rests on, and the ratios it compared. "N full years after D" is reached on
 * D + N calendar years (see dates.ts): agreed start 2024-03-01 → idle since 2025-03-01 (第二条), fee due from
 * 2025-03-01 (未动工开发满一年, 第十四条), take-back from 2026-03-01 (满两年); 2024-02-29 + 1 year = 2025-03-01.
 * The stopped branch runs the same clock from the day work stopped.
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

/** The instrument the idle-land rules implement; article numbers as printed in it. */
export const IDLE_LAND_MEASURES = '闲置土地处置办法（国土资源部令第53号，2012）';

/** Which date or judgement of a finding an article is the basis of. */
export type IdleLandBasisTopic = 'idleSince' | 'feeDueFrom' | 'takeBackFrom' | 'cause';

export interface IdleLandBasis {
  document: string;
  /** e.g. '第二条', '第十四条第（一）项'. */
  article: string;
  about: IdleLandBasisTopic;
}

export interface IdleLandFinding {
  rule: IdleLandRule;
  asOf: string;
  /** 约定动工开发日期 in the land contract (also on the stopped branch, for the record). */
  agreedStartOn: string | null;
  startedOn: string | null;
  /** 中止开发建设之日: the stopped branch's idle clock. */
  workStoppedOn: string | null;
  /** The date the idle clock runs from: the agreed start (not started) or the day work stopped. */
  idleClockFrom: string;
  /** 认定闲置日期: the idle clock + the rule's full years (第二条); the finding holds from this day. */
  idleSince: string;
  /** Days from idleSince to asOf (0 on idleSince itself): counted from the date shown with it. */
  daysIdle: number;
  /**
   * 征缴土地闲置费 from: idle clock + feeAfterYears. 第十四条 counts 未动工开发满一年 from the agreed start
   * (城市房地产管理法 第二十六条: 超过约定的动工开发日期满一年), so with the default scheme it is idleSince.
   */
  feeDueFrom: string;
  /** 可无偿收回 from: idle clock + takeBackAfterYears (未动工开发满两年, 第十四条). */
  takeBackFrom: string;
  /** feeDueFrom ≤ asOf, whatever the cause. */
  feeDueReached: boolean;
  /** takeBackFrom ≤ asOf, whatever the cause. */
  takeBackReached: boolean;
  /** 土地闲置费 = share × land price, only when the enterprise caused the delay and feeDueFrom ≤ asOf. */
  feeYuan: number | null;
  /** takeBackFrom ≤ asOf and the enterprise caused it: may be taken back without compensation. */
  takeBackCandidate: boolean;
  cause: 'enterprise' | 'government' | null;
  /** Branch 2 of 第二条 "may be" judged idle: a candidate for a person to decide. */
  discretionary: boolean;
  /** The articles each date and judgement rests on. */
  basis: IdleLandBasis[];
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

const basisOf = (article: string, about: IdleLandBasisTopic): IdleLandBasis => ({ document: IDLE_LAND_MEASURES, article, about });

/**
 * 第二条 defines idle land (both branches); 第十四条 sets the fee (第（一）项: 20 % of the land price) and the
 * take-back (第（二）项); 第八条 lists the government's causes, which take neither.
 */
function basisFor(cause: IdleLandParcel['idleCause']): IdleLandBasis[] {
  const out = [basisOf('第二条', 'idleSince'), basisOf('第十四条第（一）项', 'feeDueFrom'), basisOf('第十四条第（二）项', 'takeBackFrom')];
  if (cause === 'government') out.push(basisOf('第八条', 'cause'));
  return out;
}

/** The dates, days, fee and take-back of a finding whose idle clock runs from `clockFrom`. */
function judge(parcel: IdleLandParcel, clockFrom: string, clockYears: number, asOf: string, rules: IdleLandRules) {
  const byEnterprise = parcel.idleCause === 'enterprise';
  const idleSince = addYears(clockFrom, clockYears);
  const feeDueFrom = addYears(clockFrom, rules.feeAfterYears);
  const takeBackFrom = addYears(clockFrom, rules.takeBackAfterYears);
  const feeDueReached = isOnOrBefore(feeDueFrom, asOf);
  const takeBackReached = isOnOrBefore(takeBackFrom, asOf);
  return {
    asOf,
    agreedStartOn: parcel.agreedStartOn,
    startedOn: happenedBy(parcel.startedOn, asOf) ? parcel.startedOn : null,
    workStoppedOn: null as string | null,
    idleClockFrom: clockFrom,
    idleSince,
    daysIdle: daysBetween(idleSince, asOf),
    feeDueFrom,
    takeBackFrom,
    feeDueReached,
    takeBackReached,
    feeYuan: byEnterprise && feeDueReached && parcel.landPriceYuan != null ? parcel.landPriceYuan * rules.feeShareOfLandPrice : null,
    takeBackCandidate: byEnterprise && takeBackReached,
    cause: parcel.idleCause,
    basis: basisFor(parcel.idleCause),
  };
}

function findNotStarted(parcel: IdleLandParcel, asOf: string, rules: IdleLandRules): IdleLandFinding | null {
  const agreed = parcel.agreedStartOn;
  if (agreed == null || happenedBy(parcel.startedOn, asOf) || happenedBy(parcel.completedOn, asOf)) return null;
  if (!hasFullYearsElapsed(agreed, asOf, rules.notStartedYearsAfterAgreedStart)) return null;
  return {
    rule: 'notStartedOneYearAfterAgreedStart',
    ...judge(parcel, agreed, rules.notStartedYearsAfterAgreedStart, asOf, rules),
    discretionary: false,
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
  const share = (a: number | null, b: number | null | undefined) => (a == null || b == null || !(b > 0) ? null : a / b);
  return {
    rule: 'stoppedUnderDeveloped',
    ...judge(parcel, stopped, rules.stoppedMinYears, asOf, rules),
    workStoppedOn: stopped,
    discretionary: true,
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
