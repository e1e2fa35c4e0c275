/**
 * The land of each enterprise (DOMAIN.md §2). Owners hold parcels; tenants of buildings on a parcel get
 * `parcel land × leased floor area ÷ total floor area of the buildings on that parcel` ('apportion',
 * default) and the owners split the rest evenly. In 'mergeIntoOwner' the tenants get no land and their
 * figures are added to the owners' (see mergeFigures).
 */
import type { RawFigures } from './metrics.js';
import { RAW_FIGURE_KEYS } from './metrics.js';
import type { LandAllocationMode } from './scheme.js';
import { appendTo } from './collections.js';
import { sqmToMu } from './units.js';

export interface ParcelLand {
  code: string;
  landAreaSqm: number;
}

export interface Holding {
  uscc: string;
  parcelCode: string;
  role: 'owner' | 'tenant';
  /** For tenants: floor area leased in the buildings on the parcel, m². */
  leasedFloorAreaSqm: number | null;
}

export interface LandShare {
  parcelCode: string;
  role: 'owner' | 'tenant';
  sqm: number;
  parcelLandSqm: number;
  /** Tenant: its leased floor area; owner: null. */
  leasedFloorAreaSqm: number | null;
  /** The divisor of the tenant formula: floor area of the parcel's buildings (or the leased total if larger). */
  totalFloorAreaSqm: number | null;
  /** Floor area of the buildings on the parcel, m²; the divisor above unless tenants lease more than it. */
  buildingsFloorAreaSqm: number | null;
  /** Owner: the land cut out for tenants, and how many owners split the rest. */
  tenantsSqm: number | null;
  ownerCount: number | null;
  /** How the share was worked out; describeLandShare words it as a formula. */
  basis: 'owner' | 'apportioned' | 'noFloorArea' | 'merged';
}

/**
 * The share's formula in words, for the API. Worded on demand, not stored: a province has a quarter of a
 * million shares and few are ever shown.
 */
export function describeLandShare(share: LandShare): string {
  // m² to the cm² (0.0001 m²): enough to redo the sum, without a float's 15 digits
  const sqm = (v: number | null) => `${v == null ? v : Number(v.toFixed(4))} m²`;
  switch (share.basis) {
    case 'owner': return `(${sqm(share.parcelLandSqm)} − ${sqm(share.tenantsSqm)} to tenants) ÷ ${share.ownerCount} owner(s)`;
    case 'apportioned': return `${sqm(share.parcelLandSqm)} × ${sqm(share.leasedFloorAreaSqm)} ÷ ${sqm(share.totalFloorAreaSqm)}`;
    case 'noFloorArea': return 'no leased or building floor area: 0 m²';
    case 'merged': return 'mergeIntoOwner: the tenant is rated inside its owner, 0 m²';
  }
}

/** A share with its figures also in 亩 and its formula in words: what the API serves for each share. */
export interface LandShareView extends LandShare {
  mu: number;
  parcelLandMu: number;
  tenantsMu: number | null;
  formula: string;
}

export function toLandShareView(share: LandShare): LandShareView {
  return {
    ...share,
    mu: sqmToMu(share.sqm),
    parcelLandMu: sqmToMu(share.parcelLandSqm),
    tenantsMu: share.tenantsSqm == null ? null : sqmToMu(share.tenantsSqm),
    formula: describeLandShare(share),
  };
}

/** A share of a merged tenant's figures that goes to one owner; a tenant's weights sum to 1. */
export interface MergeTarget {
  ownerUscc: string;
  parcelCode: string;
  weight: number;
}

export interface EnterpriseLand {
  uscc: string;
  landAreaSqm: number;
  shares: LandShare[];
  /** Non-empty only in 'mergeIntoOwner' mode, for a tenant rated inside its owners' results. */
  mergedInto: MergeTarget[];
}

export interface LandAllocation {
  mode: LandAllocationMode;
  enterprises: Record<string, EnterpriseLand>;
  /** Parcel land nobody received (tenants but no owner), m². */
  unallocatedSqmByParcel: Record<string, number>;
  warnings: string[];
}

type FloorAreaByParcel = Record<string, number> | ReadonlyMap<string, number>;

const floorAreaOf = (table: FloorAreaByParcel, code: string): number | null =>
  (table instanceof Map ? table.get(code) : (table as Record<string, number>)[code]) ?? null;

interface ParcelSplit {
  shares: { uscc: string; share: LandShare }[];
  merges: { tenantUscc: string; owners: string[]; parcelCode: string; leasedFloorAreaSqm: number | null }[];
  unallocatedSqm: number;
}

