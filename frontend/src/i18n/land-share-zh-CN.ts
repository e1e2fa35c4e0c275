// How a holder's land share was worked out, as a formula with its numbers (Chinese, the default). Spread
// into zh-CN.ts; land-share-en.ts fills the same shape. Areas come in formatted with their unit.
export const landShareZhCN = {
  landShare: {
    muUnit: '亩',
    tenant: (leased: string, divisor: string, parcel: string, result: string) => `租用 ${leased} ÷ 建筑面积 ${divisor} × 宗地 ${parcel} = ${result}`,
    tenantByLeasedTotal: (leased: string, divisor: string, buildings: string, parcel: string, result: string) =>
      `租用 ${leased} ÷ 各承租企业租用合计 ${divisor}（大于建筑面积 ${buildings}）× 宗地 ${parcel} = ${result}`,
    noFloorArea: '未登记租用建筑面积或宗地上的建筑面积，分摊 0 亩',
    merged: (owners: string) => `按“并入产权人”方式计：并入产权人${owners}一并评价，不单独分摊用地`,
    mergedUnnamed: '按“并入产权人”方式计：并入宗地产权人一并评价，不单独分摊用地',
    ownerRest: (parcel: string, tenants: string, result: string) => `宗地 ${parcel} − 承租企业 ${tenants} = ${result}`,
    ownerRestShared: (parcel: string, tenants: string, owners: number, result: string) => `(宗地 ${parcel} − 承租企业 ${tenants}) ÷ ${owners} 个产权人 = ${result}`,
    ownerWhole: (parcel: string) => `整宗地 ${parcel}`,
    ownerWholeShared: (parcel: string, owners: number, result: string) => `宗地 ${parcel} ÷ ${owners} 个产权人 = ${result}`,
    ownerCarries: (tenants: string) => `；承租企业${tenants}并入本企业一并评价`,
    nameSeparator: '、',
    sumOfShares: '各宗地用地之和',
  },
};

export type LandShareMessages = (typeof landShareZhCN)['landShare'];
