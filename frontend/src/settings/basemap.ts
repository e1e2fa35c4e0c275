// Online basemaps beside the offline default. Pure: a choice in, MapLibre sources and layers out.
//
// Coordinate systems: our data is WGS84/CGCS2000 (they differ by centimetres). 天地图 publishes CGCS2000
// tiles in Web Mercator (TILEMATRIXSET=w), so they line up as they are. GCJ-02 tiles (Amap, Tencent and
// most other Chinese providers) are shifted by an obfuscation of roughly 100–700 m that varies with
// place; lining them up would mean moving every one of our overlays into GCJ-02. We refuse them instead,
// with the reason, rather than draw parcels beside the streets they sit on.
import type { LayerSpecification, RasterSourceSpecification, StyleSpecification } from 'maplibre-gl';
import { createOfflineStyle } from '../map/offline-style';

export type TileCrs = 'wgs84' | 'gcj02';
export type TiandituLayer = 'vec' | 'img';

export type BasemapChoice =
  | { kind: 'offline' }
  | { kind: 'tianditu'; layer: TiandituLayer; key: string }
  | { kind: 'xyz'; url: string; crs: TileCrs; attribution?: string };

export const OFFLINE_BASEMAP: BasemapChoice = { kind: 'offline' };

export type BasemapError = 'keyMissing' | 'urlMissing' | 'urlPlaceholders' | 'urlProtocol' | 'gcj02';

/** Every source and layer id an online basemap adds starts with this. */
export const BASEMAP_ID_PREFIX = 'basemap-';

/** 天地图 serves every layer from eight hosts t0…t7. */
const TIANDITU_HOSTS = 8;
/** 天地图 Web Mercator tiles exist up to zoom 18. */
const TIANDITU_MAX_ZOOM = 18;
const TILE_SIZE_PX = 256;
export const TIANDITU_ATTRIBUTION = '© 天地图 tianditu.gov.cn';

/** The 天地图 WMTS GetTile URL of one layer (vec, cva, img, cia) on host n, in MapLibre's {z}/{x}/{y} form. */
export function tiandituTileUrl(layer: 'vec' | 'cva' | 'img' | 'cia', key: string, host: number): string {
  return (
    `https://t${host}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}` +
    `&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`
  );
}

/**
 * One URL per subdomain: "{s}" becomes a, b, c; "{0-7}" or "{a-d}" a range. MapLibre spreads requests
 * over the list.
 */
export function expandSubdomains(url: string): string[] {
  if (url.includes('{s}')) return ['a', 'b', 'c'].map((s) => url.replace('{s}', s));
  const range = /\{([0-9a-z])-([0-9a-z])\}/.exec(url);
  if (!range) return [url];
  const [first, last] = [range[1].charCodeAt(0), range[2].charCodeAt(0)];
  if (last < first) return [url];
  return Array.from({ length: last - first + 1 }, (_, i) => url.replace(range[0], String.fromCharCode(first + i)));
}

/** Why a choice cannot be drawn, or null when it can. */
export function validateBasemap(choice: BasemapChoice): BasemapError | null {
  if (choice.kind === 'offline') return null;
  if (choice.kind === 'tianditu') return choice.key.trim() === '' ? 'keyMissing' : null;
  const url = choice.url.trim();
  if (url === '') return 'urlMissing';
  if (!/^https?:\/\//i.test(url)) return 'urlProtocol';
  if (!['{z}', '{x}', '{y}'].every((p) => url.includes(p))) return 'urlPlaceholders';
  if (choice.crs === 'gcj02') return 'gcj02';
  return null;
}

export interface BasemapLayers {
  sources: Record<string, RasterSourceSpecification>;
  /** Bottom to top; all go above the background and below every other layer. */
  layers: LayerSpecification[];
}

const raster = (tiles: string[], attribution: string, maxzoom = 19): RasterSourceSpecification => ({
  type: 'raster',
  tiles,
  tileSize: TILE_SIZE_PX,
  maxzoom,
  attribution,
});

const hostsOf = (layer: 'vec' | 'cva' | 'img' | 'cia', key: string) =>
  Array.from({ length: TIANDITU_HOSTS }, (_, host) => tiandituTileUrl(layer, key, host));

/** The raster sources and layers of an online basemap; none for the offline one or an invalid choice. */
export function createBasemapLayers(choice: BasemapChoice): BasemapLayers {
  if (choice.kind === 'offline' || validateBasemap(choice) !== null) return { sources: {}, layers: [] };
  if (choice.kind === 'tianditu') {
    const key = choice.key.trim();
    const [base, labels] = choice.layer === 'vec' ? (['vec', 'cva'] as const) : (['img', 'cia'] as const);
    return {
      sources: {
        [`${BASEMAP_ID_PREFIX}base`]: raster(hostsOf(base, key), TIANDITU_ATTRIBUTION, TIANDITU_MAX_ZOOM),
        [`${BASEMAP_ID_PREFIX}labels`]: raster(hostsOf(labels, key), TIANDITU_ATTRIBUTION, TIANDITU_MAX_ZOOM),
      },
      layers: [
        { id: `${BASEMAP_ID_PREFIX}base`, type: 'raster', source: `${BASEMAP_ID_PREFIX}base` },
        { id: `${BASEMAP_ID_PREFIX}labels`, type: 'raster', source: `${BASEMAP_ID_PREFIX}labels` },
      ],
    };
  }
  return {
    sources: { [`${BASEMAP_ID_PREFIX}base`]: raster(expandSubdomains(choice.url.trim()), choice.attribution?.trim() ?? '') },
    layers: [{ id: `${BASEMAP_ID_PREFIX}base`, type: 'raster', source: `${BASEMAP_ID_PREFIX}base` }],
  };
}

/** The offline style with the basemap's rasters above its background; the offline style itself when offline. */
export function createBasemapStyle(choice: BasemapChoice): StyleSpecification {
  const style = createOfflineStyle();
  const { sources, layers } = createBasemapLayers(choice);
  if (layers.length === 0) return style;
  return { ...style, sources: { ...style.sources, ...sources }, layers: [...style.layers, ...layers] };
}

export const isOnline = (choice: BasemapChoice) => createBasemapLayers(choice).layers.length > 0;

const STORAGE_KEY = 'muyield.basemap';

/** The choice kept in this browser (localStorage only: the key never goes to our server). */
export function loadBasemapChoice(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): BasemapChoice {
  try {
    const parsed = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null') as BasemapChoice | null;
    if (parsed?.kind === 'tianditu' && (parsed.layer === 'vec' || parsed.layer === 'img') && typeof parsed.key === 'string') return parsed;
    if (parsed?.kind === 'xyz' && typeof parsed.url === 'string' && (parsed.crs === 'wgs84' || parsed.crs === 'gcj02')) return parsed;
  } catch {
    // Unreadable or disabled storage: the default.
  }
  return OFFLINE_BASEMAP;
}

export function saveBasemapChoice(choice: BasemapChoice, storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined = globalThis.localStorage) {
  try {
    if (choice.kind === 'offline') storage?.removeItem(STORAGE_KEY);
    else storage?.setItem(STORAGE_KEY, JSON.stringify(choice));
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}
