import { describe, expect, it } from 'vitest';
import type { LandShare } from '../../api/park-types';
import { zhCN } from '../../i18n/zh-CN';
import { en } from '../../i18n/en';
import { describeLandShareFormula } from './land-share-formula';

const MU = 10_000 / 15;
const PARCEL_SQM = 35.2 * MU;

/** A share as the API serves it (backend/src/domain/land-allocation.ts toLandShareView). */
function share(change: Partial<LandShare>): LandShare {
  const s: LandShare = {
    parcelCode: 'P1', role: 'tenant', sqm: 0, parcelLandSqm: PARCEL_SQM, leasedFloorAreaSqm: null, totalFloorAreaSqm: null,
    buildingsFloorAreaSqm: 11_708, tenantsSqm: null, ownerCount: null, basis: 'apportioned', formula: '', mu: 0, parcelLandMu: 35.2, tenantsMu: null,
    ...change,
  };
  return { ...s, mu: s.sqm / MU, tenantsMu: s.tenantsSqm == null ? null : s.tenantsSqm / MU };
}

const tenantSqm = (PARCEL_SQM * 2_927) / 11_708;
const tenant = share({ basis: 'apportioned', sqm: tenantSqm, leasedFloorAreaSqm: 2_927, totalFloorAreaSqm: 11_708 });

describe('describeLandShareFormula', () => {
  it("writes a tenant's land as its leased floor area ÷ the buildings' floor area × the parcel's land, with the numbers", () => {
    expect(describeLandShareFormula(tenant, zhCN.landShare)).toBe('租用 2,927 m² ÷ 建筑面积 11,708 m² × 宗地 35.2 亩 = 8.8 亩');
    expect(describeLandShareFormula(tenant, en.landShare)).toBe('leased 2,927 m² ÷ building floor area 11,708 m² × parcel 35.2 mu = 8.8 mu');
  });

  it("names the tenants' leased total as the divisor when it is larger than the buildings' floor area", () => {
    const over = share({ basis: 'apportioned', sqm: PARCEL_SQM / 2, leasedFloorAreaSqm: 6_000, totalFloorAreaSqm: 12_000, buildingsFloorAreaSqm: 11_708 });
    expect(describeLandShareFormula(over, zhCN.landShare)).toBe('租用 6,000 m² ÷ 各承租企业租用合计 12,000 m²（大于建筑面积 11,708 m²）× 宗地 35.2 亩 = 17.6 亩');
  });

  it("gives an owner the rest, split among owners, and the whole parcel when nobody rents", () => {
    const rest = share({ role: 'owner', basis: 'owner', sqm: PARCEL_SQM - tenantSqm, tenantsSqm: tenantSqm, ownerCount: 1 });
    expect(describeLandShareFormula(rest, zhCN.landShare)).toBe('宗地 35.2 亩 − 承租企业 8.8 亩 = 26.4 亩');
    const shared = share({ role: 'owner', basis: 'owner', sqm: (PARCEL_SQM - tenantSqm) / 2, tenantsSqm: tenantSqm, ownerCount: 2 });
    expect(describeLandShareFormula(shared, zhCN.landShare)).toBe('(宗地 35.2 亩 − 承租企业 8.8 亩) ÷ 2 个产权人 = 13.2 亩');
    expect(describeLandShareFormula(shared, en.landShare)).toBe('(parcel 35.2 mu − tenants 8.8 mu) ÷ 2 owners = 13.2 mu');
    const whole = share({ role: 'owner', basis: 'owner', sqm: PARCEL_SQM, tenantsSqm: 0, ownerCount: 1 });
    expect(describeLandShareFormula(whole, zhCN.landShare)).toBe('整宗地 35.2 亩');
    const halves = share({ role: 'owner', basis: 'owner', sqm: PARCEL_SQM / 2, tenantsSqm: 0, ownerCount: 2 });
    expect(describeLandShareFormula(halves, en.landShare)).toBe('parcel 35.2 mu ÷ 2 owners = 17.6 mu');
  });

  it("says a tenant is rated inside its owner under 'merge into owner', and an owner which tenants it carries", () => {
    const merged = share({ basis: 'merged', sqm: 0, leasedFloorAreaSqm: 2_927 });
    expect(describeLandShareFormula(merged, zhCN.landShare, { owners: ['甲公司', '乙公司'] })).toBe('按“并入产权人”方式计：并入产权人甲公司、乙公司一并评价，不单独分摊用地');
    expect(describeLandShareFormula(merged, en.landShare, { owners: ['甲公司'] })).toBe('merged into the owner: rated inside its owner 甲公司, with no land of its own');
    const owner = share({ role: 'owner', basis: 'owner', sqm: PARCEL_SQM, tenantsSqm: 0, ownerCount: 1 });
    expect(describeLandShareFormula(owner, zhCN.landShare, { mergedTenants: ['丙公司'] })).toBe('整宗地 35.2 亩；承租企业丙公司并入本企业一并评价');
  });

  it('says why a tenant got no land when floor areas are missing', () => {
    expect(describeLandShareFormula(share({ basis: 'noFloorArea', sqm: 0 }), zhCN.landShare)).toBe('未登记租用建筑面积或宗地上的建筑面积，分摊 0 亩');
  });
});
