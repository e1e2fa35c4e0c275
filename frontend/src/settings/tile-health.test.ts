import { describe, expect, it } from 'vitest';
import { FAILED_TILES_BEFORE_FALLBACK, FAILED_TILES_IN_A_ROW_BEFORE_FALLBACK, isUnreachable, NEW_TILE_HEALTH, recordTile } from './tile-health';

const after = (outcomes: boolean[]) => outcomes.reduce(recordTile, NEW_TILE_HEALTH);

describe('tile health', () => {
  it('gives up on a basemap whose first tiles all fail (a wrong key, no network)', () => {
    expect(isUnreachable(after(Array(FAILED_TILES_BEFORE_FALLBACK - 1).fill(false)))).toBe(false);
    expect(isUnreachable(after(Array(FAILED_TILES_BEFORE_FALLBACK).fill(false)))).toBe(true);
  });

  it('keeps a basemap that draws, whatever a few missing tiles', () => {
    expect(isUnreachable(after([true, false, false, false, true, false]))).toBe(false);
  });

  it('gives up when a drawing basemap then fails tile after tile (the connection has gone)', () => {
    const failures = Array(FAILED_TILES_IN_A_ROW_BEFORE_FALLBACK).fill(false);
    expect(isUnreachable(after([true, ...failures.slice(1)]))).toBe(false);
    expect(isUnreachable(after([true, ...failures]))).toBe(true);
  });
});
