import { describe, expect, it } from 'vitest';
import { findOverlapCandidates, LonLatBoxes } from './overlap-candidates.js';

const square = (lon: number, lat: number, side = 1): number[][][][] => [[[[lon, lat], [lon + side, lat], [lon + side, lat + side], [lon, lat + side], [lon, lat]]]];
function boxesOf(...shapes: number[][][][][]): LonLatBoxes {
  const boxes = new LonLatBoxes();
  for (const s of shapes) boxes.addMultiPolygon(s);
  return boxes;
}
const pairs = (c: ReturnType<typeof findOverlapCandidates>) => [...c.incoming[0]].map((a, i) => [a, c.incoming[1][i]]);

describe('findOverlapCandidates', () => {
  it('pairs rows whose boxes meet, touching edges included, each pair once by 1-based position', () => {
    const c = findOverlapCandidates(boxesOf(square(0, 0), square(0.5, 0.5), square(1, 0), square(5, 5)), []);
    expect(pairs(c).sort()).toEqual([[1, 2], [1, 3], [2, 3]]);
  });

  it('pairs rows with the stored parcels their boxes meet', () => {
    const c = findOverlapCandidates(boxesOf(square(0, 0), square(3, 3)), [
      { code: 'S-NEAR', west: 0.9, south: 0.9, east: 2, north: 2 },
      { code: 'S-FAR', west: 10, south: 10, east: 11, north: 11 },
    ]);
    expect(c.stored).toEqual({ positions: [1], codes: ['S-NEAR'] });
  });

  it('bounds a multipolygon by all its parts, and grows past its first allocation', () => {
    const boxes = new LonLatBoxes();
    boxes.addMultiPolygon([...square(0, 0), ...square(10, 20)]);
    for (let i = 0; i < 3000; i++) boxes.addMultiPolygon(square(100 + i, 0, 0.5));
    expect(boxes.count).toBe(3001);
    expect(boxes.box(0)).toEqual({ west: 0, south: 0, east: 11, north: 21 });
    expect(boxes.box(3000)).toEqual({ west: 3099, south: 0, east: 3099.5, north: 0.5 });
    expect(boxes.extent()).toEqual({ west: 0, south: 0, east: 3099.5, north: 21 });
    expect(pairs(findOverlapCandidates(boxes, []))).toEqual([]);
  });

  it('finds nothing for no rows', () => {
    const c = findOverlapCandidates(new LonLatBoxes(), [{ code: 'S', west: 0, south: 0, east: 1, north: 1 }]);
    expect(pairs(c)).toEqual([]);
    expect(c.stored.positions).toEqual([]);
  });
});
