import { isInChina, listGaussKrugerZones, resolveCrs, type CrsInfo } from '../bundle/crs.js';
import { withSwappedAxes } from './prj.js';

export type Position = [number, number];

export interface CrsCandidate {
  /** What to pass back as `crs` (HTTP) or `--crs` (CLI) to use it */
  crs: string;
  label: string;
  confidence: 'high' | 'medium' | 'low';
  reason: string;
  caveat?: string;
  /** The data's extent and mean position in lon/lat if this were the CRS: for a preview on the map */
  bboxLonLat: [number, number, number, number];
  centroidLonLat: Position;
  /** Distance of the centroid from the hint, km, when there is a hint */
  distanceFromHintKm?: number;
}

export interface CrsHint {
  lonLat: Position;
  /** Where the hint comes from, said in the reason */
  source: string;
}

export interface CrsDetection {
  candidates: CrsCandidate[];
  /** Set when one candidate is clearly right; otherwise the user must choose */
  chosen?: CrsCandidate;
  note: string;
}

const MAX_SAMPLE = 2000;
/** A no-prefix Gauss-Krüger zone is taken as certain when the hint lies this close to the data, km */
const HINT_CERTAIN_KM = 60;
const GCJ_NOTE =
  'GCJ-02 (Amap, Tencent) and BD-09 (Baidu) coordinates look like ordinary lon/lat and are off by a few hundred metres; they cannot be told apart from the numbers: choose GCJ-02 or BD-09 yourself when the data was digitised on those maps';

/**
 * Which geometries a CRS sample takes from a file of `count`: every `stride`-th from the first, the stride the
 * smallest power of two that keeps them to MAX_SAMPLE (so between MAX_SAMPLE / 2 and MAX_SAMPLE of them, spread
 * over the whole file). A power of two, so that a file still being read can keep the same sample as it goes
 * (EvenSample): an import sees the same sample whether it read the file whole first or not.
 */
export function sampleStride(count: number): number {
  let stride = 1;
  while (Math.ceil(count / stride) > MAX_SAMPLE) stride *= 2;
  return stride;
}

/**
 * Up to MAX_SAMPLE positions spread evenly over the `count` geometries, the one at index i being
 * `geometryAt(i)`: those of the geometries sampleStride picks (only these are asked for, so a source that
 * parses a geometry when it is first read parses only these; walking every position of 200 000 parcels
 * twice took ~0.6 s), then spread evenly.
 */
export function samplePositions(count: number, geometryAt: (index: number) => unknown): Position[] {
  const stride = sampleStride(count);
  return spreadPositions(Array.from({ length: Math.ceil(count / stride) }, (_, i) => geometryAt(i * stride)));
}

/**
 * samplePositions' sample, kept while the rows go by one at a time and in order (a file still being read):
 * every row whose index is a multiple of the stride is kept, and when they grow past MAX_SAMPLE the stride
 * doubles and every other one is let go. At any time the rows kept are those samplePositions would ask for.
 */
export class EvenSample {
  private stride = 1;
  private count = 0;
  private kept: { index: number; row: { geometry: unknown } }[] = [];

  add(row: { geometry: unknown }): void {
    const index = this.count++;
    if (index % this.stride !== 0) return;
    this.kept.push({ index, row });
    if (this.kept.length > MAX_SAMPLE) {
      this.stride *= 2;
      this.kept = this.kept.filter((k) => k.index % this.stride === 0);
    }
  }

  positions(): Position[] {
    return spreadPositions(this.kept.map((k) => k.row.geometry));
  }
}

/** Up to MAX_SAMPLE of the geometries' positions, spread evenly. Two walks, the first only counting, so a
 * file of a million positions does not build a million pairs to keep two thousand. */
