import { describe, expect, it } from 'vitest';
import { contentDisposition, toAsciiNamePart } from './content-disposition.js';

describe('download file names', () => {
  it('gives an ASCII filename and the UTF-8 name in filename* (RFC 5987)', () => {
    expect(contentDisposition('muyield-parcels-2023.csv', '宗地-2023.csv')).toBe(
      `attachment; filename="muyield-parcels-2023.csv"; filename*=UTF-8''%E5%AE%97%E5%9C%B0-2023.csv`);
  });

  it('keeps quotes, backslashes and non-ASCII out of the plain filename', () => {
    expect(contentDisposition('a"b\\c安.csv', "it's (1).csv")).toBe(`attachment; filename="a_b_c_.csv"; filename*=UTF-8''it%27s%20%281%29.csv`);
    expect(toAsciiNamePart('安康/P 01')).toBe('___P_01');
  });
});
