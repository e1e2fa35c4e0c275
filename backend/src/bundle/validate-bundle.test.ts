import { describe, expect, it } from 'vitest';
import type { LayerName } from './fields.js';
import { checkReferences, type ParsedRecord } from './validate-bundle.js';

const record = (values: ParsedRecord['values'], at: ParsedRecord['at']): ParsedRecord => ({ values, at });
const noRecords = (): Record<LayerName, ParsedRecord[]> => ({ regions: [], parks: [], parcels: [], buildings: [], units: [], enterprises: [], land_rights: [], indicators: [] });

describe('checkReferences (what the bundle cannot resolve by itself)', () => {
  it('leaves to the database each code no layer of the bundle holds, in layer then row order, located by row or feature and field', () => {
    const layers = noRecords();
    layers.parks = [record({ code: 'P1', region_code: '610902' }, { file: 'parks.geojson', feature: 1 })];
    layers.parcels = [
      record({ code: 'A1', park_code: 'P1' }, { file: 'parcels.geojson', feature: 1 }),
      record({ code: 'A2', park_code: 'P2' }, { file: 'parcels.geojson', feature: 2 }),
    ];
    layers.buildings = [record({ code: 'B1', park_code: 'P1', parcel_code: 'A9' }, { file: 'buildings.geojson', feature: 1 })];
    layers.units = [record({ code: 'U1', building_code: 'B1', tenant_uscc: null }, { file: 'units.csv', row: 2 })];
    layers.land_rights = [record({ uscc: 'E1', parcel_code: 'A2' }, { file: 'land_rights.csv', row: 2 })];
    layers.enterprises = [record({ uscc: 'E1' }, { file: 'enterprises.csv', row: 2 })];
    layers.indicators = [record({ uscc: 'E2', year: 2024 }, { file: 'indicators.csv', row: 7 })];
    const pending = checkReferences(layers);
    expect(pending).toStrictEqual([
      { layer: 'regions', code: '610902', at: { file: 'parks.geojson', feature: 1, field: 'region_code' } },
      { layer: 'parks', code: 'P2', at: { file: 'parcels.geojson', feature: 2, field: 'park_code' } },
      { layer: 'parcels', code: 'A9', at: { file: 'buildings.geojson', feature: 1, field: 'parcel_code' } },
      { layer: 'enterprises', code: 'E2', at: { file: 'indicators.csv', row: 7, field: 'uscc' } },
    ]);
    expect(Object.keys(pending[3].at)).toEqual(['file', 'row', 'field']);
  });

  it('leaves every reference of a file of one layer to the database', () => {
    const layers = noRecords();
    layers.parcels = [record({ code: 'A1', park_code: 'P1' }, { file: 'parcels.geojson', feature: 1 })];
    expect(checkReferences(layers)).toStrictEqual([{ layer: 'parks', code: 'P1', at: { file: 'parcels.geojson', feature: 1, field: 'park_code' } }]);
  });
});
