// Illustrative enterprises (法人) and their holds on land: parcel owners, standard-factory tenants,
// one platform company per park that owns its standard factories, and utilities on public land.
import { addDays, dateBetween, minDate } from '../lib/dates.js';
import { SQM_PER_MU } from '../lib/geo.js';
import type { Random } from '../lib/random.js';
import { createUscc, USCC_ALPHABET } from '../lib/uscc.js';
import type { Unit } from './buildings.js';
import {
  INDUSTRIES, industryKeysFor, SUPPORTING_INDUSTRY_KEYS, TRADE_NAME_FIRST, TRADE_NAME_SECOND, type IndustryKey,
} from './industries.js';
import type { Parcel } from './parcels.js';
import type { ParkPlan } from './park-plans.js';

export type EnterpriseStatus = 'operating' | 'half_halted' | 'halted' | 'closed';
export type EnterpriseKind = 'owner' | 'tenant' | 'platform' | 'utility';

export interface Enterprise {
  uscc: string;
  name: string;
  industryKey: IndustryKey;
  aboveScale: boolean;
  status: EnterpriseStatus;
  registeredOn: string;
  parkCode: string;
  kind: EnterpriseKind;
  ownedParcels: Parcel[];
  leasedFloorAreaSqm: number;
  /** has a finished parcel or leases factory space, so it can produce */
  producing: boolean;
}

export interface LandRight {
  uscc: string;
  parcelCode: string;
  role: 'owner' | 'tenant';
  leasedFloorAreaSqm?: number;
}

export interface ParkContext {
  plan: ParkPlan;
  regionCode: string;
  leadingIndustries: string;
}

/** 统一社会信用代码 replaced organisation codes for new registrations from October 2015 */
const USCC_ERA_START = '2015-10-01';
/** 旬阳县 610928 became 旬阳市 610981 in 2021 */
const XUNYANG_CITY_FROM = '2021-06-01';

/** Keeps names and codes unique across the whole bundle. */
export class EnterpriseRegistry {
  private readonly names = new Set<string>();
  private readonly orgCodes = new Set<string>();
  readonly all: Enterprise[] = [];

  constructor(private readonly random: Random) {}

  private uniqueName(prefix: string, word: string, suffix: string): string {
    for (;;) {
      const name = `${prefix}${this.random.pick(TRADE_NAME_FIRST)}${this.random.pick(TRADE_NAME_SECOND)}${word}${suffix}`;
      if (!this.names.has(name) && name[prefix.length] !== name[prefix.length + 1]) {
        this.names.add(name);
        return name;
      }
    }
  }

  private uniqueOrgCodeBody(registeredOn: string): string {
    for (;;) {
      const body = registeredOn >= USCC_ERA_START
        ? 'MA' + Array.from({ length: 6 }, () => this.random.pick([...USCC_ALPHABET])).join('')
        : this.random.pick(['5', '6', '7']) + Array.from({ length: 7 }, () => this.random.int(0, 9)).join('');
      if (!this.orgCodes.has(body)) {
        this.orgCodes.add(body);
        return body;
      }
    }
  }

  create(context: ParkContext, kind: EnterpriseKind, industryKey: IndustryKey, registeredOn: string): Enterprise {
    const { plan, regionCode } = context;
    const registrationRegion = plan.code === 'G612150'
      ? '610900'
      : regionCode === '610981' && registeredOn < XUNYANG_CITY_FROM ? '610928' : regionCode;
    const prefix = this.random.pick(plan.companyPrefixes);
    const word = this.random.pick(INDUSTRIES[industryKey].nameWords);
    const enterprise: Enterprise = {
      uscc: createUscc('91', registrationRegion, this.uniqueOrgCodeBody(registeredOn)),
      name: this.uniqueName(prefix, word, '有限公司'),
      industryKey,
      aboveScale: false,
      status: 'operating',
      registeredOn,
      parkCode: plan.code,
      kind,
      ownedParcels: [],
      leasedFloorAreaSqm: 0,
      producing: false,
    };
    this.all.push(enterprise);
    return enterprise;
  }
}

function pickIndustry(context: ParkContext, random: Random, leadingShare: number): IndustryKey {
  return random.chance(leadingShare)
    ? random.pick(industryKeysFor(context.leadingIndustries))
    : random.pick(SUPPORTING_INDUSTRY_KEYS);
}

function ownerStatus(parcels: readonly Parcel[], random: Random): EnterpriseStatus {
  const weighted = (pairs: Array<[EnterpriseStatus, number]>): EnterpriseStatus => {
    let x = random.float();
    for (const [status, p] of pairs) if ((x -= p) < 0) return status;
    return pairs[pairs.length - 1][0];
  };
  const states = new Set(parcels.map((p) => p.state));
  if (states.has('completed')) return weighted([['operating', 0.87], ['half_halted', 0.06], ['halted', 0.045], ['closed', 0.025]]);
  if (states.has('underConstruction')) return 'operating';
  if (states.has('idleNeverStarted')) return weighted([['operating', 0.75], ['halted', 0.25]]);
  return weighted([['half_halted', 0.4], ['halted', 0.4], ['closed', 0.2]]);
}

