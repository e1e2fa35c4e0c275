import { useMemo, useState } from 'react';
import type { ParkProperties } from '../api/types';
import {
  compareToAverage,
  computeCityAverages,
  findParkFlags,
  METRIC_IDS,
  METRICS,
  type MetricId,
} from '../city/city-metrics';
import { formatNumber, MISSING } from '../format';
import { useT } from '../i18n/i18n-context';
import { GRADE_COLORS } from '../map/colouring';
import { cssColor } from './Legend';
import { ExportMenu } from './ExportMenu';

export type RankingSortKey = 'name' | 'grade' | MetricId;
export type SortDirection = 'ascending' | 'descending';

export interface RankingSort {
  key: RankingSortKey;
  direction: SortDirection;
}

export interface RankingListProps {
  parks: ParkProperties[];
  year: number | null;
  selectedCode: string | null;
  onHoverPark: (parkCode: string | null) => void;
  onSelectPark: (parkCode: string) => void;
  /** The initial order; a header click changes it. */
  initialSort?: RankingSort;
}

const DEFAULT_SORT: RankingSort = { key: 'outputWanYuanPerMu', direction: 'descending' };

function sortValue(park: ParkProperties, key: RankingSortKey): number | string | null {
  if (key === 'name') return park.name;
  if (key === 'grade') return park.gradeScore ?? null;
  return METRICS[key].valueOf(park);
}

/** Parks ordered by the key; missing values last in either direction. */
export function sortParks(parks: readonly ParkProperties[], sort: RankingSort): ParkProperties[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...parks].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    const order = typeof va === 'string' ? va.localeCompare(vb as string, 'zh-CN') : va - (vb as number);
    return sign * order || a.code.localeCompare(b.code);
  });
}

const formatMetric = (id: MetricId, value: number | null) =>
  value === null ? MISSING : formatNumber(value, METRICS[id].fractionDigits);

/** Every park with its figures, sortable by any column, against the city's figures in the first row. */
export function RankingList({
  parks,
  year,
  selectedCode,
  onHoverPark,
  onSelectPark,
  initialSort = DEFAULT_SORT,
}: RankingListProps) {
  const t = useT();
  const [sort, setSort] = useState<RankingSort>(initialSort);
  const sorted = useMemo(() => sortParks(parks, sort), [parks, sort]);
  const averages = useMemo(() => computeCityAverages(parks), [parks]);

  /** The chip's words: grade, label and score out of the maximum ("A 档 · 优先发展类 · 得分 72.9 / 100"). */
  const gradeTitle = (park: ParkProperties) =>
    t.scoring.gradeTitle(
      park.grade ? t.park.gradeOf(park.grade, park.gradeLabel ?? null) : null,
      park.gradeScore != null ? formatNumber(park.gradeScore, 1) : null,
      park.gradeMaxScore != null ? formatNumber(park.gradeMaxScore, 0) : null,
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

  return (
    <section className="ranking" aria-labelledby="ranking-title" data-testid="ranking">
      <h2 className="ranking-title" id="ranking-title">
        {t.ranking.title} <span className="ranking-caption">{t.ranking.caption(year)}</span>
      </h2>
      <ExportMenu layer="parks" filter={{ year }} />
      <div className="ranking-scroll">
        <table className="ranking-table">
          <thead>
            <tr>
              <th scope="col" className="col-rank">
                {t.ranking.rank}
              </th>
              {header('name', t.ranking.park)}
              {header('grade', t.ranking.grade)}
              {METRIC_IDS.map((id) => header(id, t.city.colourByOptions[id], t.units[METRICS[id].unit]))}
            </tr>
          </thead>
          <tbody>
            <tr className="average-row" data-testid="ranking-average" title={t.ranking.cityAverageTitle}>
              <td />
              <th scope="row" className="col-name">
                {t.ranking.cityAverage}
              </th>
              <td />
              {METRIC_IDS.map((id) => (
                <td key={id} className="col-number" data-metric={id}>
                  {formatMetric(id, averages[id])}
                </td>
              ))}
            </tr>
            {sorted.length === 0 && (
              <tr>
                <td colSpan={3 + METRIC_IDS.length} className="muted">
                  {t.ranking.empty}
                </td>
              </tr>
            )}
            {sorted.map((park, index) => {
              const flags = findParkFlags(park);
              return (
                <tr
                  key={park.code}
                  data-testid="ranking-row"
                  data-park-code={park.code}
                  className={park.code === selectedCode ? 'selected' : undefined}
                  aria-current={park.code === selectedCode ? 'true' : undefined}
                  onMouseEnter={() => onHoverPark(park.code)}
                  onMouseLeave={() => onHoverPark(null)}
                  onClick={() => onSelectPark(park.code)}
                >
                  <td className="col-rank">{index + 1}</td>
                  <th scope="row" className="col-name">
                    <button
                      type="button"
                      className="park-link"
                      onFocus={() => onHoverPark(park.code)}
                      onBlur={() => onHoverPark(null)}
                    >
                      {park.name}
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
                    {park.grade ? (
                      <span
                        className="grade-chip"
                        style={{ background: cssColor(GRADE_COLORS[park.grade]) }}
                        role="img"
                        data-testid="ranking-grade"
                        aria-label={gradeTitle(park)}
                        title={gradeTitle(park)}
                      >
                        {park.grade}
                      </span>
                    ) : (
                      MISSING
                    )}
                  </td>
                  {METRIC_IDS.map((id) => {
                    const value = METRICS[id].valueOf(park);
                    const comparison = compareToAverage(value, averages[id]);
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
