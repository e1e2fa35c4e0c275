/**
 * Totals of land-use findings that count each parcel once. A parcel can fire several rules of a kind
 * (疑似低效 by two rules) and several kinds (under-used and low-yield): summing the findings' areas would
 * count its land again for each. Here a kind's area is the area of the union of its findings, and the
 * recoverable land (可盘活土地, docs/glossary.md) the union across kinds.
 *
 * The union needs no geometry: the findings on one parcel cover either the whole parcel or the parcel
 * minus its building footprints, so they are nested and their union is the largest of them. Land that no
 * parcel covers (unsupplied park land, rule noParcel) lies outside every parcel by construction and is
 * added as it is, with no parcel to count. Parcels are taken as the register has them: where two overlap
 * (the importer warns of it), the shared land is in each parcel's area.
 */
import { appendTo } from './collections.js';
import { sqmToMu } from './units.js';

export const LAND_USE_KINDS = ['idle', 'underused', 'unsupplied', 'lowYield'] as const;
/** 闲置土地, 利用不足, 未供地 (可供地), 疑似低效用地. */
export type LandUseKind = (typeof LAND_USE_KINDS)[number];

/** What a total needs of a finding. */
export interface FindingExtent {
  kind: LandUseKind;
  rule: string;
  /** null for land outside every parcel. */
  parcelCode: string | null;
  parkCode: string;
  regionCode: string | null;
  /** Area the finding covers, m²: its parcel, or the part of it no building covers. */
  areaSqm: number;
  /** Flagged for want of data (a completed parcel with no building on record): to check, not to recover. */
  possibleDataGap: boolean;
}

export interface LandTotal {
  /** Distinct parcels; land outside parcels adds area and no parcel. */
  parcelCount: number;
  areaMu: number;
}

export interface KindTotal extends LandTotal {
  /** The same per rule: a parcel firing two rules is in both lines, and once in the kind's total. */
  byRule: Record<string, LandTotal>;
}

export interface LandUseSummary {
  byKind: Record<LandUseKind, KindTotal>;
  /** Every finding's land that is not only a possible data gap, each parcel once across kinds. */
  recoverable: LandTotal;
  /** Parcels whose only findings are possible data gaps: to check before they count as recoverable. */
  toVerify: LandTotal;
}

/** Union of findings: per parcel the largest extent (nested), plus land outside parcels as it is. */
function unionTotal(findings: readonly FindingExtent[]): LandTotal {
  const largestSqmByParcel = new Map<string, number>();
  let outsideParcelsSqm = 0;
  for (const f of findings) {
    if (f.parcelCode == null) outsideParcelsSqm += f.areaSqm;
    else largestSqmByParcel.set(f.parcelCode, Math.max(largestSqmByParcel.get(f.parcelCode) ?? 0, f.areaSqm));
  }
  let parcelsSqm = 0;
  for (const sqm of largestSqmByParcel.values()) parcelsSqm += sqm;
  return { parcelCount: largestSqmByParcel.size, areaMu: sqmToMu(parcelsSqm + outsideParcelsSqm) };
}

function kindTotal(findings: readonly FindingExtent[]): KindTotal {
  const byRuleFindings = new Map<string, FindingExtent[]>();
  for (const f of findings) appendTo(byRuleFindings, f.rule, f);
  const rules = [...byRuleFindings.keys()].sort();
  return { ...unionTotal(findings), byRule: Object.fromEntries(rules.map((rule) => [rule, unionTotal(byRuleFindings.get(rule)!)])) };
}

/** The totals of a set of findings (one park, one county, or all): see the file comment. */
export function computeLandUseSummary(findings: readonly FindingExtent[]): LandUseSummary {
  const byKind = Object.fromEntries(LAND_USE_KINDS.map((kind) => [kind, kindTotal(findings.filter((f) => f.kind === kind))])) as Record<LandUseKind, KindTotal>;
  const recoverableFindings = findings.filter((f) => !f.possibleDataGap);
  const recoverableParcels = new Set(recoverableFindings.map((f) => f.parcelCode));
  return {
    byKind,
    recoverable: unionTotal(recoverableFindings),
    toVerify: unionTotal(findings.filter((f) => f.possibleDataGap && !recoverableParcels.has(f.parcelCode))),
  };
}

export interface ScopedLandUseSummaries {
  /** Everything given (the whole city when nothing narrowed the findings). */
  city: LandUseSummary;
  regions: Record<string, LandUseSummary>;
  parks: Record<string, LandUseSummary>;
}

/**
 * The totals of all the findings, of each county's and of each park's. Parks and counties with no finding
 * are listed too when named in `parkRegions` (park code → county code), so a clean park reads as zeros.
 */
export function computeScopedLandUseSummaries(findings: readonly FindingExtent[], parkRegions: ReadonlyMap<string, string | null>): ScopedLandUseSummaries {
  const byPark = new Map<string, FindingExtent[]>([...parkRegions.keys()].map((code) => [code, []]));
  const byRegion = new Map<string, FindingExtent[]>();
  for (const region of parkRegions.values()) if (region != null) byRegion.set(region, []);
  for (const f of findings) {
    appendTo(byPark, f.parkCode, f);
    if (f.regionCode != null) appendTo(byRegion, f.regionCode, f);
  }
  const summarise = (groups: Map<string, FindingExtent[]>) =>
    Object.fromEntries([...groups.keys()].sort().map((code) => [code, computeLandUseSummary(groups.get(code)!)]));
  return { city: computeLandUseSummary(findings), regions: summarise(byRegion), parks: summarise(byPark) };
}
