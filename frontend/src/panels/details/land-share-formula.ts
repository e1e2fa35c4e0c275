// A holder's land on a parcel as the formula that made it, with the numbers the API served for it
// (backend/src/domain/land-allocation.ts): tenant = leased floor area ÷ building floor area × parcel land;
// owner = (parcel land − tenants' land) ÷ owners; under 'merge into owner' a tenant is rated inside its
// owner and holds no land. Pure: share and strings in, one line out.
import type { LandShare } from '../../api/park-types';
import { formatNumber, formatSquareMetres } from '../../format';
import type { LandShareMessages } from '../../i18n/land-share-zh-CN';

/** Mu with one decimal whatever the size, so the terms of a formula add up as shown; the unit in the messages' language. */
const formatFormulaMu = (mu: number, m: LandShareMessages) => `${formatNumber(mu, 1)} ${m.muUnit}`;

export interface LandShareNames {
  /** For a merged tenant: the owners it is rated inside. */
  owners?: readonly string[];
  /** For an owner: the tenants rated inside it. */
  mergedTenants?: readonly string[];
}

export function describeLandShareFormula(share: LandShare, m: LandShareMessages, names: LandShareNames = {}): string {
  const parcel = formatFormulaMu(share.parcelLandMu, m);
  const result = formatFormulaMu(share.mu, m);
  switch (share.basis) {
    case 'apportioned': {
      const leased = formatSquareMetres(share.leasedFloorAreaSqm);
      const divisor = formatSquareMetres(share.totalFloorAreaSqm);
      const byLeasedTotal = share.buildingsFloorAreaSqm == null || (share.totalFloorAreaSqm ?? 0) > share.buildingsFloorAreaSqm;
      return byLeasedTotal
        ? m.tenantByLeasedTotal(leased, divisor, formatSquareMetres(share.buildingsFloorAreaSqm), parcel, result)
        : m.tenant(leased, divisor, parcel, result);
    }
    case 'noFloorArea':
      return m.noFloorArea;
    case 'merged':
      return names.owners?.length ? m.merged(names.owners.join(m.nameSeparator)) : m.mergedUnnamed;
    case 'owner': {
      const owners = share.ownerCount ?? 1;
      const tenants = share.tenantsMu ?? 0;
      const formula = tenants > 0
        ? owners > 1 ? m.ownerRestShared(parcel, formatFormulaMu(tenants, m), owners, result) : m.ownerRest(parcel, formatFormulaMu(tenants, m), result)
        : owners > 1 ? m.ownerWholeShared(parcel, owners, result) : m.ownerWhole(parcel);
      return names.mergedTenants?.length ? formula + m.ownerCarries(names.mergedTenants.join(m.nameSeparator)) : formula;
    }
  }
}
