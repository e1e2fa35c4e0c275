import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { confirmByHint, detectCrs, EvenSample, samplePositions, type Position } from './detect-crs.js';
import { resolveStatedCrs, resolveCrsChoice } from './prj.js';

// The tiny park's corner, and the same place in Gauss-Krüger metres (proj4 is the independent party)
const ANKANG: Position[] = [[108.9, 32.7], [108.9106779, 32.7], [108.9106779, 32.7090013]];
const gk = (cm: number, falseEasting: number) => proj4(`+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`);
const inZone36 = ANKANG.map((p) => gk(108, 36_500_000).forward(p) as Position);
const noPrefix = ANKANG.map((p) => gk(108, 500_000).forward(p) as Position);

describe('detectCrs', () => {
  it('takes lon/lat in China as lon/lat, and offers GCJ-02 and BD-09 only as choices it cannot detect', () => {
    const d = detectCrs(ANKANG);
    expect(d.chosen?.crs).toBe('EPSG:4326');
    expect(d.candidates.map((c) => [c.crs, c.confidence])).toEqual([['EPSG:4326', 'high'], ['GCJ-02', 'low'], ['BD-09', 'low']]);
    expect(d.candidates[1].reason).toMatch(/cannot be told apart from the numbers/);
  });

  it('sees swapped axes but asks', () => {
    const d = detectCrs(ANKANG.map(([x, y]) => [y, x]));
    expect(d.chosen).toBeUndefined();
    expect(d.candidates[0]).toMatchObject({ crs: 'EPSG:4326+swap', confidence: 'medium' });
    expect(d.candidates[0].centroidLonLat[0]).toBeCloseTo(108.907, 2);
  });

  it('reads the zone from a prefixed easting: 3° zone 36 is EPSG:4524 (CGCS2000), with Xian80 and Beijing54 as low alternatives', () => {
    const d = detectCrs(inZone36);
    expect(d.chosen?.crs).toBe('EPSG:4524');
    expect(d.candidates.map((c) => c.crs)).toEqual(['EPSG:4524', 'EPSG:2360', 'EPSG:2412']);
    expect(d.chosen!.centroidLonLat[0]).toBeCloseTo(108.907, 3);
  });

  it('reads a 6° zone from its prefix: zone 18 is EPSG:4496', () => {
    const d = detectCrs(ANKANG.map((p) => gk(105, 18_500_000).forward(p) as Position));
    expect(d.chosen?.crs).toBe('EPSG:4496');
  });

  it('offers every central meridian for eastings without a zone, each with where it would put the data', () => {
    const d = detectCrs(noPrefix);
    expect(d.chosen).toBeUndefined();
    expect(d.candidates.length).toBeGreaterThan(5);
    const at108 = d.candidates.find((c) => c.crs === 'EPSG:4545')!;
    expect(at108.centroidLonLat[0]).toBeCloseTo(108.907, 3);
    expect(at108.bboxLonLat[0]).toBeCloseTo(108.9, 5);
  });

  it('lets a hint (a park) decide the central meridian', () => {
    const hint = { lonLat: [108.95, 32.68] as Position, source: 'park T-PARK' };
    const d = confirmByHint(detectCrs(noPrefix, hint), hint);
    expect(d.chosen?.crs).toBe('EPSG:4545');
    expect(d.chosen?.reason).toMatch(/km from park T-PARK/);
  });

  it('finds nothing for numbers that are neither degrees nor Gauss-Krüger metres', () => {
    expect(detectCrs([[5e8, 1e9]]).candidates).toEqual([]);
  });
});