function apportionTenants(parcel: ParcelLand, tenants: Holding[], totalFloorSqm: number | null, warnings: string[]) {
  const leasedSum = tenants.reduce((s, t) => s + (t.leasedFloorAreaSqm ?? 0), 0);
  let divisor = totalFloorSqm;
  if (divisor != null && leasedSum > divisor) {
    warnings.push(`${parcel.code}: tenants lease ${leasedSum} m² but the buildings have ${divisor} m²; the leased total is used as divisor`);
    divisor = leasedSum;
  }
  return tenants.map((t) => {
    const leased = t.leasedFloorAreaSqm;
    const usable = leased != null && leased > 0 && divisor != null && divisor > 0;
    if (!usable) warnings.push(`${t.uscc} on ${parcel.code}: no leased floor area or no building floor area; tenant land 0`);
    const sqm = usable ? (parcel.landAreaSqm * leased) / divisor! : 0;
    const share: LandShare = {
      parcelCode: parcel.code,
      role: 'tenant',
      sqm,
      parcelLandSqm: parcel.landAreaSqm,
      leasedFloorAreaSqm: leased,
      totalFloorAreaSqm: divisor,
      buildingsFloorAreaSqm: totalFloorSqm,
      tenantsSqm: null,
      ownerCount: null,
      basis: usable ? 'apportioned' : 'noFloorArea',
    };
    return { uscc: t.uscc, share };
  });
}

function splitParcel(parcel: ParcelLand, holdings: Holding[], floorSqm: number | null, merge: boolean, ownersElsewhere: Set<string>, warnings: string[]): ParcelSplit {
  const owners = holdings.filter((h) => h.role === 'owner');
  const tenants = holdings.filter((h) => h.role === 'tenant');
  const mergeHere = merge && owners.length > 0;
  const mergeable = mergeHere ? tenants.filter((t) => !ownersElsewhere.has(t.uscc)) : [];
  for (const t of tenants) {
    if (mergeHere && ownersElsewhere.has(t.uscc)) warnings.push(`${t.uscc} owns land, so its tenancy on ${parcel.code} is not merged and gets 0 m²`);
  }
  if (merge && !mergeHere && tenants.length) warnings.push(`${parcel.code} has tenants but no owner: they keep apportioned land`);
  const tenantShares = mergeHere
    ? tenants.map((t) => ({ uscc: t.uscc, share: mergedTenantShare(parcel, t, floorSqm) }))
    : apportionTenants(parcel, tenants, floorSqm, warnings);
  const tenantsSqm = tenantShares.reduce((s, t) => s + t.share.sqm, 0);
  const restSqm = parcel.landAreaSqm - tenantsSqm;
  const ownerShares = owners.map((o) => ({
    uscc: o.uscc,
    share: {
      parcelCode: parcel.code,
      role: 'owner' as const,
      sqm: restSqm / owners.length,
      parcelLandSqm: parcel.landAreaSqm,
      leasedFloorAreaSqm: null,
      totalFloorAreaSqm: floorSqm,
      buildingsFloorAreaSqm: floorSqm,
      tenantsSqm,
      ownerCount: owners.length,
      basis: 'owner' as const,
    },
  }));
  return {
    shares: [...ownerShares, ...tenantShares],
    merges: mergeable.map((t) => ({ tenantUscc: t.uscc, owners: owners.map((o) => o.uscc), parcelCode: parcel.code, leasedFloorAreaSqm: t.leasedFloorAreaSqm })),
    unallocatedSqm: owners.length ? 0 : restSqm,
  };
}

function mergedTenantShare(parcel: ParcelLand, t: Holding, floorSqm: number | null): LandShare {
  return {
    parcelCode: parcel.code,
    role: 'tenant',
    sqm: 0,
    parcelLandSqm: parcel.landAreaSqm,
    leasedFloorAreaSqm: t.leasedFloorAreaSqm,
    totalFloorAreaSqm: null,
    buildingsFloorAreaSqm: floorSqm,
    tenantsSqm: null,
    ownerCount: null,
    basis: 'merged',
  };
}

/** Weights of a tenant's figures per owner: by leased floor area across parcels, evenly among a parcel's owners. */
function toMergeTargets(merges: ParcelSplit['merges']): MergeTarget[] {
  const byFloor = merges.every((m) => (m.leasedFloorAreaSqm ?? 0) > 0);
  const total = byFloor ? merges.reduce((s, m) => s + m.leasedFloorAreaSqm!, 0) : merges.length;
  return merges.flatMap((m) =>
    m.owners.map((ownerUscc) => ({
      ownerUscc,
      parcelCode: m.parcelCode,
      weight: (byFloor ? m.leasedFloorAreaSqm! : 1) / total / m.owners.length,
    })),
  );
}

