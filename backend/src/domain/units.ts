/** Unit conversions, in one place (DOMAIN.md §1). */

/** 1 亩 = 10000/15 m² exactly. */
export const SQM_PER_MU = 10000 / 15;
export const MU_PER_HECTARE = 15;
export const YUAN_PER_WAN_YUAN = 10_000;
export const YUAN_PER_YI_YUAN = 100_000_000;

export const sqmToMu = (sqm: number): number => sqm / SQM_PER_MU;
export const muToSqm = (mu: number): number => mu * SQM_PER_MU;
export const hectaresToMu = (ha: number): number => ha * MU_PER_HECTARE;
export const yuanToWanYuan = (yuan: number): number => yuan / YUAN_PER_WAN_YUAN;
export const wanYuanToYuan = (wanYuan: number): number => wanYuan * YUAN_PER_WAN_YUAN;
export const yuanToYiYuan = (yuan: number): number => yuan / YUAN_PER_YI_YUAN;

/** A per-mu figure in 万元/亩, or null when the amount is missing or there is no land to divide by. */
export function perMuWanYuan(amountYuan: number | null | undefined, landAreaSqm: number | null | undefined): number | null {
  if (amountYuan == null || landAreaSqm == null || !(landAreaSqm > 0)) return null;
  return yuanToWanYuan(amountYuan) / sqmToMu(landAreaSqm);
}