describe('samplePositions', () => {
  it('spreads its sample over the whole file, first and last features included, asking for and walking at most 2000 of them', () => {
    const square = (lon: number) => ({ type: 'Polygon', coordinates: [[[lon, 32], [lon + 0.001, 32], [lon + 0.001, 32.001], [lon, 32]]] });
    const geometries = Array.from({ length: 50_000 }, (_, i) => square(100 + i / 10_000));
    const asked: number[] = [];
    const sample = samplePositions(geometries.length, (i) => (asked.push(i), geometries[i]));
    // every 32nd: the smallest power-of-two stride that keeps them to 2000
    expect(asked).toHaveLength(1563);
    expect(asked[0]).toBe(0);
    expect(asked[1]).toBe(32);
    expect(asked.at(-1)).toBe(49_984);
    expect(sample.length).toBeLessThanOrEqual(2000);
    expect(sample.length).toBeGreaterThan(1900);
    const lons = sample.map(([lon]) => lon);
    expect(Math.min(...lons)).toBe(100);
    expect(Math.max(...lons)).toBeGreaterThan(104.9);
  });

  it('keeps, row by row, the sample it would take of the whole file (EvenSample), whatever the number of rows', () => {
    const point = (i: number) => ({ type: 'Point', coordinates: [100 + i / 100_000, 30 + (i % 7) / 10] });
    for (const count of [1, 2, 1999, 2000, 2001, 4000, 4001, 8191, 50_000]) {
      const geometries = Array.from({ length: count }, (_, i) => point(i));
      const even = new EvenSample();
      for (const geometry of geometries) even.add({ geometry });
      expect(even.positions(), `${count} rows`).toEqual(samplePositions(count, (i) => geometries[i]));
    }
  });

  it('takes every position of a small file', () => {
    const geometries = [{ type: 'Point', coordinates: [108.9, 32.7] }, null, { type: 'MultiPoint', coordinates: [[109, 32], [110, 33]] }];
    expect(samplePositions(geometries.length, (i) => geometries[i]))
      .toEqual([[108.9, 32.7], [109, 32], [110, 33]]);
  });
});

describe('resolveStatedCrs: .prj, GeoPackage and GeoJSON crs', () => {
  it('recognises Esri WKT of CGCS2000 Gauss-Krüger zones by datum, meridian and false easting', () => {
    const wkt = 'PROJCS["CGCS2000_3_Degree_GK_Zone_36",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",36500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",108.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(resolveStatedCrs(wkt).code).toBe('EPSG:4524');
    expect(resolveStatedCrs(wkt.replace('36500000.0', '500000.0').replace('Zone_36', 'CM_108E')).code).toBe('EPSG:4545');
  });

  it('recognises Xian80 and Beijing54 zones, with the datum caveat', () => {
    const wkt = 'PROJCS["Xian_1980_3_Degree_GK_CM_108E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",108.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    const crs = resolveStatedCrs(wkt);
    expect(crs.code).toBe('EPSG:2381');
    expect(crs.caveat).toMatch(/seven-parameter/);
    expect(resolveStatedCrs(wkt.replace(/Xian_1980/g, 'Beijing_1954').replace('6378140.0,298.257', '6378245.0,298.3')).code).toBe('EPSG:2433');
  });

  it('takes EPSG codes and URNs, and CRS84', () => {
    expect(resolveStatedCrs('urn:ogc:def:crs:EPSG::4524').code).toBe('EPSG:4524');
    expect(resolveStatedCrs('EPSG:4490').code).toBe('EPSG:4490');
    expect(resolveStatedCrs('urn:ogc:def:crs:OGC:1.3:CRS84').code).toBe('EPSG:4326');
  });

  it('passes other projections to proj4 (UTM 49N)', () => {
    const wkt = 'PROJCS["WGS 84 / UTM zone 49N",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",111],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1],AUTHORITY["EPSG","32649"]]';
    const [lon, lat] = resolveStatedCrs(wkt).toLonLat(proj4('EPSG:4326', '+proj=utm +zone=49 +datum=WGS84').forward([108.9, 32.7]) as [number, number]);
    expect(lon).toBeCloseTo(108.9, 6);
    expect(lat).toBeCloseTo(32.7, 6);
  });

  it('refuses what is not a coordinate system', () => {
    expect(() => resolveStatedCrs('hello')).toThrow(/not a coordinate system MuYield can read/);
  });

  it('swaps axes on request: EPSG:4326+swap', () => {
    expect(resolveCrsChoice('EPSG:4326+swap').toLonLat([32.7, 108.9])).toEqual([108.9, 32.7]);
  });
});
