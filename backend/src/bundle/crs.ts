import proj4 from 'proj4';
import gcoord from 'gcoord';
import { problemDetail, type ProblemDetail } from './problems.js';

/** Converts one position from the bundle's CRS to lon/lat (EPSG:4326 ≈ CGCS2000). */
export type ToLonLat = (position: [number, number]) => [number, number];

export interface CrsInfo {
  code: string;
  label: string;
  toLonLat: ToLonLat;
  /** Said to the user when the conversion is only approximate. */
  caveat?: string;
  projected: boolean;
}

const GRS80 = '+ellps=GRS80';
// 西安80 uses the IAG 1975 ellipsoid, 北京54 Krasovsky. Without the local seven-parameter transform
// (not public), positions can be off by tens of metres: said to the user as a caveat.
const XIAN80 = '+a=6378140 +rf=298.257';
const BEIJING54 = '+ellps=krass';
export const DATUM_CAVEAT =
  'converted without the local seven-parameter datum transformation: positions may be off by up to ~100 m; ask the land bureau for CGCS2000 data';

function tmerc(centralMeridian: number, falseEasting: number, ellipsoid: string): string {
  return `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=${falseEasting} +y_0=0 ${ellipsoid} +units=m +no_defs`;
}

interface GkFamily {
  first: number;
  last: number;
  label: string;
  ellipsoid: string;
  /** central meridian and false easting of the n-th code of the family (n = 0 for `first`) */
  zone(n: number): { cm: number; falseEasting: number; zoneLabel: string };
  caveat?: string;
}

const threeDegreeWithPrefix = (firstZone: number) => (n: number) => {
  const zone = firstZone + n;
  return { cm: zone * 3, falseEasting: zone * 1_000_000 + 500_000, zoneLabel: `3° zone ${zone}` };
};
const threeDegreeNoPrefix = (n: number) => ({ cm: 75 + 3 * n, falseEasting: 500_000, zoneLabel: `3° CM ${75 + 3 * n}°E` });
const sixDegreeWithPrefix = (n: number) => {
  const zone = 13 + n;
  return { cm: zone * 6 - 3, falseEasting: zone * 1_000_000 + 500_000, zoneLabel: `6° zone ${zone}` };
};
const sixDegreeNoPrefix = (n: number) => ({ cm: 75 + 6 * n, falseEasting: 500_000, zoneLabel: `6° CM ${75 + 6 * n}°E` });

// EPSG code ranges of the Chinese Gauss-Krüger families (EPSG registry).
const GK_FAMILIES: GkFamily[] = [
  { first: 4491, last: 4501, label: 'CGCS2000 / Gauss-Krüger', ellipsoid: GRS80, zone: sixDegreeWithPrefix },
  { first: 4502, last: 4512, label: 'CGCS2000 / Gauss-Krüger', ellipsoid: GRS80, zone: sixDegreeNoPrefix },
  { first: 4513, last: 4533, label: 'CGCS2000 / 3-degree Gauss-Krüger', ellipsoid: GRS80, zone: threeDegreeWithPrefix(25) },
  { first: 4534, last: 4554, label: 'CGCS2000 / 3-degree Gauss-Krüger', ellipsoid: GRS80, zone: threeDegreeNoPrefix },
  { first: 2327, last: 2337, label: 'Xian 1980 / Gauss-Krüger', ellipsoid: XIAN80, zone: sixDegreeWithPrefix, caveat: DATUM_CAVEAT },
  { first: 2338, last: 2348, label: 'Xian 1980 / Gauss-Krüger', ellipsoid: XIAN80, zone: sixDegreeNoPrefix, caveat: DATUM_CAVEAT },
  { first: 2349, last: 2369, label: 'Xian 1980 / 3-degree Gauss-Krüger', ellipsoid: XIAN80, zone: threeDegreeWithPrefix(25), caveat: DATUM_CAVEAT },
  { first: 2370, last: 2390, label: 'Xian 1980 / 3-degree Gauss-Krüger', ellipsoid: XIAN80, zone: threeDegreeNoPrefix, caveat: DATUM_CAVEAT },
  { first: 2401, last: 2421, label: 'Beijing 1954 / 3-degree Gauss-Krüger', ellipsoid: BEIJING54, zone: threeDegreeWithPrefix(25), caveat: DATUM_CAVEAT },
  { first: 2422, last: 2442, label: 'Beijing 1954 / 3-degree Gauss-Krüger', ellipsoid: BEIJING54, zone: threeDegreeNoPrefix, caveat: DATUM_CAVEAT },
  { first: 21413, last: 21423, label: 'Beijing 1954 / Gauss-Krüger', ellipsoid: BEIJING54, zone: sixDegreeWithPrefix, caveat: DATUM_CAVEAT },
  { first: 21473, last: 21483, label: 'Beijing 1954 / Gauss-Krüger', ellipsoid: BEIJING54, zone: sixDegreeNoPrefix, caveat: DATUM_CAVEAT },
];

/** The proj4 definition of a Chinese Gauss-Krüger EPSG code, or undefined if it is not one. */
export function gaussKrugerDefinition(epsg: number): { proj: string; label: string; caveat?: string } | undefined {
  const family = GK_FAMILIES.find((f) => epsg >= f.first && epsg <= f.last);
  if (!family) return undefined;
  const { cm, falseEasting, zoneLabel } = family.zone(epsg - family.first);
  return { proj: tmerc(cm, falseEasting, family.ellipsoid), label: `${family.label} ${zoneLabel}`, caveat: family.caveat };
}

