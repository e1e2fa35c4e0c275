import { useMemo, useState } from 'react';
import type { CityFigures } from '../api/area-types';
import type { Grade, ParkProperties, RegionProperties } from '../api/types';
import {
  compareToCity,
  findParkFlags,
  METRIC_IDS,
  METRICS,
  type MetricId,
  type ParkFlag,
  type RankedFigures,
} from '../city/city-metrics';
import { formatNumber, MISSING } from '../format';
import { useT } from '../i18n/i18n-context';
import { GRADE_COLORS } from '../map/colouring';
import { cssColor } from './Legend';
import { ExportMenu } from './ExportMenu';
import './county.css';

export type RankingSortKey = 'name' | 'grade' | MetricId;
export type SortDirection = 'ascending' | 'descending';
/** What the ranking ranks: parks among parks, or counties among counties. */
export type RankingScope = 'parks' | 'counties';

export interface RankingSort {
  key: RankingSortKey;
  direction: SortDirection;
}

export interface RankingListProps {
  parks: ParkProperties[];
  /** The counties, ranked by the same columns when the ranking is switched to counties. */
  regions?: RegionProperties[];
  /** The city's own figures (GET /api/parks `city`), in the first row. */
  city?: CityFigures | null;
  /** The city's name in the UI's language (null: none, or none in this language). */
  cityName?: string | null;
  year: number | null;
  selectedCode: string | null;
  selectedCountyCode?: string | null;
  onHoverPark: (parkCode: string | null) => void;
  onSelectPark: (parkCode: string) => void;
  onSelectCounty?: (regionCode: string) => void;
  /** The initial order; a header click changes it. */
  initialSort?: RankingSort;
  initialScope?: RankingScope;
}

const DEFAULT_SORT: RankingSort = { key: 'outputWanYuanPerMu', direction: 'descending' };

/** A ranked row: a park or a county, with its grade among its peers. */
interface RankedEntry extends RankedFigures {
  code: string;
  name: string;
  grade?: Grade | null;
  gradeLabel?: string | null;
  gradeScore?: number | null;
  gradeMaxScore?: number | null;
}

function sortValue(entry: RankedEntry, key: RankingSortKey): number | string | null {
  if (key === 'name') return entry.name;
  if (key === 'grade') return entry.gradeScore ?? null;
  return METRICS[key].valueOf(entry);
}

/** Parks (or counties) ordered by the key; missing values last in either direction. */
export function sortParks<T extends RankedEntry>(entries: readonly T[], sort: RankingSort): T[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...entries].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    const order = typeof va === 'string' ? va.localeCompare(vb as string, 'zh-CN') : va - (vb as number);
    return sign * order || a.code.localeCompare(b.code);
  });
}

const formatMetric = (id: MetricId, value: number | null) =>
  value === null ? MISSING : formatNumber(value, METRICS[id].fractionDigits);

/**
 * Every park (or county) with its figures, sortable by any column, under the city's own figures: the
 * city's totals as totals, its per-mu figures and rates over the city's summed land, as the API gives them.
 */
