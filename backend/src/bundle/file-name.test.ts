import { describe, expect, it } from 'vitest';
import { toFileName, withoutServerPaths } from './file-name.js';

describe('file names without server paths', () => {
  it.each([
    ['/srv/muyield/gis-data/ankang', 'ankang'],
    ['/srv/muyield/gis-data/ankang/', 'ankang'],
    ['C:\\Users\\规划科\\企业.csv', '企业.csv'],
    ['tiny.zip', 'tiny.zip'],
    ['', ''],
  ])('names %j %j', (source, name) => expect(toFileName(source)).toBe(name));

  it('cuts every absolute path in a message to its last part, leaving units and fractions alone', () => {
    expect(withoutServerPaths("ENOENT: no such file or directory, open '/tmp/muyield-upload-1f2e'")).toBe("ENOENT: no such file or directory, open 'muyield-upload-1f2e'");
    expect(withoutServerPaths('cannot read C:\\data\\x.xlsx or /srv/a/b.csv')).toBe('cannot read x.xlsx or b.csv');
    expect(withoutServerPaths('rent 7.5 元/m²/月, 1/2 of the floor')).toBe('rent 7.5 元/m²/月, 1/2 of the floor');
  });
});
