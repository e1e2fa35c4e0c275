// Whether an online basemap can be reached, from the fate of its tiles. A wrong 天地图 key (HTTP 403),
// a used-up quota or no network all end the same way: every tile fails and the map would stay grey.

/** Tiles that must fail, with none drawn, before the basemap counts as unreachable. */
export const FAILED_TILES_BEFORE_FALLBACK = 3;
/** Failures in a row, after some tiles were drawn, that mean the connection has gone. */
export const FAILED_TILES_IN_A_ROW_BEFORE_FALLBACK = 12;

export interface TileHealth {
  loaded: number;
  failed: number;
  failedInARow: number;
}

export const NEW_TILE_HEALTH: TileHealth = { loaded: 0, failed: 0, failedInARow: 0 };

export function recordTile(health: TileHealth, ok: boolean): TileHealth {
  return ok
    ? { loaded: health.loaded + 1, failed: health.failed, failedInARow: 0 }
    : { loaded: health.loaded, failed: health.failed + 1, failedInARow: health.failedInARow + 1 };
}

export function isUnreachable(health: TileHealth): boolean {
  return (
    (health.loaded === 0 && health.failed >= FAILED_TILES_BEFORE_FALLBACK) ||
    health.failedInARow >= FAILED_TILES_IN_A_ROW_BEFORE_FALLBACK
  );
}
