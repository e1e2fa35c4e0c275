// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Enterprise, LandShare, ParcelDetailFeature } from '../../api/park-types';
import { renderWithLocale } from '../../test-support/render';
import { makeParcel } from '../../test-support/park-fixtures';
import { EnterpriseDetails } from './EnterpriseDetails';
import { ParcelDetails } from './ParcelDetails';

afterEach(cleanup);

// The tiny fixture's parcel P2 (gis-data/fixtures/tiny/README.md): 30 亩, B owns it, T1 leases 2 000 and
// T2 1 000 of the 6 000 m² standard factory.
const MU = 10_000 / 15;
const P2_SQM = 30 * MU;
const B = '91999901MA0000B23E';
const T1 = '91999901MA0000C38L';
const T2 = '91999901MA0000D42R';

function share(role: 'owner' | 'tenant', basis: LandShare['basis'], sqm: number, change: Partial<LandShare> = {}): LandShare {
  return {
    parcelCode: 'P2', role, sqm, mu: sqm / MU, parcelLandSqm: P2_SQM, parcelLandMu: 30, leasedFloorAreaSqm: null, totalFloorAreaSqm: 6_000,
    buildingsFloorAreaSqm: 6_000, tenantsSqm: null, tenantsMu: null, ownerCount: null, basis, formula: '', ...change,
  };
}

function parcelP2(mode: 'apportion' | 'mergeIntoOwner'): ParcelDetailFeature {
  const base = makeParcel({ code: 'P2', landAreaSqm: P2_SQM, areaMu: 30 });
  const merged = mode === 'mergeIntoOwner';
  const owner = merged ? share('owner', 'owner', P2_SQM, { tenantsSqm: 0, tenantsMu: 0, ownerCount: 1 }) : share('owner', 'owner', 15 * MU, { tenantsSqm: 15 * MU, tenantsMu: 15, ownerCount: 1 });
  const t1 = merged ? share('tenant', 'merged', 0, { leasedFloorAreaSqm: 2_000, totalFloorAreaSqm: null }) : share('tenant', 'apportioned', 10 * MU, { leasedFloorAreaSqm: 2_000 });
  const t2 = merged ? share('tenant', 'merged', 0, { leasedFloorAreaSqm: 1_000, totalFloorAreaSqm: null }) : share('tenant', 'apportioned', 5 * MU, { leasedFloorAreaSqm: 1_000 });
  const holder = (uscc: string, name: string, s: LandShare) => ({ uscc, name, role: s.role, leasedFloorAreaSqm: s.leasedFloorAreaSqm, landShareSqm: s.sqm, landShareMu: s.mu, landShare: s });
  return {
    ...base,
    properties: {
      ...base.properties,
      holders: [holder(B, '示例毛绒玩具有限公司', owner), holder(T1, '示例电子科技有限公司', t1), holder(T2, '示例服饰有限公司', t2)],
      landAllocationMode: mode,
      valueAddedWanYuanPerMu: null, revenueWanYuanPerMu: null, floorAreaSqm: 6_000, footprintSqm: 2_000,
      buildingCoverage: 0.1, plotRatio: 0.3, minPlotRatio: null, minBuildingCoverage: null,
    },
  };
}

const renderParcel = (parcel: ParcelDetailFeature, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  renderWithLocale(<ParcelDetails parcel={parcel} byYear={[parcel]} findings={[]} buildings={[]} evaluationOf={() => undefined} onSelect={vi.fn()} />, locale);

const formulas = () => screen.getAllByTestId('land-share-formula').map((f) => f.textContent);

describe("a parcel's holders", () => {
  it("show how each one's land was worked out, with the numbers", () => {
    renderParcel(parcelP2('apportion'));
    expect(formulas()).toEqual([
      '宗地 30.0 亩 − 承租企业 15.0 亩 = 15.0 亩',
      '租用 2,000 m² ÷ 建筑面积 6,000 m² × 宗地 30.0 亩 = 10.0 亩',
      '租用 1,000 m² ÷ 建筑面积 6,000 m² × 宗地 30.0 亩 = 5.0 亩',
    ]);
    cleanup();
    renderParcel(parcelP2('apportion'), 'en');
    expect(formulas()[1]).toBe('leased 2,000 m² ÷ building floor area 6,000 m² × parcel 30.0 mu = 10.0 mu');
  });

  it("say under 'merge into owner' that the tenants are rated inside the owner", () => {
    renderParcel(parcelP2('mergeIntoOwner'));
    expect(formulas()).toEqual([
      '整宗地 30.0 亩；承租企业示例电子科技有限公司、示例服饰有限公司并入本企业一并评价',
      '按“并入产权人”方式计：并入产权人示例毛绒玩具有限公司一并评价，不单独分摊用地',
      '按“并入产权人”方式计：并入产权人示例毛绒玩具有限公司一并评价，不单独分摊用地',
    ]);
  });
});

describe("an enterprise's land", () => {
  const enterprise = (change: Partial<Enterprise>): Enterprise => ({
    uscc: T1, name: '示例电子科技有限公司', industryCode: 'C39', aboveScale: false, status: 'operating', parkCode: 'T-PARK',
    holdings: [{ parcelCode: 'P2', role: 'tenant', leasedFloorAreaSqm: 2_000, parcelLandAreaSqm: P2_SQM }],
    indicators: [], year: 2025, landAreaMu: 10, taxWanYuanPerMu: 6, outputWanYuanPerMu: 120, valueAddedWanYuanPerMu: null, revenueWanYuanPerMu: null,
    evaluation: null,
    ...change,
  });

  it('shows the formula of its share beside each parcel it holds', () => {
    renderWithLocale(<EnterpriseDetails enterprise={enterprise({ landAllocationMode: 'apportion', landShares: [share('tenant', 'apportioned', 10 * MU, { leasedFloorAreaSqm: 2_000 })], landMergedInto: [], landMergedFrom: [] })} onSelect={vi.fn()} />);
    expect(formulas()).toEqual(['租用 2,000 m² ÷ 建筑面积 6,000 m² × 宗地 30.0 亩 = 10.0 亩']);
    expect(screen.getByTestId('holding-P2').textContent).toContain('10.0 亩');
  });

  it("says a merged tenant is rated inside its owner, by name", () => {
    renderWithLocale(
      <EnterpriseDetails
        enterprise={enterprise({
          landAreaMu: 0,
          landAllocationMode: 'mergeIntoOwner',
          landShares: [share('tenant', 'merged', 0, { leasedFloorAreaSqm: 2_000, totalFloorAreaSqm: null })],
          landMergedInto: [{ ownerUscc: B, ownerName: '示例毛绒玩具有限公司', parcelCode: 'P2', weight: 1 }],
          landMergedFrom: [],
        })}
        onSelect={vi.fn()}
      />,
      'en',
    );
    expect(formulas()).toEqual(['merged into the owner: rated inside its owner 示例毛绒玩具有限公司, with no land of its own']);
  });
});
