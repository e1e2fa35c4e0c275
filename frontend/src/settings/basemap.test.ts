// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import { createOfflineStyle } from '../map/offline-style';
import { adaptLayersToBasemap } from './apply-basemap';
import {
  createBasemapLayers,
  createBasemapStyle,
  expandSubdomains,
  isOnline,
  loadBasemapChoice,
  OFFLINE_BASEMAP,
  saveBasemapChoice,
  tiandituTileUrl,
  validateBasemap,
} from './basemap';

describe('createBasemapStyle', () => {
  it('is the offline style, untouched, when no online basemap is chosen', () => {
    expect(createBasemapStyle(OFFLINE_BASEMAP)).toEqual(createOfflineStyle());
    expect(JSON.stringify(createBasemapStyle(OFFLINE_BASEMAP))).not.toMatch(/https?:/);
  });

  it('puts 天地图 vector and its labels above the background, on hosts t0–t7, with the key', () => {
    const style = createBasemapStyle({ kind: 'tianditu', layer: 'vec', key: ' abc123 ' });
    expect(style.layers.map((l) => l.id)).toEqual(['background', 'basemap-base', 'basemap-labels']);
    const base = style.sources['basemap-base'] as { type: string; tiles: string[]; tileSize: number; attribution: string };
    expect(base.type).toBe('raster');
    expect(base.tileSize).toBe(256);
    expect(base.tiles).toHaveLength(8);
    expect(base.tiles[0]).toBe(
      'https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=abc123',
    );
    expect(base.tiles[7]).toContain('https://t7.tianditu.gov.cn/vec_w/');
    expect(base.attribution).toContain('天地图');
    const labels = style.sources['basemap-labels'] as { tiles: string[] };
    expect(labels.tiles[0]).toContain('/cva_w/wmts?');
    expect(labels.tiles[0]).toContain('LAYER=cva');
  });

  it('uses imagery with its labels (img_w, cia_w) for the imagery choice', () => {
    const { sources } = createBasemapLayers({ kind: 'tianditu', layer: 'img', key: 'k' });
    expect((sources['basemap-base'] as { tiles: string[] }).tiles[3]).toContain('https://t3.tianditu.gov.cn/img_w/wmts?');
    expect((sources['basemap-labels'] as { tiles: string[] }).tiles[0]).toContain('LAYER=cia');
  });

  it('uses WGS84 XYZ tiles as they are, subdomains expanded', () => {
    const style = createBasemapStyle({ kind: 'xyz', url: 'https://{s}.tiles.example/{z}/{x}/{y}.png', crs: 'wgs84', attribution: '© Example' });
    const base = style.sources['basemap-base'] as { tiles: string[]; attribution: string };
    expect(base.tiles).toEqual(['a', 'b', 'c'].map((s) => `https://${s}.tiles.example/{z}/{x}/{y}.png`));
    expect(base.attribution).toBe('© Example');
  });

  it('refuses GCJ-02 tiles instead of drawing them 100–700 m off our data', () => {
    const gcj = { kind: 'xyz', url: 'https://webrd0{1-4}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8', crs: 'gcj02' } as const;
    expect(validateBasemap(gcj)).toBe('gcj02');
    expect(createBasemapStyle(gcj)).toEqual(createOfflineStyle());
    expect(isOnline(gcj)).toBe(false);
  });

  it('names what is missing or wrong in a choice', () => {
    expect(validateBasemap({ kind: 'tianditu', layer: 'vec', key: '  ' })).toBe('keyMissing');
    expect(validateBasemap({ kind: 'xyz', url: '', crs: 'wgs84' })).toBe('urlMissing');
    expect(validateBasemap({ kind: 'xyz', url: 'ftp://x/{z}/{x}/{y}', crs: 'wgs84' })).toBe('urlProtocol');
    expect(validateBasemap({ kind: 'xyz', url: 'https://x/{z}/{x}.png', crs: 'wgs84' })).toBe('urlPlaceholders');
    expect(validateBasemap({ kind: 'xyz', url: 'https://x/{z}/{x}/{y}.png', crs: 'wgs84' })).toBeNull();
    expect(createBasemapLayers({ kind: 'tianditu', layer: 'vec', key: '' }).layers).toEqual([]);
  });
});

describe('expandSubdomains', () => {
  it('expands {s}, digit and letter ranges, and leaves a plain URL alone', () => {
    expect(expandSubdomains('https://t{0-2}.x/{z}')).toEqual(['https://t0.x/{z}', 'https://t1.x/{z}', 'https://t2.x/{z}']);
    expect(expandSubdomains('https://{a-b}.x/{z}')).toEqual(['https://a.x/{z}', 'https://b.x/{z}']);
    expect(expandSubdomains('https://x/{z}/{x}/{y}')).toEqual(['https://x/{z}/{x}/{y}']);
  });

  it('makes the 天地图 URL of a layer and host', () => {
    expect(tiandituTileUrl('cva', 'a b', 5)).toContain('https://t5.tianditu.gov.cn/cva_w/wmts?');
    expect(tiandituTileUrl('cva', 'a b', 5)).toContain('tk=a%20b');
  });
});

describe('basemap choice storage', () => {
  it('keeps the choice in localStorage only, and forgets it for offline', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    const choice = { kind: 'tianditu', layer: 'img', key: 'secret' } as const;
    saveBasemapChoice(choice, storage);
    expect(loadBasemapChoice(storage)).toEqual(choice);
    saveBasemapChoice(OFFLINE_BASEMAP, storage);
    expect(store.size).toBe(0);
    expect(loadBasemapChoice(storage)).toEqual(OFFLINE_BASEMAP);
  });

  it('falls back to offline for garbage or a throwing storage', () => {
    expect(loadBasemapChoice({ getItem: () => '{"kind":"tianditu"}' })).toEqual(OFFLINE_BASEMAP);
    expect(loadBasemapChoice({ getItem: () => 'not json' })).toEqual(OFFLINE_BASEMAP);
    expect(loadBasemapChoice({ getItem: vi.fn(() => { throw new Error('denied'); }) })).toEqual(OFFLINE_BASEMAP);
  });
});

describe('adaptLayersToBasemap', () => {
  const counties = new GeoJsonLayer({ id: 'counties', data: [], filled: true });
  const parks = new GeoJsonLayer({ id: 'parks', data: [], filled: true });

  it('keeps the layers as they are on the offline basemap', () => {
    const layers: Layer[] = [counties, parks];
    expect(adaptLayersToBasemap(layers, false)).toBe(layers);
  });

  it('empties the opaque county fill over an online basemap, keeping the outlines and every other layer', () => {
    const [c, p] = adaptLayersToBasemap([counties, parks], true);
    expect(c.id).toBe('counties');
    expect((c as GeoJsonLayer).props.filled).toBe(false);
    expect(p).toBe(parks);
  });
});
