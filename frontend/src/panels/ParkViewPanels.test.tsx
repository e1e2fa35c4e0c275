// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALL_LAYERS_ON } from '../city/park-view-state';
import { createParcelColouring } from '../map/parcel-colouring';
import { makeParcel } from '../test-support/park-fixtures';
import { makeParkProperties } from '../test-support/fixtures';
import { renderWithLocale } from '../test-support/render';
import { MapTools, ROTATE_STEP_DEG } from './MapTools';
import { ParkLandSummary } from './ParkLandSummary';
import { ParkLegend } from './ParkLegend';
import { ParkPanel } from './ParkPanel';

afterEach(cleanup);

describe('MapTools', () => {
  function renderTools(overrides: Partial<Parameters<typeof MapTools>[0]> = {}) {
    const props = {
      layers: ALL_LAYERS_ON,
      onLayersChange: vi.fn(),
      tilted: false,
      onTiltChange: vi.fn(),
      onRotate: vi.fn(),
      onResetNorth: vi.fn(),
      rankingHidden: false,
      onRankingHiddenChange: vi.fn(),
      ...overrides,
    };
    renderWithLocale(<MapTools {...props} />);
    return props;
  }

  it('switches one layer at a time, by labelled checkboxes', () => {
    const props = renderTools();
    fireEvent.click(screen.getByRole('checkbox', { name: '建筑（3D）' }));
    expect(props.onLayersChange).toHaveBeenCalledWith({ ...ALL_LAYERS_ON, buildings: false });
    expect((screen.getByRole('checkbox', { name: '县界' }) as HTMLInputElement).checked).toBe(true);
  });

  it('tilts, rotates by 30° either way, faces north, and hides the ranking', () => {
    const props = renderTools({ tilted: true, rankingHidden: true });
    const tilt = screen.getByRole('button', { name: '3D 倾斜' });
    expect(tilt.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(tilt);
    expect(props.onTiltChange).toHaveBeenCalledWith(false);
    fireEvent.click(screen.getByRole('button', { name: '向左旋转 30°' }));
    fireEvent.click(screen.getByRole('button', { name: '向右旋转 30°' }));
    expect(vi.mocked(props.onRotate).mock.calls).toEqual([[-ROTATE_STEP_DEG], [ROTATE_STEP_DEG]]);
    fireEvent.click(screen.getByRole('button', { name: '正北、俯视' }));
    expect(props.onResetNorth).toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('ranking-toggle'));
    expect(props.onRankingHiddenChange).toHaveBeenCalledWith(false);
  });

  it('folds away and back', () => {
    renderTools();
    const toggle = screen.getByRole('button', { name: /地图工具/ });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});

describe('ParkLegend', () => {
  const parcels = [
    makeParcel({ code: 'A', holderGrade: 'A', taxWanYuanPerMu: 30 }).properties,
    makeParcel({ code: 'B', holderGrade: 'C', taxWanYuanPerMu: 2 }).properties,
  ];

  it('lists the parcels’ grade classes with counts, and switches what colours them', () => {
    const onParcelByChange = vi.fn();
    renderWithLocale(
      <ParkLegend
        parcelBy="grade"
        onParcelByChange={onParcelByChange}
        classes={createParcelColouring(parcels, 'grade').classes}
        findingCounts={{ idle: 2 }}
        asOf="2025-12-31"
      />,
    );
    const legend = screen.getByTestId('park-legend');
    expect(legend.querySelector('[data-class=A] .legend-count')?.textContent).toBe('1 宗');
    expect(legend.querySelector('[data-class=noData]')?.textContent).toContain('未评价 / 无企业');
    expect(legend.querySelector('[data-kind=idle]')?.textContent).toBe('闲置土地 2');
    expect(legend.textContent).toContain('截至 2025-12-31');
    expect(screen.queryByTestId('park-legend-unit')).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: '宗地着色' }), { target: { value: 'taxWanYuanPerMu' } });
    expect(onParcelByChange).toHaveBeenCalledWith('taxWanYuanPerMu');
  });

  it('gives the unit of per-mu classes', () => {
    renderWithLocale(
      <ParkLegend
        parcelBy="taxWanYuanPerMu"
        onParcelByChange={() => {}}
        classes={createParcelColouring(parcels, 'taxWanYuanPerMu').classes}
        findingCounts={{}}
        asOf={null}
      />,
    );
    expect(screen.getByTestId('park-legend-unit').textContent).toBe('(万元/亩)');
    expect(screen.getByTestId('park-legend').querySelector('h2')?.textContent).toBe('亩均税收 (万元/亩)');
  });
});

describe('ParkPanel in the park view', () => {
  it('sets the park’s per-mu figures against the city’s and adds factory space and findings', () => {
    renderWithLocale(
      <ParkPanel
        park={makeParkProperties({ outputWanYuanPerMu: 312.46, taxWanYuanPerMu: 12.04 })}
        onClose={() => {}}
        cityAverages={{ outputWanYuanPerMu: 236, taxWanYuanPerMu: 12.5 }}
      >
        <ParkLandSummary
          parcelCount={34}
          occupancy={{ lettableSqm: 40_000, leasedSqm: 30_000, reservedSqm: 2_000, vacantSqm: 8_000, occupancyRate: 0.75 }}
          findings={{ idle: { count: 1, areaMu: 83.27 }, unsupplied: { count: 5, areaMu: 210.4 } }}
        />
      </ParkPanel>,
    );
    expect(screen.getByTestId('city-outputPerMu').textContent).toBe('▲ 全市 236.0 万元/亩');
    expect(screen.getByTestId('city-taxPerMu').textContent).toBe('▼ 全市 12.5 万元/亩');
    expect([...screen.getByTestId('park-vacancy').querySelectorAll('.metric')].map((m) => m.textContent)).toEqual([
      '可出租面积40,000 m²', '已出租30,000 m²', '已预留2,000 m²', '空置（可租）8,000 m²', '出租率75.0 %',
    ]);
    expect(screen.getByTestId('park-occupancy').textContent).toBe('75.0 %');
    const findings = screen.getByTestId('park-findings');
    expect(findings.textContent).toContain('34 宗');
    expect(findings.querySelector('[data-kind=idle] dd')?.textContent).toBe('1 处 · 83.3 亩');
    expect(findings.querySelector('[data-kind=lowYield] dd')?.textContent).toBe('0 处 · 0.0 亩');
  });

  it('shows no comparison without a city figure', () => {
    renderWithLocale(<ParkPanel park={makeParkProperties()} onClose={() => {}} />);
    expect(screen.queryByTestId('city-taxPerMu')).toBeNull();
  });
});
