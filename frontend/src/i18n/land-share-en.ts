import type { landShareZhCN } from './land-share-zh-CN';

// How a holder's land share was worked out, in English. Units come formatted in English (m², mu).
export const landShareEn: typeof landShareZhCN = {
  landShare: {
    muUnit: 'mu',
    tenant: (leased, divisor, parcel, result) => `leased ${leased} ÷ building floor area ${divisor} × parcel ${parcel} = ${result}`,
    tenantByLeasedTotal: (leased, divisor, buildings, parcel, result) =>
      `leased ${leased} ÷ all tenants' leased ${divisor} (more than the building floor area ${buildings}) × parcel ${parcel} = ${result}`,
    noFloorArea: 'no leased floor area or no building floor area recorded: 0 mu',
    merged: (owners) => `merged into the owner: rated inside its owner ${owners}, with no land of its own`,
    mergedUnnamed: "merged into the owner: rated inside the parcel's owner, with no land of its own",
    ownerRest: (parcel, tenants, result) => `parcel ${parcel} − tenants ${tenants} = ${result}`,
    ownerRestShared: (parcel, tenants, owners, result) => `(parcel ${parcel} − tenants ${tenants}) ÷ ${owners} owners = ${result}`,
    ownerWhole: (parcel) => `the whole parcel, ${parcel}`,
    ownerWholeShared: (parcel, owners, result) => `parcel ${parcel} ÷ ${owners} owners = ${result}`,
    ownerCarries: (tenants) => `; tenants ${tenants} are rated inside this firm`,
    nameSeparator: ', ',
    sumOfShares: 'the sum of its parcels',
  },
};
