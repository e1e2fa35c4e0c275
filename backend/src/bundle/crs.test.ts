import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainOutsideChina, gaussKrugerDefinition, resolveCrs } from './crs.js';
import { repoRoot } from '../config.js';

// Reference positions from PROJ via GDAL 3.6.2, an independent implementation:
//   echo "108.9 32.7" | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:4545 -output_xy
const PROJ_REFERENCE: [string, [number, number], [number, number]][] = [
  ['EPSG:4545', [584392.835986379, 3619835.60525042], [108.9, 32.7]],
  ['EPSG:4524', [36584392.8359864, 3619835.60525042], [108.9, 32.7]],
  ['EPSG:4546', [303068.282453788, 3621427.74494956], [108.9, 32.7]],
  ['EPSG:4545', [641127.83471752, 3587198.56412022], [109.5, 32.4]],
  ['EPSG:4546', [415701.415171248, 3630926.1790115], [110.1, 32.8]],
  ['EPSG:4524', [36696711.6665183, 3632520.85993141], [110.1, 32.8]],
];
const METRES_PER_DEGREE_LAT = 111_000;

describe('CGCS2000 Gauss-Krüger', () => {
  it.each(PROJ_REFERENCE)('%s %j agrees with PROJ within 1 cm', (code, xy, expected) => {
    const [lon, lat] = resolveCrs(code).toLonLat(xy);
    expect(Math.abs(lon - expected[0]) * METRES_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180)).toBeLessThan(0.01);
    expect(Math.abs(lat - expected[1]) * METRES_PER_DEGREE_LAT).toBeLessThan(0.01);
  });

  it('knows the zone of Ankang with and without the prefix (DOMAIN.md §8)', () => {
    expect(gaussKrugerDefinition(4524)?.proj).toContain('+lon_0=108 +k=1 +x_0=36500000');
    expect(gaussKrugerDefinition(4545)?.proj).toContain('+lon_0=108 +k=1 +x_0=500000');
    expect(gaussKrugerDefinition(4525)?.proj).toContain('+lon_0=111 ');
    expect(gaussKrugerDefinition(4546)?.proj).toContain('+lon_0=111 ');
  });

  it('states the datum caveat for 西安80 and 北京54', () => {
    expect(resolveCrs('EPSG:2360').caveat).toMatch(/seven-parameter/);
    expect(resolveCrs('EPSG:2433').caveat).toMatch(/seven-parameter/);
    expect(resolveCrs('EPSG:4545').caveat).toBeUndefined();
  });

  it('refuses an unknown code and lists what it supports', () => {
    expect(() => resolveCrs('EPSG:3857')).toThrow(/unsupported crs "EPSG:3857".*GCJ-02/);
  });
});

describe('GCJ-02', () => {
  it('turns the Amap county file into the independently converted WGS84 file within 2 m', () => {
    const dir = path.join(repoRoot, 'gis-data', 'sources');
    const gcj = JSON.parse(fs.readFileSync(path.join(dir, 'ankang_counties_amap2020_gcj02.geojson'), 'utf8'));
    const wgs = JSON.parse(fs.readFileSync(path.join(dir, 'ankang_counties_amap2020_wgs84.geojson'), 'utf8'));
    const crs = resolveCrs('GCJ-02');
    let worstM = 0;
    gcj.features.forEach((f: { geometry: { coordinates: unknown } }, i: number) => {
      const a = positions(f.geometry).slice(0, 200);
      const b = positions(wgs.features[i].geometry).slice(0, 200);
      a.forEach((p, j) => {
        const [lon, lat] = crs.toLonLat(p);
        const dx = (lon - b[j][0]) * METRES_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180);
        const dy = (lat - b[j][1]) * METRES_PER_DEGREE_LAT;
        worstM = Math.max(worstM, Math.hypot(dx, dy));
      });
    });
    expect(worstM).toBeLessThan(2);
  });
});

function positions(geometry: { type?: string; coordinates: unknown }): [number, number][] {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as [number, number][][][];
  return polygons.flat(2);
}

describe('positions outside China', () => {
  const wgs = resolveCrs('EPSG:4326');
  it('suggests swapped axes when lat/lon was written', () => {
    const explained = explainOutsideChina([32.7, 108.9], [32.7, 108.9], wgs);
    expect(explained.message).toMatch(/axes swapped/);
    expect(explained.detail).toEqual({ kind: 'coordinatesSwapped', params: { x: 32.7, y: 108.9 } });
  });
  it('suggests a projected CRS when the numbers are metres', () => {
    const explained = explainOutsideChina([584392.8, 3619835.6], [584392.8, 3619835.6], wgs);
    expect(explained.message).toMatch(/projected metres.*EPSG:4545/);
    expect(explained.detail).toEqual({ kind: 'coordinatesNotDegrees', params: { x: 584392.8, y: 3619835.6 } });
  });
  it('says where degrees that are not in China land, with the CRS that put them there', () => {
    const explained = explainOutsideChina([2.35, 48.85], [2.35, 48.85], wgs);
    expect(explained.message).toMatch(/fall outside China; check the coordinate system/);
    expect(explained.detail).toEqual({ kind: 'coordinatesOutsideChina', params: { x: 2.35, y: 48.85, lon: 2.35, lat: 48.85, crs: 'EPSG:4326' } });
  });
});