export type GeodeticDatum = 'cgcs2000' | 'xian80' | 'beijing54';

export interface GaussKrugerZone {
  code: string;
  datum: GeodeticDatum;
  zoneWidthDeg: 3 | 6;
  centralMeridianDeg: number;
  /** Eastings carry the zone number in front (e.g. 36 500 000 m) */
  zonePrefix: boolean;
  label: string;
}

const DATUM_OF_ELLIPSOID: Record<string, GeodeticDatum> = { [GRS80]: 'cgcs2000', [XIAN80]: 'xian80', [BEIJING54]: 'beijing54' };

/** Every Chinese Gauss-Krüger code above with its parameters: for reading .prj files and guessing a CRS. */
export function listGaussKrugerZones(): GaussKrugerZone[] {
  return GK_FAMILIES.flatMap((family) =>
    Array.from({ length: family.last - family.first + 1 }, (_, n) => {
      const { cm, falseEasting, zoneLabel } = family.zone(n);
      return {
        code: `EPSG:${family.first + n}`,
        datum: DATUM_OF_ELLIPSOID[family.ellipsoid],
        zoneWidthDeg: family.label.includes('3-degree') ? 3 : 6,
        centralMeridianDeg: cm,
        zonePrefix: falseEasting !== 500_000,
        label: `${family.label} ${zoneLabel}`,
      } satisfies GaussKrugerZone;
    }));
}

/** The conversion of lon/lat (EPSG:4326, CGCS2000): the position itself, so a reader may keep the pairs it has. */
export const keepLonLat: ToLonLat = (position) => position;

export class UnknownCrsError extends Error {}

export const SUPPORTED_CRS_TEXT =
  'EPSG:4326, EPSG:4490, CGCS2000 Gauss-Krüger EPSG:4491–4554, 西安80 EPSG:2327–2390, 北京54 EPSG:2401–2442 and 21413–21483, GCJ-02, BD-09';

/** Resolve a bundle's `crs` (e.g. "EPSG:4545", "GCJ-02") to a converter to lon/lat. */
export function resolveCrs(code: string | undefined): CrsInfo {
  const raw = (code ?? 'EPSG:4326').trim();
  const upper = raw.toUpperCase().replace(/\s+/g, '');
  if (upper === 'EPSG:4326' || upper === 'WGS84' || upper === 'EPSG:4490' || upper === 'CGCS2000') {
    return { code: upper.startsWith('EPSG') ? upper : 'EPSG:4326', label: 'lon/lat', toLonLat: keepLonLat, projected: false };
  }
  if (upper === 'GCJ-02' || upper === 'GCJ02') {
    return {
      code: 'GCJ-02',
      label: 'GCJ-02 (Amap/Tencent)',
      toLonLat: (p) => gcoord.transform(p, gcoord.GCJ02, gcoord.WGS84) as [number, number],
      projected: false,
    };
  }
  if (upper === 'BD-09' || upper === 'BD09') {
    return {
      code: 'BD-09',
      label: 'BD-09 (Baidu)',
      toLonLat: (p) => gcoord.transform(p, gcoord.BD09, gcoord.WGS84) as [number, number],
      projected: false,
    };
  }
  const epsg = /^EPSG:(\d+)$/.exec(upper);
  const gk = epsg ? gaussKrugerDefinition(Number(epsg[1])) : undefined;
  if (!gk) throw new UnknownCrsError(`unknown or unsupported crs "${raw}"; supported: ${SUPPORTED_CRS_TEXT}`);
  const converter = proj4(gk.proj, 'EPSG:4326');
  return {
    code: upper,
    label: gk.label,
    toLonLat: (p) => converter.forward(p) as [number, number],
    caveat: gk.caveat,
    projected: true,
  };
}

/** Roughly mainland China and its islands, in lon/lat. */
export const CHINA_BBOX = { minLon: 73, maxLon: 136, minLat: 3, maxLat: 54 } as const;

export function isInChina([lon, lat]: [number, number]): boolean {
  return lon >= CHINA_BBOX.minLon && lon <= CHINA_BBOX.maxLon && lat >= CHINA_BBOX.minLat && lat <= CHINA_BBOX.maxLat;
}

/** Why a position outside China is probably there: swapped axes or a projected CRS read as degrees. */
export function explainOutsideChina(source: [number, number], lonLat: [number, number], crs: CrsInfo): { message: string; detail: ProblemDetail } {
  const shown = `(${source[0]}, ${source[1]})`;
  const [x, y] = source;
  if (!crs.projected && isInChina([source[1], source[0]])) {
    return {
      message: `coordinates ${shown} fall outside China but inside it with the axes swapped: write longitude first, then latitude`,
      detail: problemDetail('coordinatesSwapped', { x, y }),
    };
  }
  if (!crs.projected && (Math.abs(source[0]) > 180 || Math.abs(source[1]) > 90)) {
    return {
      message: `coordinates ${shown} are not degrees: they look like projected metres (e.g. CGCS2000 Gauss-Krüger); set "crs" in bundle.json, e.g. "EPSG:4545" (3° CM 108°E, Ankang) or "EPSG:4524" (zone 36 with prefix)`,
      detail: problemDetail('coordinatesNotDegrees', { x, y }),
    };
  }
  return {
    message: `coordinates ${shown} (→ lon/lat ${lonLat[0].toFixed(5)}, ${lonLat[1].toFixed(5)} from ${crs.code}) fall outside China; check the coordinate system`,
    detail: problemDetail('coordinatesOutsideChina', { x, y, lon: lonLat[0], lat: lonLat[1], crs: crs.code }),
  };
}
