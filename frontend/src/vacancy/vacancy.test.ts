import { GeoJsonLayer } from '@deck.gl/layers';
import { describe, expect, it, vi } from 'vitest';
import type { VacancySearchResult, VacancyUnit } from '../api/finder-types';
import { toVacancyQueryString } from '../api/finder-api';
import { bboxOfAll, createProjector, toSvgPath } from './outline-svg';
import { parsePrintRequest, toPrintHref } from './print-route';
import { createVacancyLayer, VACANCY_FILL, VACANCY_LAYER_ID, VACANCY_LINE, VACANCY_SELECTED_LINE } from './vacancy-layer';
import { bboxOfGeometry, computeScopeTotals, groupVacanciesByBuilding } from './vacancy-results';
import { CLOSED_FINDER, parseVacancyFinderState, withVacancyFinderSearch } from './vacancy-url-state';

const square = (lon: number, lat: number, size = 0.001) => ({
  type: 'MultiPolygon' as const,
  coordinates: [[[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]]],
});

function unit(code: string, buildingCode: string, areaSqm: number, floor = 1): VacancyUnit {
  return {
    code, buildingCode, parkCode: 'P1', regionCode: '610902', floor, areaSqm, status: 'vacant',
    ceilingHeightM: 8, floorLoadKnPerSqm: 10, rentYuanPerSqmMonth: 9.5, footprint: square(109, 32.7),
  };
}

const totals = (lettableSqm: number, leasedSqm: number, reservedSqm = 0) => ({
  unitCount: 4, lettableSqm, leasedSqm, reservedSqm, vacantSqm: lettableSqm - leasedSqm - reservedSqm,
  occupancyRate: lettableSqm > 0 ? leasedSqm / lettableSqm : null,
  leasesEnding: { asOf: '2026-01-01', withinMonths: 6, untilOn: '2026-07-01', count: 1, areaSqm: 500, unitCodes: ['x'] },
});

const result: VacancySearchResult = {
  units: [unit('B1-101', 'B1', 1200), unit('B1-201', 'B1', 800, 2), unit('B2-101', 'B2', 1500)],
  buildings: [{ buildingCode: 'B1', parkCode: 'P1', ...totals(4000, 2000) }, { buildingCode: 'B2', parkCode: 'P1', ...totals(3000, 1500) }],
  parks: [{ parkCode: 'P1', ...totals(10000, 6000, 1000) }, { parkCode: 'P2', ...totals(5000, 1500) }],
};

describe('vacancy finder URL state', () => {
  it('reads every bound, the park and county, and whether the finder is open', () => {
    const state = parseVacancyFinderState(
      '?finder=1&minAreaSqm=1000&maxAreaSqm=3000&floor=2&minCeilingHeightM=7.5&minFloorLoadKnPerSqm=10&maxRentYuanPerSqmMonth=12&finderPark=P1&finderRegion=610902&park=X',
    );
    expect(state).toEqual({
      open: true,
      filter: { minAreaSqm: 1000, maxAreaSqm: 3000, floor: 2, minCeilingHeightM: 7.5, minFloorLoadKnPerSqm: 10, maxRentYuanPerSqmMonth: 12, park: 'P1', region: '610902' },
    });
  });

  it('drops malformed, negative and fractional-floor values one by one', () => {
    expect(parseVacancyFinderState('?finder=1&minAreaSqm=abc&maxAreaSqm=-5&floor=1.5&maxRentYuanPerSqmMonth=8').filter).toEqual({ maxRentYuanPerSqmMonth: 8 });
    expect(parseVacancyFinderState('').open).toBe(false);
  });

  it('writes its parameters after the city view and round-trips', () => {
    const state = { open: true, filter: { minAreaSqm: 1000, park: 'P1' } };
    const search = withVacancyFinderSearch('?year=2024&view=109,32.7,12', state);
    expect(search).toBe('?year=2024&view=109,32.7,12&finder=1&minAreaSqm=1000&finderPark=P1');
    expect(parseVacancyFinderState(search)).toEqual(state);
  });

  it('leaves nothing of the finder in the URL when it is closed', () => {
    expect(withVacancyFinderSearch('?year=2024&finder=1&minAreaSqm=5', CLOSED_FINDER)).toBe('?year=2024');
    expect(withVacancyFinderSearch('', CLOSED_FINDER)).toBe('');
  });

  it('asks the API with the same names, leaving out unset bounds', () => {
    expect(toVacancyQueryString({ minAreaSqm: 1000, region: '610902' })).toBe('?region=610902&minAreaSqm=1000');
    expect(toVacancyQueryString({})).toBe('');
  });
});

