import type { ParkHistory } from '../api/area-types';
import { useT } from '../i18n/i18n-context';
import { OUTPUT_BAR_CSS, TAX_BAR_CSS } from './details/ParcelDetails';
import { YearChart } from './details/YearChart';
import './county.css';

const WAN_YUAN_PER_YI_YUAN = 10_000;

export interface ParkHistoryChartsProps {
  /** GET /api/parks/:code/history; null while loading or when it failed. */
  history: ParkHistory | null;
  loading?: boolean;
}

const toYi = (wanYuan: number | null) => (wanYuan === null ? null : wanYuan / WAN_YUAN_PER_YI_YUAN);

/**
 * A park over the years reported, as a parcel's history is drawn: 亩均产值 and 亩均税收 with the city's
 * figure of each year as a tick, and the park's output and tax in 亿元 (totals: no city tick, the city's
 * total is of another size).
 */
export function ParkHistoryCharts({ history, loading = false }: ParkHistoryChartsProps) {
  const t = useT();
  const h = t.parkHistory;
  if (!history) return loading ? <p className="muted-inline small">{h.loading}</p> : null;
  const years = history.years;
  if (years.length < 2) return null;
  const reference = (pick: (f: ParkHistory['years'][number]['city']) => number | null) => ({
    label: h.cityMark,
    title: h.cityMarkTitle,
    points: years.map((y) => ({ year: y.year, value: pick(y.city) })),
  });
  return (
    <section data-testid="park-history">
      <h3 className="section-title">
        {h.title} · {h.years(years[0].year, years.at(-1)!.year)}
      </h3>
      <div className="charts">
        <YearChart
          title={t.park.outputPerMu}
          unit={t.units.wanYuanPerMu}
          color={OUTPUT_BAR_CSS}
          points={years.map((y) => ({ year: y.year, value: y.park.outputWanYuanPerMu }))}
          reference={reference((f) => f.outputWanYuanPerMu)}
          testId="park-chart-outputPerMu"
        />
        <YearChart
          title={t.park.taxPerMu}
          unit={t.units.wanYuanPerMu}
          color={TAX_BAR_CSS}
          fractionDigits={2}
          points={years.map((y) => ({ year: y.year, value: y.park.taxWanYuanPerMu }))}
          reference={reference((f) => f.taxWanYuanPerMu)}
          testId="park-chart-taxPerMu"
        />
        <YearChart
          title={h.output}
          unit={t.units.yiYuan}
          color={OUTPUT_BAR_CSS}
          points={years.map((y) => ({ year: y.year, value: toYi(y.park.outputWanYuan) }))}
          testId="park-chart-output"
        />
        <YearChart
          title={h.tax}
          unit={t.units.yiYuan}
          color={TAX_BAR_CSS}
          fractionDigits={2}
          points={years.map((y) => ({ year: y.year, value: toYi(y.park.taxWanYuan) }))}
          testId="park-chart-tax"
        />
      </div>
    </section>
  );
}
