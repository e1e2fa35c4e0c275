// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALL_LAYERS_ON } from '../city/park-view-state';
import { createParcelColouring } from '../map/parcel-colouring';
import { makeLandUseSummary, makeParcel } from '../test-support/park-fixtures';
import { makeCityFigures, makeParkProperties } from '../test-support/fixtures';
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
        findings={makeLandUseSummary({
          byKind: {
            idle: { parcelCount: 2, areaMu: 120, byRule: {} },
            underused: { parcelCount: 7, areaMu: 300, byRule: { belowLandUseControl: { parcelCount: 3, areaMu: 80 }, completedWithoutBuildings: { parcelCount: 4, areaMu: 220 } } },
          },
        })}
        asOf="2025-12-31"
      />,
    );
    const legend = screen.getByTestId('park-legend');
    expect(legend.querySelector('[data-class=A] .legend-count')?.textContent).toBe('1 宗');
    expect(legend.querySelector('[data-class=noData]')?.textContent).toContain('未评价 / 无企业');
    expect(legend.querySelector('[data-kind=idle]')?.textContent).toBe('闲置土地 2 宗');
    // Completed parcels with no building on record: their own line and colour, apart from land proven under-used
    expect(legend.querySelector('[data-kind=underused]')?.textContent).toBe('利用不足 7 宗');
    expect(legend.querySelector('[data-kind=possibleDataGap]')?.textContent).toBe('其中已竣工无建筑记录（待核实）4 宗');
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
        findings={null}
        asOf={null}
      />,
    );
    expect(screen.getByTestId('park-legend-unit').textContent).toBe('(万元/亩)');
    expect(screen.getByTestId('park-legend').querySelector('h2')?.textContent).toBe('亩均税收 (万元/亩)');
  });
});

describe('ParkPanel in the park view', () => {
  const summary = makeLandUseSummary({
    byKind: {
      idle: { parcelCount: 1, areaMu: 83.27, byRule: { stoppedUnderDeveloped: { parcelCount: 1, areaMu: 83.27 } } },
      unsupplied: { parcelCount: 5, areaMu: 210.4, byRule: { noParcel: { parcelCount: 0, areaMu: 150 }, parcelNotSupplied: { parcelCount: 5, areaMu: 60.4 } } },
      lowYield: { parcelCount: 12, areaMu: 974, byRule: { halted: { parcelCount: 8, areaMu: 700 }, bottomTaxPerMu: { parcelCount: 6, areaMu: 350 } } },
    },
    recoverable: { parcelCount: 15, areaMu: 1_100 },
    toVerify: { parcelCount: 4, areaMu: 220 },
  });

  it('sets the park’s per-mu figures against the city’s and adds factory space and findings', () => {
    renderWithLocale(
      <ParkPanel
        park={makeParkProperties({ outputWanYuanPerMu: 312.46, taxWanYuanPerMu: 12.04 })}
        onClose={() => {}}
        city={makeCityFigures({ outputWanYuanPerMu: 236, taxWanYuanPerMu: 12.5 })}
      >
        <ParkLandSummary
          parcelCount={34}
          occupancy={{ lettableSqm: 40_000, leasedSqm: 30_000, reservedSqm: 2_000, vacantSqm: 8_000, occupancyRate: 0.75 }}
          findings={summary}
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
    expect(screen.getByTestId('park-findings-idle').textContent).toBe('1 宗 · 83.3 亩');
    expect(screen.getByTestId('park-findings-unsupplied').textContent).toBe('5 宗 · 210 亩');
    expect(findings.querySelector('[data-rule=noParcel]')?.textContent).toBe('园区内未划宗地：150 亩');
    expect(screen.getByTestId('park-findings-underused').textContent).toBe('0 宗 · 0.0 亩');
  });

  it('shows the server’s totals, a parcel in two low-yield rules once, with the rules as a breakdown', () => {
    renderWithLocale(<ParkLandSummary parcelCount={34} occupancy={{ lettableSqm: 0, leasedSqm: 0, reservedSqm: 0, vacantSqm: 0, occupancyRate: null }} findings={summary} />);
    // 974 亩 over 12 parcels, though the rules' lines add up to more: a parcel firing two rules is in both lines
    expect(screen.getByTestId('park-findings-lowYield').textContent).toBe('12 宗 · 974 亩');
    const rules = [...screen.getByTestId('park-findings').querySelectorAll('[data-kind=lowYield] li')].map((li) => li.textContent);
    expect(rules).toEqual(['停产或半停产满一年：8 宗 · 700 亩', '亩均税收处于县内后 10 %：6 宗 · 350 亩']);
    expect(screen.getByTestId('park-findings-recoverable').textContent).toBe('15 宗 · 1,100 亩');
    const note = screen.getByTestId('park-findings-note').textContent;
    expect(note).toContain('一宗地可同时属于多类认定');
    expect(note).toContain('只计一次');
    expect(note).toContain('另有 4 宗（220 亩）已竣工但无建筑记录，待核实');
  });

  it('says the same in English', () => {
    renderWithLocale(<ParkLandSummary parcelCount={34} occupancy={{ lettableSqm: 0, leasedSqm: 0, reservedSqm: 0, vacantSqm: 0, occupancyRate: null }} findings={summary} />, 'en');
    expect(screen.getByTestId('park-findings-lowYield').textContent).toBe('12 parcels · 974 mu');
    expect(screen.getByTestId('park-findings-recoverable').textContent).toBe('15 parcels · 1,100 mu');
    expect(screen.getByTestId('park-findings-note').textContent).toContain('A parcel can be in several kinds');
  });

  it('shows no comparison without a city figure', () => {
    renderWithLocale(<ParkPanel park={makeParkProperties()} onClose={() => {}} />);
    expect(screen.queryByTestId('city-taxPerMu')).toBeNull();
  });
});