function spreadPositions(geometries: unknown[]): Position[] {
  const walkAll = (visit: (c: number[]) => void) => {
    const walk = (c: unknown) => {
      if (!Array.isArray(c)) return;
      if (typeof c[0] === 'number' && typeof c[1] === 'number') visit(c);
      else for (const x of c) walk(x);
    };
    for (const g of geometries) {
      const geometry = g as { coordinates?: unknown; geometries?: unknown[] } | null;
      if (!geometry) continue;
      if (Array.isArray(geometry.geometries)) for (const inner of geometry.geometries) walk((inner as { coordinates?: unknown }).coordinates);
      walk(geometry.coordinates);
    }
  };
  let total = 0;
  walkAll(() => total++);
  const step = total <= MAX_SAMPLE ? 1 : total / MAX_SAMPLE;
  const out: Position[] = [];
  let k = 0;
  // position k is taken when it is floor(i * step) for the next i, as all[Math.floor(i * step)] would take it
  walkAll((c) => {
    if (out.length < MAX_SAMPLE && k === Math.floor(out.length * step)) out.push([c[0], c[1]]);
    k++;
  });
  return out;
}

/**
 * Guess the CRS of positions that came without one, from their magnitudes: lon/lat (or lat/lon), or
 * CGCS2000 Gauss-Krüger metres with the zone in front of the easting (the zone number says which of the
 * 3° or 6° zones) or without it (then only a hint — a park the data belongs to — says which central
 * meridian). Every candidate carries where the data would land, for a preview.
 */
