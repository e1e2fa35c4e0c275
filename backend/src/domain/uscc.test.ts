import { describe, expect, it } from 'vitest';
import { checkUscc, computeUsccCheckChar } from './uscc.js';

describe('USCC check character (GB 32100-2015)', () => {
  // Published example codes whose check characters are known to be right.
  it.each([
    ['91350100M000100Y43', true],
    ['91110000600037341L', true],
    ['91110000600037341M', false],
  ])('%s passes the check: %s', (code, ok) => {
    expect(checkUscc(code)).toMatchObject({ shapeOk: true, checkOk: ok });
  });

  it('maps a remainder of 0 to check character 0, not 31', () => {
    // Find a 17-character body whose weighted sum is a multiple of 31.
    const body = '00000000000000000';
    expect(computeUsccCheckChar(body)).toBe('0');
  });

  it('rejects letters outside the alphabet (I, O, S, V, Z) and wrong lengths', () => {
    expect(checkUscc('91110000600037341I').shapeOk).toBe(false);
    expect(checkUscc('9111000060003734').shapeOk).toBe(false);
  });
});
