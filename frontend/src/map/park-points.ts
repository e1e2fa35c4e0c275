import type { ParkFeature, RegionFeature } from '../api/types';
import { computeLabelPoint, type LonLat } from './geometry';

/** A park reduced to a point: its marker at city zoom and its label anchor. */
export interface ParkPoint {
  code: string;
  name: string;
  position: LonLat;
}

export interface MapLabel {
  key: string;
  text: string;
  position: LonLat;
}

export function toParkPoints(parks: readonly ParkFeature[]): ParkPoint[] {
  return parks.map((park) => ({
    code: park.properties.code,
    name: park.properties.name,
    position: computeLabelPoint(park.geometry),
  }));
}

export function toCountyLabels(regions: readonly RegionFeature[]): MapLabel[] {
  return regions.map((region) => ({
    key: region.properties.code,
    text: region.properties.name,
    position: computeLabelPoint(region.geometry),
  }));
}

export function toParkLabels(points: readonly ParkPoint[]): MapLabel[] {
  return points.map((point) => ({ key: point.code, text: point.name, position: point.position }));
}