function registeredBefore(date: string, random: Random): string {
  const registered = random.chance(0.15)
    ? dateBetween('1998-01-01', addDays(date, -1500), random.float())
    : addDays(date, -random.int(20, 1200));
  return minDate(registered, '2025-12-31');
}

/** Owners of every supplied parcel; a few owners hold two or three parcels. */
function createOwners(context: ParkContext, parcels: readonly Parcel[], registry: EnterpriseRegistry, random: Random): Enterprise[] {
  const owners: Enterprise[] = [];
  for (const parcel of parcels) {
    if (parcel.state === 'unsupplied' || parcel.role === 'standardFactory') continue;
    if (parcel.role === 'utility') {
      const industryKey: IndustryKey = random.chance(0.6) ? 'power' : 'water';
      const owner = registry.create(context, 'utility', industryKey, registeredBefore(parcel.suppliedOn!, random));
      owner.ownedParcels.push(parcel);
      owners.push(owner);
      continue;
    }
    // warehouse land (物流仓储用地) belongs to logistics firms; a manufacturer may hold two or three parcels
    const warehouse = parcel.landUse === 'warehouse';
    const reusable = owners.filter((o) => o.kind === 'owner' && o.ownedParcels.length < 3 && (o.industryKey === 'logistics') === warehouse);
    if (reusable.length > 0 && random.chance(0.18)) {
      random.pick(reusable).ownedParcels.push(parcel);
      continue;
    }
    const industryKey = warehouse ? 'logistics' : pickIndustry(context, random, 0.8);
    const owner = registry.create(context, 'owner', industryKey, registeredBefore(parcel.suppliedOn!, random));
    owner.ownedParcels.push(parcel);
    owners.push(owner);
  }
  for (const owner of owners) {
    const earliest = owner.ownedParcels.map((p) => p.suppliedOn!).sort()[0];
    if (owner.registeredOn > earliest) owner.registeredOn = registeredBefore(earliest, random);
    owner.status = owner.kind === 'utility' ? 'operating' : ownerStatus(owner.ownedParcels, random);
    owner.producing = owner.ownedParcels.some((p) => p.state === 'completed');
  }
  return owners;
}

/** Trades never housed in a standard factory: chemical works, smelters, paper mills, utilities. */
const NOT_IN_STANDARD_FACTORIES = new Set<IndustryKey>(['chemicals', 'nonferrous', 'paper', 'power', 'water', 'parkPlatform']);
/** light trades any park has, for an upper floor when none of its own trades fits */
const LIGHT_FALLBACK: readonly IndustryKey[] = ['apparel', 'electronics', 'printing'];

/** A tenant's trade that fits the floor: heavy trades on the ground floor only, light trades anywhere. */
function tenantIndustry(context: ParkContext, floor: number, random: Random): IndustryKey {
  const pool = random.chance(0.7) ? industryKeysFor(context.leadingIndustries) : SUPPORTING_INDUSTRY_KEYS;
  const fitting = pool.filter((k) => !NOT_IN_STANDARD_FACTORIES.has(k) && (floor === 1 || !INDUSTRIES[k].heavy));
  return random.pick(fitting.length > 0 ? fitting : LIGHT_FALLBACK);
}

const fitsFloor = (tenant: Enterprise, floor: number) => floor === 1 || !INDUSTRIES[tenant.industryKey].heavy;

/**
 * Tenants of the leased units: most lease one unit, some take the next unit too (the other half of
 * the floor, or the floor above when both are upper floors), a few lease in a second building.
 */
export function createTenants(context: ParkContext, units: readonly Unit[], registry: EnterpriseRegistry, random: Random): Enterprise[] {
  const tenants: Enterprise[] = [];
  const tenantsByBuilding = new Map<string, Array<{ tenant: Enterprise; unit: Unit }>>();
  for (const unit of units) {
    if (unit.status !== 'leased') continue;
    const inBuilding = tenantsByBuilding.get(unit.buildingCode) ?? [];
    const previous = inBuilding[inBuilding.length - 1];
    const neighbour = previous && (previous.unit.floor === unit.floor || (previous.unit.floor > 1 && unit.floor > 1));
    let tenant: Enterprise;
    if (neighbour && random.chance(0.35)) {
      tenant = previous.tenant;
      unit.leaseStartOn = previous.unit.leaseStartOn;
      unit.leaseEndOn = previous.unit.leaseEndOn;
    } else if (tenants.some((t) => fitsFloor(t, unit.floor)) && random.chance(0.04)) {
      tenant = random.pick(tenants.filter((t) => fitsFloor(t, unit.floor)));
    } else {
      const start = unit.leaseStartOn!;
      const registeredOn = start >= '2025-01-01' && random.chance(0.15)
        ? addDays(start, -random.int(15, 90))
        : registeredBefore(start, random);
      tenant = registry.create(context, 'tenant', tenantIndustry(context, unit.floor, random), registeredOn);
      tenant.status = random.chance(0.92) ? 'operating' : random.chance(0.6) ? 'half_halted' : 'halted';
      tenant.producing = true;
      tenants.push(tenant);
    }
    unit.tenantUscc = tenant.uscc;
    tenant.leasedFloorAreaSqm += unit.areaSqm;
    inBuilding.push({ tenant, unit });
    tenantsByBuilding.set(unit.buildingCode, inBuilding);
  }
  return tenants;
}

