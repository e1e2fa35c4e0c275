// 统一社会信用代码 (GB 32100-2015) and its embedded 组织机构代码 (GB 11714-1997).

// The GB 32100 check lives in the backend's domain (one implementation for import checks and the demo).
import { checkUscc, computeUsccCheckChar, USCC_ALPHABET } from '../../../backend/src/domain/uscc.js';

export { computeUsccCheckChar, USCC_ALPHABET };
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function isUsccCheckCharValid(uscc: string): boolean {
  return checkUscc(uscc).checkOk;
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
