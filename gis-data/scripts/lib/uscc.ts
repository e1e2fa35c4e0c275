// 统一社会信用代码 (GB 32100-2015) and its embedded 组织机构代码 (GB 11714-1997).

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Check character over the first 17 characters: c = 31 − (Σ value × weight mod 31), 31 → 0. */
export function computeUsccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error(`USCC body must be 17 characters: ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new Error(`character ${first17[i]} is not allowed in a USCC`);
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

export function isUsccCheckCharValid(uscc: string): boolean {
  if (uscc.length !== 18 || ![...uscc].every((c) => USCC_ALPHABET.includes(c))) return false;
  return computeUsccCheckChar(uscc.slice(0, 17)) === uscc[17];
}

/** GB 11714 check character of an 8-character organisation code body: 11 − (Σ mod 11), 10 → X, 11 → 0. */
export function computeOrgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const char = first8[i];
    const value = /[0-9]/.test(char) ? Number(char) : char.charCodeAt(0) - 55; // A = 10 … Z = 35
    sum += value * ORG_CODE_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** 1 登记管理部门 + 1 机构类别 + 6 登记机关行政区划码 + 9 组织机构代码 + 1 校验码. */
export function createUscc(authorityAndKind: string, regionCode: string, orgCodeBody: string): string {
  const body17 = authorityAndKind + regionCode + orgCodeBody + computeOrgCodeCheckChar(orgCodeBody);
  return body17 + computeUsccCheckChar(body17);
}