/** 规上: annual main revenue ≥ 2000万元; mostly the firms on larger parcels. */
function markAboveScale(enterprises: readonly Enterprise[], random: Random): void {
  for (const e of enterprises) {
    if (!e.producing || e.status === 'halted' || e.status === 'closed') continue;
    const heldMu = e.ownedParcels.filter((p) => p.state === 'completed').reduce((s, p) => s + p.areaSqm, 0) / SQM_PER_MU;
    const probability = e.kind === 'utility' ? (e.industryKey === 'power' ? 1 : 0)
      : e.kind === 'tenant' ? 0.05
      : e.kind === 'owner' ? Math.min(0.8, 0.06 + heldMu / 140) : 0;
    e.aboveScale = random.chance(probability);
  }
}

export interface LandOwners {
  /** the park's platform company, owner of its standard factories */
  platform: Enterprise;
  owners: Enterprise[];
  /** the owner of each supplied parcel, by parcel code */
  ownerOf: Map<string, Enterprise>;
}

/** The platform company and the owners of every supplied parcel (their trade decides their buildings). */
export function createLandOwners(
  context: ParkContext,
  parcels: readonly Parcel[],
  registry: EnterpriseRegistry,
  random: Random,
): LandOwners {
  const platform = registry.create(context, 'platform', 'parkPlatform', dateBetween('2009-01-01', '2013-12-31', random.float()));
  platform.ownedParcels.push(...parcels.filter((p) => p.role === 'standardFactory'));
  const owners = createOwners(context, parcels, registry, random);
  const ownerOf = new Map<string, Enterprise>();
  for (const e of [platform, ...owners]) for (const p of e.ownedParcels) ownerOf.set(p.code, e);
  return { platform, owners, ownerOf };
}

/** Marks the 规上 firms and lists every hold on land: owners of parcels, tenants of units. */
export function finishParkEnterprises(
  { platform, owners }: LandOwners,
  tenants: readonly Enterprise[],
  units: readonly Unit[],
  random: Random,
): { enterprises: Enterprise[]; landRights: LandRight[] } {
  const enterprises = [platform, ...owners, ...tenants];
  markAboveScale(enterprises, random);
  const landRights: LandRight[] = [];
  for (const e of [platform, ...owners]) {
    for (const p of e.ownedParcels) landRights.push({ uscc: e.uscc, parcelCode: p.code, role: 'owner' });
  }
  const leased = new Map<string, LandRight>();
  for (const unit of units) {
    if (!unit.tenantUscc) continue;
    const key = `${unit.tenantUscc} ${unit.parcelCode}`;
    const right = leased.get(key) ?? { uscc: unit.tenantUscc, parcelCode: unit.parcelCode, role: 'tenant', leasedFloorAreaSqm: 0 };
    right.leasedFloorAreaSqm! += unit.areaSqm;
    leased.set(key, right);
  }
  landRights.push(...leased.values());
  return { enterprises, landRights };
}

/**
 * When a firm's status began (status_since), in step with its figures (indicators.ts): a halted firm
 * still produced a little in 2024 and stopped during it; a closed firm has no figures after 2023; a
 * half-halted firm cut back in 2024 or 2025. Derived from the USCC, so no random draw is spent and the
 * rest of the demo stays as it was. Operating firms have none.
 */
export function statusSinceOf(e: Pick<Enterprise, 'uscc' | 'status'>): string | undefined {
  const hash = [...e.uscc].reduce((sum, c) => (sum * 31 + c.charCodeAt(0)) % 9973, 7);
  const month = String(1 + (hash % 12)).padStart(2, '0');
  switch (e.status) {
    case 'halted': return `2024-${String(3 + (hash % 8)).padStart(2, '0')}-01`;
    case 'closed': return `2024-${month}-01`;
    case 'half_halted': return `${hash % 2 ? 2024 : 2025}-${month}-01`;
    default: return undefined;
  }
}
