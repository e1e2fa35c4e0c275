// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VacancySearchResult } from '../api/finder-types';
import { renderWithLocale } from '../test-support/render';
import { PrintBuildingSheet } from './PrintBuildingSheet';
import type { BuildingSheet } from './use-building-sheet';
import { VacancyPanel, type VacancyPanelProps } from './VacancyPanel';

afterEach(cleanup);

const footprint = { type: 'MultiPolygon' as const, coordinates: [[[[109, 32.7], [109.001, 32.7], [109.001, 32.701], [109, 32.7]]]] };
const summary = (lettableSqm: number, leasedSqm: number, reservedSqm = 0) => ({
  unitCount: 3, lettableSqm, leasedSqm, reservedSqm, vacantSqm: lettableSqm - leasedSqm - reservedSqm, occupancyRate: leasedSqm / lettableSqm,
  leasesEnding: { asOf: '2026-01-01', withinMonths: 6, untilOn: '2026-07-01', count: 1, areaSqm: 1464, unitCodes: ['B1F0101'] },
});
const result: VacancySearchResult = {
  units: [
    { code: 'B1F0201', buildingCode: 'B1', parkCode: 'P1', regionCode: '610902', floor: 2, areaSqm: 2927, status: 'vacant', ceilingHeightM: 6, floorLoadKnPerSqm: 5, rentYuanPerSqmMonth: 7.3, footprint },
    { code: 'B1F0301', buildingCode: 'B1', parkCode: 'P1', regionCode: '610902', floor: 3, areaSqm: 1300, status: 'reserved', ceilingHeightM: null, floorLoadKnPerSqm: 5, rentYuanPerSqmMonth: null, footprint },
  ],
  buildings: [{ buildingCode: 'B1', parkCode: 'P1', ...summary(11708, 5854) }],
  parks: [{ parkCode: 'P1', ...summary(50000, 30000, 5000) }],
};

function renderPanel(overrides: Partial<VacancyPanelProps> = {}, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const props: VacancyPanelProps = {
    filter: { minAreaSqm: 1000 },
    onFilterChange: vi.fn(),
    result: { status: 'ready', data: result },
    parks: [{ code: 'P1', name: '白河工业园', illustrative: true }],
    regions: [{ code: '610902', name: '汉滨区' }],
    selectedBuildingCode: null,
    onSelectBuilding: vi.fn(),
    printHrefOf: (b, p) => `?print=building:${b}&park=${p}`,
    onClose: vi.fn(),
    ...overrides,
  };
  renderWithLocale(<VacancyPanel {...props} />, locale);
  return props;
}

