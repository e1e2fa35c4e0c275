import { LAYER_COLUMNS, type ExportTable } from '../headers.js';

const OCCUPANCY_KEYS = ['lettable_sqm', 'leased_sqm', 'reserved_sqm', 'vacant_sqm', 'occupancy_rate'];

const square = (lon: number, lat: number, sizeDeg: number) =>
  [[lon, lat], [lon + sizeDeg, lat], [lon + sizeDeg, lat + sizeDeg], [lon, lat + sizeDeg], [lon, lat]];

/**
 * Three buildings that exercise every writer: a polygon with a hole (drawn with the wrong orientation, as
 * shapefiles want it), a two-part MultiPolygon, and a row without geometry; Chinese text, a text that
 * starts like a formula, a comma and quotes, a missing number, a missing date and both booleans.
 */
export function sampleBuildings(): ExportTable {
  return {
    layer: 'buildings',
    // The stored columns; the occupancy ones derived from units add nothing a writer treats differently
    columns: LAYER_COLUMNS.buildings.filter((c) => !OCCUPANCY_KEYS.includes(c.key)),
    hasGeometry: true,
    features: [
      {
        geometry: { type: 'Polygon', coordinates: [[...square(108.9, 32.6, 0.01)].reverse(), square(108.902, 32.602, 0.002)] },
        properties: { code: 'B1', park_code: '安康高新区', parcel_code: '=HYPERLINK("http://x")', kind: 'standard_factory', floors: 3, floor_area_sqm: 1234.5678, footprint_sqm: 400, height_m: null, completed_on: '2020-05-01', illustrative: true },
      },
      {
        geometry: { type: 'MultiPolygon', coordinates: [[square(109.0, 32.7, 0.001)], [square(109.01, 32.7, 0.002)]] },
        properties: { code: 'B2', park_code: 'P,"2"', parcel_code: null, kind: '标准厂房', floors: 1, floor_area_sqm: 10, footprint_sqm: 10, height_m: 8, completed_on: null, illustrative: false },
      },
      {
        geometry: null,
        properties: { code: 'B3', park_code: '-1+1', parcel_code: '@SUM(A1)', kind: 'other', floors: 2, floor_area_sqm: -0.00001, footprint_sqm: 1e9, height_m: 12.345, completed_on: '1999-12-31', illustrative: false },
      },
    ],
  };
}
