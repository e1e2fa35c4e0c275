// Polygons to SVG path data for the print sheet's location sketch. Equirectangular with the longitude
// squeezed by cos(latitude): over a few kilometres that is true to shape within a fraction of a percent.
import type { MultiPolygon, Polygon, Position } from 'geojson';

export interface SvgFrame {
  /** [west, south, east, north] in degrees. */
  bbox: [number, number, number, number];
  widthPx: number;
  heightPx: number;
  paddingPx: number;
}

const ringsOf = (g: Polygon | MultiPolygon): Position[][] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());

export function bboxOfAll(geometries: (Polygon | MultiPolygon)[]): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of geometries) {
    for (const ring of ringsOf(g)) {
      for (const [lon, lat] of ring) {
        w = Math.min(w, lon);
        e = Math.max(e, lon);
        s = Math.min(s, lat);
        n = Math.max(n, lat);
      }
    }
  }
  return [w, s, e, n];
}

/** A projector from lon/lat to SVG pixels (y down, north up) fitting the frame's bbox, aspect kept. */
export function createProjector({ bbox, widthPx, heightPx, paddingPx }: SvgFrame): (p: Position) => [number, number] {
  const [w, s, e, n] = bbox;
  const xScale = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const spanX = Math.max((e - w) * xScale, 1e-9);
  const spanY = Math.max(n - s, 1e-9);
  const k = Math.min((widthPx - 2 * paddingPx) / spanX, (heightPx - 2 * paddingPx) / spanY);
  const offsetX = (widthPx - spanX * k) / 2;
  const offsetY = (heightPx - spanY * k) / 2;
  return ([lon, lat]) => [offsetX + (lon - w) * xScale * k, offsetY + (n - lat) * k];
}

export function toSvgPath(geometry: Polygon | MultiPolygon, project: (p: Position) => [number, number]): string {
  return ringsOf(geometry)
    .map((ring) => ring.map((p, i) => `${i === 0 ? 'M' : 'L'}${project(p).map((v) => v.toFixed(1)).join(' ')}`).join('') + 'Z')
    .join('');
}
