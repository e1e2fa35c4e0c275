/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters over a 31-character alphabet (no I, O, S, V, Z);
 * the 18th is a check character over the first 17.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export function isUsccShape(code: string): boolean {
  return SHAPE.test(code);
}

/** The check character for the first 17 characters of a code. */
export function computeUsccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new Error(`"${first17[i]}" is not a USCC character`);
    sum += value * WEIGHTS[i];
  }
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c];
}

/** Shape and check character; a failed check is a warning on import, not a rejection (some real codes fail). */
export function checkUscc(code: string): { shapeOk: boolean; checkOk: boolean; expectedCheckChar?: string } {
  if (!isUsccShape(code)) return { shapeOk: false, checkOk: false };
  const expected = computeUsccCheckChar(code.slice(0, 17));
  return { shapeOk: true, checkOk: expected === code[17], expectedCheckChar: expected };
}