describe('VacancyPanel', () => {
  it('lists matching units by building with every figure in its unit, and the totals', () => {
    renderPanel();
    expect(screen.getByTestId('finder-status').textContent).toBe('符合条件 2 套');
    const rows = screen.getAllByTestId('finder-unit');
    expect(rows.map((r) => r.textContent)).toEqual([
      '…F020122,927 m²6.0 m5 kN/m²7.3 元/m²·月空置',
      '…F030131,300 m²—5 kN/m²—已预留',
    ]);
    expect(screen.getByTestId('total-lettable').textContent).toBe('50,000 m²');
    expect(screen.getByTestId('total-leased').textContent).toBe('30,000 m²');
    expect(screen.getByTestId('total-reserved').textContent).toBe('5,000 m²');
    expect(screen.getByTestId('total-vacant').textContent).toBe('15,000 m²');
    expect([...screen.getByTestId('finder-totals').querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual([
      '可出租面积', '已出租', '已预留', '空置（可租）', '出租率', '符合条件面积',
    ]);
    expect(screen.getByTestId('total-occupancy').textContent).toBe('60.0 %');
    expect(screen.getByTestId('total-matching').textContent).toBe('4,227 m²');
    const building = screen.getByTestId('finder-building');
    expect(building.textContent).toContain('白河工业园');
    expect(building.textContent).toContain('出租率 50.0 %');
    expect(building.textContent).toContain('6 个月内到期 1 套 · 1,464 m²');
    expect(within(building).getByText('打印单页').getAttribute('href')).toBe('?print=building:B1&park=P1');
    expect(screen.getByTestId('finder-illustrative')).toBeTruthy();
  });

  it('reports a changed bound, and a cleared one as gone', () => {
    const props = renderPanel();
    fireEvent.change(screen.getByTestId('finder-maxRentYuanPerSqmMonth'), { target: { value: '9' } });
    expect(props.onFilterChange).toHaveBeenLastCalledWith({ minAreaSqm: 1000, maxRentYuanPerSqmMonth: 9 });
    fireEvent.change(screen.getByTestId('finder-minAreaSqm'), { target: { value: '' } });
    expect(props.onFilterChange).toHaveBeenLastCalledWith({});
    fireEvent.change(screen.getByTestId('finder-park'), { target: { value: 'P1' } });
    expect(props.onFilterChange).toHaveBeenLastCalledWith({ minAreaSqm: 1000, park: 'P1' });
  });

  it('selects a building from its heading', () => {
    const props = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: '厂房 B1' }));
    expect(props.onSelectBuilding).toHaveBeenCalledWith('B1');
  });

  it('speaks English, units unchanged', () => {
    renderPanel({}, 'en');
    expect(screen.getByTestId('finder-status').textContent).toBe('2 matching units');
    expect(screen.getByText('Area at least')).toBeTruthy();
    expect([...screen.getByTestId('finder-totals').querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual([
      'Lettable', 'Leased', 'Reserved', 'Vacant (to let)', 'Occupancy', 'Matching area',
    ]);
    expect(screen.getByTestId('finder-building').textContent).toContain('1 lease ends within 6 months · 1,464 m²');
  });

  it('says so when nothing matches', () => {
    renderPanel({ result: { status: 'ready', data: { units: [], buildings: [], parks: [] } } });
    expect(screen.getByTestId('finder-status').textContent).toBe('没有符合条件的空置单元');
    expect(screen.queryByTestId('finder-illustrative')).toBeNull();
  });
});

describe('PrintBuildingSheet', () => {
  const sheet: BuildingSheet = {
    park: {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [[[108.99, 32.69], [109.01, 32.69], [109.01, 32.71], [108.99, 32.69]]] },
      properties: {
        code: 'P1', name: '白河工业园', regionCode: '610929', regionName: '白河县', level: 'county', leadingIndustries: [], areaMu: 1000,
        illustrative: true, year: 2025, outputWanYuan: null, taxWanYuan: null, outputWanYuanPerMu: null, taxWanYuanPerMu: null, usedLandMu: null, enterpriseCount: 3,
      },
    },
    building: {
      geometry: footprint,
      properties: {
        code: 'B1', parkCode: 'P1', parcelCode: null, kind: 'standard_factory', floors: 4, floorAreaSqm: 11708, heightM: 24, completedOn: '2020-05-01',
        footprintSqm: 2927, illustrative: true, lettableSqm: 11708, leasedSqm: 5854, reservedSqm: 2927, vacantSqm: 2927, occupancyRate: 0.5,
      },
    },
    units: {
      buildingCode: 'B1', lettableSqm: 11708, leasedSqm: 5854, reservedSqm: 2927, vacantSqm: 2927, occupancyRate: 0.5,
      units: [
        { code: 'B1F0101', buildingCode: 'B1', floor: 1, areaSqm: 5854, status: 'leased', tenantUscc: 'X', tenantName: '某公司', leaseStartOn: '2022-01-01', leaseEndOn: '2027-01-01', rentYuanPerSqmMonth: 8.7, ceilingHeightM: 9, floorLoadKnPerSqm: 18 },
        { code: 'B1F0201', buildingCode: 'B1', floor: 2, areaSqm: 2927, status: 'vacant', tenantUscc: null, tenantName: null, leaseStartOn: null, leaseEndOn: null, rentYuanPerSqmMonth: 7.3, ceilingHeightM: 6, floorLoadKnPerSqm: 5 },
        { code: 'B1F0202', buildingCode: 'B1', floor: 2, areaSqm: 2927, status: 'reserved', tenantUscc: null, tenantName: null, leaseStartOn: null, leaseEndOn: null, rentYuanPerSqmMonth: 7.3, ceilingHeightM: 6, floorLoadKnPerSqm: 5 },
      ],
    },
    dataVintage: {
      id: 'units', name: '标准化厂房单元（示意）', nameEn: 'Units', source: 'generator', licence: 'MIT', crs: 'EPSG:4326', real: false, note: '',
      vintage: 'illustrative, figures for 2023–2025',
      zh: { vintage: '示意数据，2023–2025 年指标' },
    },
  };

  it('shows the building, its park, the outline, the vacant units only (not the reserved), a labelled contact placeholder, the data date and the illustrative note', () => {
    renderWithLocale(<PrintBuildingSheet buildingCode="B1" sheet={{ status: 'ready', data: sheet }} printedOn="2026-01-02" backHref="./" />);
    expect(screen.getByTestId('print-building').textContent).toBe('标准化厂房 B1');
    expect(screen.getByTestId('print-park').textContent).toBe('白河工业园 · 白河县');
    expect(screen.getByTestId('print-outline').querySelectorAll('path')).toHaveLength(2);
    const rows = screen.getByTestId('print-units').querySelectorAll('tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toBe('B1F020122,927 m²6.0 m5 kN/m²7.3 元/m²·月空置');
    expect(screen.getByTestId('print-occupancy').textContent).toBe('可出租面积 11,708 m² · 已出租 5,854 m² · 已预留 2,927 m² · 空置（可租） 2,927 m² · 出租率 50.0 %');
    expect(screen.getByTestId('print-contact').textContent).toContain('占位');
    expect(screen.getByTestId('print-data-date').textContent).toBe('数据日期: 示意数据，2023–2025 年指标');
    expect(screen.getByTestId('print-illustrative').textContent).toContain('示意数据');
  });

  it('says which building it could not find', () => {
    renderWithLocale(
      <PrintBuildingSheet buildingCode="B9" sheet={{ status: 'error', problem: { type: 'about:blank', title: 'Error', status: 0, detail: 'building B9 is not in park P1' } }} printedOn="2026-01-02" backHref="./" />,
      'en',
    );
    expect(screen.getByTestId('print-sheet').textContent).toContain('No building B9: building B9 is not in park P1');
  });
});