describe('vacancy results', () => {
  it('groups matching units by building with the building occupancy', () => {
    const buildings = groupVacanciesByBuilding(result);
    expect(buildings.map((b) => [b.buildingCode, b.units.length, b.matchingSqm])).toEqual([['B1', 2, 2000], ['B2', 1, 1500]]);
    expect(buildings[0].totals?.occupancyRate).toBe(0.5);
  });

  it('totals lettable, leased, reserved and vacant m² over the parks in scope, reserved apart, occupancy as leased ÷ lettable', () => {
    expect(computeScopeTotals(result)).toEqual({
      lettableSqm: 15000, leasedSqm: 7500, reservedSqm: 1000, vacantSqm: 6500, occupancyRate: 0.5, matchingUnitCount: 3, matchingSqm: 3500,
    });
    expect(computeScopeTotals({ units: [], buildings: [], parks: [] }).occupancyRate).toBeNull();
  });

  it('gives the extent of a footprint in degrees', () => {
    const [w, s, e, n] = bboxOfGeometry(square(109, 32.7, 0.002));
    expect([w, s]).toEqual([109, 32.7]);
    expect(e).toBeCloseTo(109.002, 9);
    expect(n).toBeCloseTo(32.702, 9);
  });
});

describe('createVacancyLayer', () => {
  const buildings = groupVacanciesByBuilding(result);

  it('draws each building with a matching unit once, filled and outlined', () => {
    const layer = createVacancyLayer({ buildings });
    expect(layer).toBeInstanceOf(GeoJsonLayer);
    expect(layer.id).toBe(VACANCY_LAYER_ID);
    const data = layer.props.data as unknown as { properties: { code: string } }[];
    expect(data.map((f) => f.properties.code)).toEqual(['B1', 'B2']);
    expect(layer.props.getFillColor).toEqual(VACANCY_FILL);
    expect(layer.props.pickable).toBe(true);
    expect(layer.props.lineWidthMinPixels).toBeGreaterThanOrEqual(2);
  });

  it('outlines the selected building darker and wider', () => {
    const layer = createVacancyLayer({ buildings, selectedCode: 'B2' });
    const data = layer.props.data as unknown as { properties: { code: string } }[];
    const lineColor = layer.props.getLineColor as unknown as (f: unknown) => number[];
    const lineWidth = layer.props.getLineWidth as unknown as (f: unknown) => number;
    expect(lineColor(data[1])).toEqual(VACANCY_SELECTED_LINE);
    expect(lineColor(data[0])).toEqual(VACANCY_LINE);
    expect(lineWidth(data[1])).toBeGreaterThan(lineWidth(data[0]));
  });

  it('reports a clicked building by code', () => {
    const onClick = vi.fn();
    const layer = createVacancyLayer({ buildings, onClick });
    const data = layer.props.data as unknown as object[];
    const handled = (layer.props.onClick as (info: { object: unknown }) => boolean)({ object: data[0] });
    expect(handled).toBe(true);
    expect(onClick).toHaveBeenCalledWith('B1');
  });

  it('is empty, not missing, with no buildings', () => {
    expect(createVacancyLayer({ buildings: [] }).props.data).toEqual([]);
  });
});

describe('print route', () => {
  it('reads ?print=building:CODE&park=PARK and writes it back', () => {
    expect(parsePrintRequest(toPrintHref('610929003001GB00007F0001', 'AK-BAIHE'))).toEqual({ buildingCode: '610929003001GB00007F0001', parkCode: 'AK-BAIHE' });
    expect(toPrintHref('B1', 'P1')).toBe('?print=building:B1&park=P1');
    expect(parsePrintRequest('?park=P1')).toBeNull();
    expect(parsePrintRequest('?print=building:B1')).toEqual({ buildingCode: 'B1', parkCode: null });
  });
});

describe('outline sketch', () => {
  it('fits a shape into the frame, north up, keeping its aspect', () => {
    const shape = square(109, 32.7, 0.01);
    const project = createProjector({ bbox: bboxOfAll([shape]), widthPx: 200, heightPx: 100, paddingPx: 0 });
    const [x0, y0] = project([109, 32.71]);
    const [x1, y1] = project([109.01, 32.7]);
    expect(y0).toBeCloseTo(0, 6);
    expect(y1).toBeCloseTo(100, 6);
    // 0.01° of longitude at 32.7° N is cos(32.7°) ≈ 0.841 of 0.01° of latitude.
    expect((x1 - x0) / (y1 - y0)).toBeCloseTo(Math.cos((32.705 * Math.PI) / 180), 3);
    expect(toSvgPath(shape, project)).toMatch(/^M[\d. ]+(L[\d. ]+){4}Z$/);
  });
});