export function allocateEnterpriseLand(
  parcels: ParcelLand[],
  holdings: Holding[],
  buildingsFloorAreaByParcel: FloorAreaByParcel,
  mode: LandAllocationMode,
): LandAllocation {
  const warnings: string[] = [];
  // One pass over a province's ~230 000 holdings: grouped by parcel (a repeated row is found among its
  // parcel's few holdings), owners noted, each firm's land started. A Map while allocating (an object with
  // 100 000 keys is a slow dictionary), turned into the record once at the end.
  const holdingsByParcel = new Map<string, Holding[]>();
  const owners = new Set<string>();
  const byUscc = new Map<string, EnterpriseLand>();
  for (const h of holdings) {
    const onParcel = holdingsByParcel.get(h.parcelCode);
    if (onParcel?.some((o) => o.uscc === h.uscc && o.role === h.role)) {
      warnings.push(`${h.uscc} is listed twice as ${h.role} of ${h.parcelCode}; the first row is used`);
      continue;
    }
    if (onParcel) onParcel.push(h);
    else holdingsByParcel.set(h.parcelCode, [h]);
    if (h.role === 'owner') owners.add(h.uscc);
    if (!byUscc.has(h.uscc)) byUscc.set(h.uscc, { uscc: h.uscc, landAreaSqm: 0, shares: [], mergedInto: [] });
  }
  const merges = new Map<string, ParcelSplit['merges']>();
  const unallocatedSqmByParcel: Record<string, number> = {};
  for (const parcel of parcels) {
    const onParcel = holdingsByParcel.get(parcel.code);
    if (!onParcel) continue;
    holdingsByParcel.delete(parcel.code); // what is left at the end holds unknown parcels
    const split = splitParcel(parcel, onParcel, floorAreaOf(buildingsFloorAreaByParcel, parcel.code), mode === 'mergeIntoOwner', owners, warnings);
    for (const { uscc, share } of split.shares) {
      const land = byUscc.get(uscc)!;
      land.shares.push(share);
      land.landAreaSqm += share.sqm;
    }
    for (const m of split.merges) appendTo(merges, m.tenantUscc, m);
    if (split.unallocatedSqm > 0) unallocatedSqmByParcel[parcel.code] = split.unallocatedSqm;
  }
  for (const unknown of holdingsByParcel.values()) {
    for (const h of unknown) warnings.push(`${h.uscc} holds unknown parcel ${h.parcelCode}; ignored`);
  }
  for (const [uscc, list] of merges) byUscc.get(uscc)!.mergedInto = toMergeTargets(list);
  return { mode, enterprises: Object.fromEntries(byUscc), unallocatedSqmByParcel, warnings };
}

/**
 * Figures after 'mergeIntoOwner': each merged tenant's figures are added to its owners by weight and the
 * tenant is left out. A field stays null only when neither side knows it. In 'apportion' mode nothing changes.
 */
export function mergeFigures(figuresByUscc: Record<string, RawFigures>, allocation: LandAllocation): Record<string, RawFigures> {
  // 'apportion' merges nobody: the figures as they are, without a look at 100 000 firms' land.
  if (allocation.mode !== 'mergeIntoOwner') return figuresByUscc;
  const mergedTenants = Object.values(allocation.enterprises).filter((land) => land.mergedInto.length && figuresByUscc[land.uscc]);
  // Nothing merged: the figures as they are, not a copy of 100k records.
  if (!mergedTenants.length) return figuresByUscc;
  const leftOut = new Set(mergedTenants.map((land) => land.uscc));
  const merged: Record<string, RawFigures> = {};
  for (const [uscc, f] of Object.entries(figuresByUscc)) if (!leftOut.has(uscc)) merged[uscc] = { ...f };
  for (const land of mergedTenants) {
    const tenantFigures = figuresByUscc[land.uscc];
    for (const target of land.mergedInto) {
      const owner = (merged[target.ownerUscc] ??= Object.fromEntries(RAW_FIGURE_KEYS.map((k) => [k, null])) as unknown as RawFigures);
      for (const key of RAW_FIGURE_KEYS) {
        const add = tenantFigures[key];
        if (add != null) owner[key] = (owner[key] ?? 0) + add * target.weight;
      }
    }
  }
  return merged;
}
