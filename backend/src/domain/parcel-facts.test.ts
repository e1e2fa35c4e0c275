import { describe, expect, it } from 'vitest';
import { allocateTinyLand } from './__fixtures__/tiny-evaluation.js';
import { TINY } from './__fixtures__/tiny-fixture.js';
import { countedFloorAreaSqm } from './under-use.js';
import { DEFAULT_SCHEME } from './default-scheme.js';
import { mergeFigures } from './land-allocation.js';
import type { RawFigures } from './metrics.js';
import { apportionFiguresToParcel, estimateStoreys, isInConstructionPeriod } from './parcel-facts.js';

describe('figures apportioned to a parcel', () => {
  const { fx, allocation } = allocateTinyLand('apportion');
  const figures2025 = Object.fromEntries(Object.entries(fx.figures).map(([u, f]) => [u, f[2025]])) as Record<string, RawFigures>;

  it('gives P2 the figures of its owner and both tenants, each wholly on P2', () => {
    const p2 = apportionFiguresToParcel(TINY.P2, allocation, figures2025)!;
    expect(p2.outputYuan).toBeCloseTo(15_000_000 + 12_000_000 + 8_000_000, 3);
    expect(p2.taxYuan).toBeCloseTo(-200_000 + 600_000 + 400_000, 3);
    expect(p2.energyTce).toBeCloseTo(200 + 22, 6); // T1 reports none: summed over those who do
  });

  it('gives the same totals when tenants are merged into the owner', () => {
    const merged = allocateTinyLand('mergeIntoOwner').allocation;
    const p2 = apportionFiguresToParcel(TINY.P2, merged, mergeFigures(figures2025, merged))!;
    expect(p2.outputYuan).toBeCloseTo(35_000_000, 3);
  });

  it('has no figures for a parcel nobody holds', () => {
    expect(apportionFiguresToParcel(TINY.P4, allocation, figures2025)).toBeNull();
  });
});

describe('storeys from floors and height', () => {
  it('counts the 12 m single storey of B1 twice and the 20.5 m three-storey B2 once', () => {
    const controls = DEFAULT_SCHEME.controls;
    expect(countedFloorAreaSqm(estimateStoreys({ floors: 1, floorAreaSqm: 5_000, heightM: 12 }), controls)).toBe(10_000);
    expect(countedFloorAreaSqm(estimateStoreys({ floors: 3, floorAreaSqm: 6_000, heightM: 20.5 }), controls)).toBe(6_000);
    expect(countedFloorAreaSqm(estimateStoreys({ floors: 2, floorAreaSqm: 800, heightM: null }), controls)).toBe(800);
  });
});

describe('construction period', () => {
  const owner = (completedOn: string | null, agreedCompletionOn: string | null) => ({ role: 'owner' as const, completedOn, agreedCompletionOn });
  it.each([
    ['an owner of an unfinished parcel within its contract', [owner(null, '2026-03-01')], true],
    ['an owner whose parcel has no contracted completion date', [owner(null, null)], true],
    ['an owner past its contracted completion', [owner(null, '2025-06-30')], false],
    ['an owner of a completed parcel', [owner('2025-06-30', '2026-03-01')], false],
    ['an owner completing after the date', [owner('2026-01-15', '2026-03-01')], true],
    ['a tenant', [{ role: 'tenant' as const, completedOn: null, agreedCompletionOn: null }], false],
    ['a firm with no land', [], false],
  ])('%s on 2025-12-31: %s', (_, holdings, expected) => {
    expect(isInConstructionPeriod(holdings, '2025-12-31')).toBe(expected);
  });
});
