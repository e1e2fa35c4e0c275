import proj4 from 'proj4';
import { listGaussKrugerZones, resolveCrs, UnknownCrsError, type CrsInfo, type GeodeticDatum } from '../bundle/crs.js';

/** Suffix of a CRS choice whose data has its axes swapped (northing or latitude first). */
export const SWAP_SUFFIX = '+swap';

/** A CRS the user chose: a code `resolveCrs` knows, optionally with `+swap` for y-first data. */
export function resolveCrsChoice(choice: string): CrsInfo {
  const trimmed = choice.trim();
  if (trimmed.toLowerCase().endsWith(SWAP_SUFFIX)) return withSwappedAxes(resolveCrs(trimmed.slice(0, -SWAP_SUFFIX.length)));
  return resolveCrs(trimmed);
}

export function withSwappedAxes(crs: CrsInfo): CrsInfo {
  return { ...crs, code: `${crs.code}${SWAP_SUFFIX}`, label: `${crs.label}, axes swapped (y first)`, toLonLat: ([a, b]) => crs.toLonLat([b, a]) };
}

/**
 * The CRS a file states: an EPSG code or URN (GeoJSON `crs`, GeoPackage), or a .prj's WKT, which ArcGIS
 * and QGIS write without an EPSG code for Chinese Gauss-Krüger ("CGCS2000_3_Degree_GK_Zone_36"): those are
 * recognised by datum, central meridian and false easting. Other WKT goes to proj4 as is.
 */
export function resolveStatedCrs(text: string): CrsInfo {
  const trimmed = text.trim();
  const urn = /^(?:urn:ogc:def:crs:)?(EPSG):{1,2}(\d+)$/i.exec(trimmed) ?? /^urn:ogc:def:crs:EPSG:[\d.]*:(\d+)$/i.exec(trimmed);
  if (urn) return resolveCrs(`EPSG:${urn[urn.length - 1]}`);
  if (/CRS84$/i.test(trimmed)) return resolveCrs('EPSG:4326');
  if (!/^(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)\s*\[/i.test(trimmed)) {
    throw new UnknownCrsError(`"${trimmed.slice(0, 80)}" is not a coordinate system MuYield can read (expected WKT or an EPSG code)`);
  }
  const authority = lastAuthorityCode(trimmed);
  if (authority) {
    try {
      return resolveCrs(`EPSG:${authority}`);
    } catch {
      // not one of ours by code: try the parameters
    }
  }
  const isProjected = /^PROJ/i.test(trimmed);
  const datum = datumOf(trimmed);
  if (!isProjected) {
    const lonLat = resolveCrs('EPSG:4326');
    if (datum === 'xian80' || datum === 'beijing54') {
      return { ...lonLat, code: 'EPSG:4326', label: `lon/lat (${datum === 'xian80' ? '西安80' : '北京54'} datum read as CGCS2000)`, caveat: 'a 西安80/北京54 geographic datum was read as CGCS2000 without a datum shift: positions may be off by up to ~100 m' };
    }
    return lonLat;
  }
  const method = /PROJECTION\s*\[\s*"([^"]+)"/i.exec(trimmed)?.[1] ?? /METHOD\s*\[\s*"([^"]+)"/i.exec(trimmed)?.[1] ?? '';
  const cm = parameter(trimmed, /central_meridian|longitude of natural origin|longitude_of_origin/i);
  const falseEasting = parameter(trimmed, /false_easting|false easting/i);
  const scale = parameter(trimmed, /scale_factor|scale factor at natural origin/i) ?? 1;
  if (/transverse|gauss|kruger/i.test(method) && cm !== undefined && falseEasting !== undefined && scale === 1 && datum) {
    const name = /^\w+\s*\[\s*"([^"]+)"/.exec(trimmed)?.[1] ?? '';
    const width = /3[_ -]?degree|3度|3°/i.test(name) ? 3 : /6[_ -]?degree|6度|6°/i.test(name) ? 6 : undefined;
    const prefix = falseEasting !== 500_000;
    const matches = listGaussKrugerZones().filter((z) =>
      z.datum === datum && z.centralMeridianDeg === cm && z.zonePrefix === prefix &&
      (!prefix || Math.round((falseEasting - 500_000) / 1_000_000) === (z.zoneWidthDeg === 3 ? cm / 3 : (cm + 3) / 6)));
    const best = matches.find((z) => z.zoneWidthDeg === width) ?? matches[0];
    if (best) return resolveCrs(best.code);
  }
  try {
    // proj4 with one definition converts from WGS84 to it: inverse is to lon/lat
    const converter = proj4(trimmed);
    const label = /^\w+\s*\[\s*"([^"]+)"/.exec(trimmed)?.[1] ?? 'from the .prj';
    return { code: `WKT:${label}`, label, toLonLat: (p) => converter.inverse(p) as [number, number], projected: true };
  } catch (err) {
    throw new UnknownCrsError(`the coordinate system "${trimmed.slice(0, 80)}…" cannot be read (${(err as Error).message})`);
  }
}

function lastAuthorityCode(wkt: string): string | undefined {
  const all = [...wkt.matchAll(/(?:AUTHORITY|ID)\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)];
  // WKT1 and WKT2 put the object's own authority last, after those of its datum and units
  const last = all.at(-1);
  if (!last) return undefined;
  return wkt.trimEnd().slice(last.index! + last[0].length).replace(/[\]\s]/g, '') === '' ? last[1] : undefined;
}

function datumOf(wkt: string): GeodeticDatum | undefined {
  if (/CGCS[_ ]?2000|China[_ ]Geodetic[_ ]Coordinate[_ ]System[_ ]2000|China_2000|国家2000/i.test(wkt)) return 'cgcs2000';
  if (/Xian[_ ]?1980|Xian80|西安80|西安1980/i.test(wkt)) return 'xian80';
  if (/Beijing[_ ]?1954|Beijing54|北京54|北京1954/i.test(wkt)) return 'beijing54';
  return undefined;
}

function parameter(wkt: string, name: RegExp): number | undefined {
  for (const m of wkt.matchAll(/PARAMETER\s*\[\s*"([^"]+)"\s*,\s*([-+0-9.eE]+)/gi)) {
    if (name.test(m[1])) return Number(m[2]);
  }
  return undefined;
}