export function detectCrs(positions: Position[], hint?: CrsHint): CrsDetection {
  if (positions.length === 0) return { candidates: [], note: 'the data has no coordinates' };
  const candidates: CrsCandidate[] = [];
  const add = (crs: CrsInfo, confidence: CrsCandidate['confidence'], reason: string) => {
    const preview = previewOf(positions, crs);
    if (!preview) return;
    const distanceFromHintKm = hint ? distanceKm(preview.centroidLonLat, hint.lonLat) : undefined;
    candidates.push({ crs: crs.code, label: crs.label, confidence, reason, caveat: crs.caveat, ...preview, distanceFromHintKm });
  };

  const degrees = positions.every(([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 180);
  if (degrees) {
    const lonLat = resolveCrs('EPSG:4326');
    if (positions.every((p) => isInChina(p))) {
      add(lonLat, 'high', 'the numbers are longitude and latitude in China');
      add(resolveCrs('GCJ-02'), 'low', GCJ_NOTE);
      add(resolveCrs('BD-09'), 'low', GCJ_NOTE);
    } else if (positions.every(([x, y]) => isInChina([y, x]))) {
      add(withSwappedAxes(lonLat), 'medium', 'latitude comes first: the axes are swapped (x must be longitude)');
    }
  } else {
    for (const swapped of [false, true]) {
      const eastNorth = swapped ? positions.map(([a, b]) => [b, a] as Position) : positions;
      for (const c of gaussKrugerCandidates(eastNorth, hint)) {
        const crs = swapped ? withSwappedAxes(resolveCrs(c.code)) : resolveCrs(c.code);
        add(crs, swapped && c.confidence === 'high' ? 'medium' : c.confidence, swapped ? `${c.reason}; the northing comes first (axes swapped)` : c.reason);
      }
    }
  }
  const inChina = candidates.filter((c) => isInChina(c.centroidLonLat));
  const rank = { high: 0, medium: 1, low: 2 };
  inChina.sort((a, b) => rank[a.confidence] - rank[b.confidence] || (a.distanceFromHintKm ?? 0) - (b.distanceFromHintKm ?? 0));
  const top = inChina.filter((c) => c.confidence === 'high');
  const chosen = top.length === 1 ? top[0] : undefined;
  const note = inChina.length === 0
    ? 'the coordinates fit no coordinate system MuYield knows within China; say which one it is (crs)'
    : chosen
      ? `taken as ${chosen.label}: ${chosen.reason}${degrees ? `. ${GCJ_NOTE}` : ''}`
      : 'the coordinate system is not certain: choose one of the candidates (crs) after looking at where each puts the data';
  return { candidates: inChina.slice(0, 12), chosen, note };
}

function gaussKrugerCandidates(positions: Position[], hint?: CrsHint): { code: string; confidence: CrsCandidate['confidence']; reason: string }[] {
  const zones = listGaussKrugerZones();
  const eastings = positions.map((p) => p[0]);
  const northings = positions.map((p) => p[1]);
  // Latitudes 3°–54° N give northings of ~330 km to ~6000 km on any central meridian
  if (Math.min(...northings) < 300_000 || Math.max(...northings) > 6_100_000) return [];
  const zoneNumbers = new Set(eastings.map((e) => Math.floor(e / 1_000_000)));
  const out: { code: string; confidence: CrsCandidate['confidence']; reason: string }[] = [];
  if (zoneNumbers.size === 1) {
    const zone = [...zoneNumbers][0];
    const offsets = eastings.map((e) => e - zone * 1_000_000);
    const plausibleOffsets = Math.min(...offsets) > 50_000 && Math.max(...offsets) < 950_000;
    if (zone >= 13 && zone <= 45 && zone !== 24 && plausibleOffsets) {
      const width = zone <= 23 ? 6 : 3;
      const cm = width === 6 ? zone * 6 - 3 : zone * 3;
      for (const z of zones.filter((z) => z.zonePrefix && z.zoneWidthDeg === width && z.centralMeridianDeg === cm)) {
        out.push({
          code: z.code,
          confidence: z.datum === 'cgcs2000' ? 'high' : 'low',
          reason: z.datum === 'cgcs2000'
            ? `eastings start with ${zone}: ${width}° Gauss-Krüger zone ${zone} (central meridian ${cm}°E), taken as CGCS2000 (西安80 and 北京54 look the same from the numbers)`
            : `the same zone on the ${z.datum === 'xian80' ? '西安80' : '北京54'} datum`,
        });
      }
      return out;
    }
  }
  if (Math.min(...eastings) > 50_000 && Math.max(...eastings) < 950_000) {
    // No zone in the easting: any central meridian fits; 6° zones' meridians are among the 3° ones.
    for (const z of zones.filter((z) => !z.zonePrefix && z.zoneWidthDeg === 3 && z.datum === 'cgcs2000')) {
      const hintKm = hint ? Math.abs(hint.lonLat[0] - z.centralMeridianDeg) * 111 * Math.cos((hint.lonLat[1] * Math.PI) / 180) : undefined;
      const near = hintKm !== undefined && hintKm < 1.5 * 111;
      out.push({
        code: z.code,
        confidence: near ? 'medium' : 'low',
        reason: `eastings near 500 km without a zone number: Gauss-Krüger on central meridian ${z.centralMeridianDeg}°E${near ? ` (${hint!.source} lies in this zone)` : ''}`,
      });
    }
  }
  return out;
}

/** Promote the no-prefix candidate that lands at the hint: the hint decides the central meridian. */
export function confirmByHint(detection: CrsDetection, hint?: CrsHint): CrsDetection {
  if (detection.chosen || !hint) return detection;
  // The hint settles a central meridian, nothing else: swapped axes are still for the user to confirm
  const near = detection.candidates.filter((c) => !c.crs.endsWith('+swap') && c.distanceFromHintKm !== undefined && c.distanceFromHintKm < HINT_CERTAIN_KM);
  if (near.length !== 1) return detection;
  const chosen = { ...near[0], confidence: 'high' as const, reason: `${near[0].reason}; the data lies ${near[0].distanceFromHintKm!.toFixed(1)} km from ${hint.source}` };
  return {
    candidates: [chosen, ...detection.candidates.filter((c) => c !== near[0])],
    chosen,
    note: `taken as ${chosen.label}: ${chosen.reason}`,
  };
}

function previewOf(positions: Position[], crs: CrsInfo): { bboxLonLat: [number, number, number, number]; centroidLonLat: Position } | undefined {
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity, sumLon = 0, sumLat = 0;
  for (const p of positions) {
    const [lon, lat] = crs.toLonLat(p);
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return undefined;
    minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat);
    sumLon += lon; sumLat += lat;
  }
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    bboxLonLat: [round(minLon), round(minLat), round(maxLon), round(maxLat)],
    centroidLonLat: [round(sumLon / positions.length), round(sumLat / positions.length)],
  };
}

/** Great-circle distance, km (haversine on a 6371 km sphere: enough to rank candidates). */
export function distanceKm([lon1, lat1]: Position, [lon2, lat2]: Position): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}