export function RankingList({
  parks,
  regions = [],
  city = null,
  cityName = null,
  year,
  selectedCode,
  selectedCountyCode = null,
  onHoverPark,
  onSelectPark,
  onSelectCounty,
  initialSort = DEFAULT_SORT,
  initialScope = 'parks',
}: RankingListProps) {
  const t = useT();
  const c = t.cityView;
  const [sort, setSort] = useState<RankingSort>(initialSort);
  const [scope, setScope] = useState<RankingScope>(initialScope);
  const counties = scope === 'counties';
  const entries: RankedEntry[] = counties ? regions : parks;
  const sorted = useMemo(() => sortParks(entries, sort), [entries, sort]);

  /** The chip's words: grade, label and score out of the maximum ("A 档 · 优先发展类 · 得分 72.9 / 100"). */
  const gradeTitle = (entry: RankedEntry) =>
    t.scoring.gradeTitle(
      entry.grade ? t.park.gradeOf(entry.grade, entry.gradeLabel ?? null) : null,
      entry.gradeScore != null ? formatNumber(entry.gradeScore, 1) : null,
      entry.gradeMaxScore != null ? formatNumber(entry.gradeMaxScore, 0) : null,
    );

  const onHeaderClick = (key: RankingSortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: key === 'name' ? 'ascending' : 'descending' },
    );

  const header = (key: RankingSortKey, label: string, unit?: string) => (
    <th
      key={key}
      scope="col"
      aria-sort={sort.key === key ? sort.direction : 'none'}
      className={key === 'name' ? 'col-name' : 'col-number'}
    >
      <button
        type="button"
        className="sort-button"
        data-testid={`sort-${key}`}
        onClick={() => onHeaderClick(key)}
        aria-label={t.ranking.sortBy(unit ? `${label} (${unit})` : label)}
      >
        <span>{label}</span>
        {unit && <span className="col-unit">{unit}</span>}
        <span className="sort-mark" aria-hidden="true">
          {sort.key === key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );

  const select = (code: string) => (counties ? onSelectCounty?.(code) : onSelectPark(code));
  const hover = (code: string | null) => (counties ? undefined : onHoverPark(code));
  const isSelected = (code: string) => code === (counties ? selectedCountyCode : selectedCode);

  return (
    <section className="ranking" aria-labelledby="ranking-title" data-testid="ranking">
      <h2 className="ranking-title" id="ranking-title">
        {counties ? c.countyRankingTitle : t.ranking.title}{' '}
        <span className="ranking-caption">{counties ? c.countyCaption(year) : t.ranking.caption(year)}</span>
      </h2>
      <div className="ranking-scope" role="group" aria-label={c.scopeLabel}>
        {(['parks', 'counties'] as const).map((s) => (
          <button key={s} type="button" aria-pressed={scope === s} data-testid={`ranking-scope-${s}`} onClick={() => setScope(s)}>
            {c.scopes[s]}
          </button>
        ))}
      </div>
      {!counties && <ExportMenu layer="parks" filter={{ year }} />}
      <div className="ranking-scroll">
        <table className="ranking-table" data-scope={scope}>
          <thead>
            <tr>
              <th scope="col" className="col-rank">
                {t.ranking.rank}
              </th>
              {header('name', counties ? c.county : t.ranking.park)}
              {header('grade', t.ranking.grade)}
              {METRIC_IDS.map((id) => header(id, t.city.colourByOptions[id], t.units[METRICS[id].unit]))}
            </tr>
          </thead>
          <tbody>
            {city && (
              <tr className="city-row" data-testid="ranking-city" title={c.rowTitle(cityName, city.parkCount)}>
                <td />
                <th scope="row" className="col-name">
                  {c.rowLabel}
                  {cityName && <div className="city-row-name">{cityName}</div>}
                </th>
                <td />
                {METRIC_IDS.map((id) => {
                  const value = METRICS[id].valueOf(city);
                  return (
                    <td key={id} className="col-number" data-metric={id}>
                      {/* 合计 above the figure, so the column keeps the parks' width */}
                      {METRICS[id].total && value !== null && <span className="total-mark">{`${c.total} `}</span>}
                      {formatMetric(id, value)}
                    </td>
                  );
                })}
              </tr>
            )}
            {sorted.length === 0 && (
              <tr>
                <td colSpan={3 + METRIC_IDS.length} className="muted">
                  {counties ? c.noCounties : t.ranking.empty}
                </td>
              </tr>
            )}
            {sorted.map((entry, index) => {
              const flags: ParkFlag[] = counties ? [] : findParkFlags(entry as ParkProperties);
              return (
                <tr
                  key={entry.code}
                  data-testid={counties ? 'ranking-county-row' : 'ranking-row'}
                  {...(counties ? { 'data-region-code': entry.code } : { 'data-park-code': entry.code })}
                  className={isSelected(entry.code) ? 'selected' : undefined}
                  aria-current={isSelected(entry.code) ? 'true' : undefined}
                  onMouseEnter={() => hover(entry.code)}
                  onMouseLeave={() => hover(null)}
                  onClick={() => select(entry.code)}
                >
                  <td className="col-rank">{index + 1}</td>
                  <th scope="row" className="col-name">
                    <button
                      type="button"
                      className="park-link"
                      onFocus={() => hover(entry.code)}
                      onBlur={() => hover(null)}
                    >
                      {entry.name}
                    </button>
                    {flags.length > 0 && (
                      <span className="flags">
                        {flags.map((flag) => (
                          <span
                            key={flag}
                            className={`flag flag-${flag}`}
                            data-testid="park-flag"
                            data-flag={flag}
                            title={t.ranking.flagTitles[flag]}
                          >
                            {t.ranking.flags[flag]}
                          </span>
                        ))}
                      </span>
                    )}
                  </th>
                  <td className="col-grade">
                    {entry.grade ? (
                      <span
                        className="grade-chip"
                        style={{ background: cssColor(GRADE_COLORS[entry.grade]) }}
                        role="img"
                        data-testid="ranking-grade"
                        aria-label={gradeTitle(entry)}
                        title={gradeTitle(entry)}
                      >
                        {entry.grade}
                      </span>
                    ) : (
                      MISSING
                    )}
                  </td>
                  {METRIC_IDS.map((id) => {
                    const value = METRICS[id].valueOf(entry);
                    // A park's output is not compared with the city's total.
                    const comparison = METRICS[id].total || !city ? null : compareToCity(value, METRICS[id].valueOf(city));
                    const unit = t.units[METRICS[id].unit];
                    return (
                      <td
                        key={id}
                        className="col-number"
                        data-metric={id}
                        title={value === null ? undefined : `${formatMetric(id, value)} ${unit}`}
                      >
                        {formatMetric(id, value)}
                        {comparison !== null && comparison !== 0 && (
                          <span
                            className={`vs-average ${comparison > 0 ? 'above' : 'below'}`}
                            data-testid="vs-average"
                            data-comparison={comparison > 0 ? 'above' : 'below'}
                            aria-label={comparison > 0 ? t.ranking.aboveAverage : t.ranking.belowAverage}
                            role="img"
                          >
                            {comparison > 0 ? '▲' : '▼'}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
