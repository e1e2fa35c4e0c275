// A river centre-line (or a valley axis) as a smooth curve in metres, and positions beside it: s metres
// along the curve, d metres off it to the left (d < 0: to the right, looking downstream along s).
import type { Position } from 'geojson';
import type { LocalFrame } from '../lib/geo.js';

export interface RiverCurve {
  lengthM: number;
  /** lon/lat of the point s metres along the smoothed curve and offsetM to its left (negative: right) */
  at(s: number, offsetM: number): Position;
  /** the nearest point of the curve to a position: its arc length, and the position's offset (left +) */
  project(position: Position): { s: number; offsetM: number };
}

/** resampling step of the curve, m */
const STEP_M = 20;
const SMOOTHING_PASSES = 3;

type Xy = [number, number];

function resample(points: Xy[], stepM: number): Xy[] {
  const out: Xy[] = [points[0]];
  let carried = 0;
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1];
    const [x1, y1] = points[i];
    const length = Math.hypot(x1 - x0, y1 - y0);
    let at = stepM - carried;
    while (at <= length) {
      out.push([x0 + ((x1 - x0) * at) / length, y0 + ((y1 - y0) * at) / length]);
      at += stepM;
    }
    carried = length - (at - stepM);
  }
  const last = points[points.length - 1];
  const tail = out[out.length - 1];
  if (Math.hypot(last[0] - tail[0], last[1] - tail[1]) > stepM / 4) out.push(last);
  return out;
}

/** Moving average over ±halfWindow samples, the window shrinking symmetrically at the ends (ends stay put). */
function smooth(points: Xy[], halfWindow: number): Xy[] {
  return points.map((_, i) => {
    const h = Math.min(halfWindow, i, points.length - 1 - i);
    let x = 0;
    let y = 0;
    for (let j = i - h; j <= i + h; j++) {
      x += points[j][0];
      y += points[j][1];
    }
    return [x / (2 * h + 1), y / (2 * h + 1)];
  });
}

/**
 * The curve through a lon/lat line, resampled every 20 m and smoothed over about `smoothingM` so that
 * offsets up to a kilometre or two stay free of loops (GSHHG lines are generalised, with sharp corners).
 */
export function createRiverCurve(line: readonly Position[], frame: LocalFrame, smoothingM: number): RiverCurve {
  let points = resample(line.map((p) => frame.fromLonLat(p)), STEP_M);
  for (let pass = 0; pass < SMOOTHING_PASSES; pass++) points = smooth(points, Math.round(smoothingM / STEP_M / 2));
  const arc: number[] = [0];
  for (let i = 1; i < points.length; i++) {
    arc.push(arc[i - 1] + Math.hypot(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]));
  }
  const normals: Xy[] = points.map((_, i) => {
    const a = points[Math.max(0, i - 1)];
    const b = points[Math.min(points.length - 1, i + 1)];
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    return [-(b[1] - a[1]) / length, (b[0] - a[0]) / length];
  });
  const lengthM = arc[arc.length - 1];

  const segmentAt = (s: number): number => {
    let lo = 0;
    let hi = points.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (arc[mid] <= s) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  return {
    lengthM,
    at(s, offsetM) {
      const clamped = Math.min(lengthM, Math.max(0, s));
      const i = segmentAt(clamped);
      const f = (clamped - arc[i]) / (arc[i + 1] - arc[i]);
      const x = points[i][0] + f * (points[i + 1][0] - points[i][0]);
      const y = points[i][1] + f * (points[i + 1][1] - points[i][1]);
      let nx = normals[i][0] + f * (normals[i + 1][0] - normals[i][0]);
      let ny = normals[i][1] + f * (normals[i + 1][1] - normals[i][1]);
      const n = Math.hypot(nx, ny);
      nx /= n;
      ny /= n;
      return frame.toLonLat(x + offsetM * nx, y + offsetM * ny);
    },
    project(position) {
      const [px, py] = frame.fromLonLat(position);
      let best = { distance: Infinity, s: 0, offsetM: 0 };
      for (let i = 0; i < points.length - 1; i++) {
        const [x0, y0] = points[i];
        const dx = points[i + 1][0] - x0;
        const dy = points[i + 1][1] - y0;
        const f = Math.min(1, Math.max(0, ((px - x0) * dx + (py - y0) * dy) / (dx * dx + dy * dy)));
        const cx = x0 + f * dx;
        const cy = y0 + f * dy;
        const distance = Math.hypot(px - cx, py - cy);
        if (distance < best.distance) {
          const length = Math.hypot(dx, dy);
          best = { distance, s: arc[i] + f * length, offsetM: ((px - cx) * -dy + (py - cy) * dx) / length };
        }
      }
      return { s: best.s, offsetM: best.offsetM };
    },
  };
}

/** Joins lines whose end lies within toleranceM of another's start (GSHHG cuts its rivers into pieces). */
export function joinLines(lines: ReadonlyArray<readonly Position[]>, frame: LocalFrame, toleranceM: number): Position[][] {
  const near = (a: Position, b: Position) => {
    const [ax, ay] = frame.fromLonLat(a);
    const [bx, by] = frame.fromLonLat(b);
    return Math.hypot(ax - bx, ay - by) <= toleranceM;
  };
  const chains: Position[][] = lines.map((l) => [...l]);
  for (let joined = true; joined;) {
    joined = false;
    for (let i = 0; i < chains.length && !joined; i++) {
      for (let j = 0; j < chains.length && !joined; j++) {
        if (i === j || !near(chains[i][chains[i].length - 1], chains[j][0])) continue;
        chains[i] = [...chains[i], ...chains[j].slice(1)];
        chains.splice(j, 1);
        joined = true;
      }
    }
  }
  return chains;
}
