// Pieces a park's panel and a county's share: the land-use rates and the firms' grade counts, as the API
// gives them for either.
import type { GradeCounts, LandMetrics } from '../api/types';
import { formatCount, formatPercent, formatRatio, formatWanYuanPerMu } from '../format';
import { useT } from '../i18n/i18n-context';
import { GRADE_COLORS, GRADES } from '../map/colouring';
import { cssColor } from './Legend';

/** 开发区土地集约利用评价 rates of a park or county (fractions shown in %, ratios with two decimals). */
export function LandRatesList({ land, testId }: { land: LandMetrics | null | undefined; testId: string }) {
  const t = useT();
  const rows: { key: string; label: string; value: string }[] = [
    { key: 'landSupplyRate', label: t.park.landSupplyRate, value: formatPercent(land?.landSupplyRate) },
    { key: 'landBuiltRate', label: t.park.landBuiltRate, value: formatPercent(land?.landBuiltRate) },
    { key: 'industrialLandRate', label: t.park.industrialLandRate, value: formatPercent(land?.industrialLandRate) },
    { key: 'plotRatio', label: t.park.plotRatio, value: formatRatio(land?.plotRatio) },
    { key: 'buildingDensity', label: t.park.buildingDensity, value: formatPercent(land?.buildingDensity) },
    { key: 'industrialTaxPerMu', label: t.park.industrialTaxPerMu, value: formatWanYuanPerMu(land?.industrialTaxWanYuanPerMu) },
  ];
  return (
    <dl className="facts land-metrics" data-testid={testId}>
      {rows.map((row) => (
        <div key={row.key} className="fact-row" data-testid={`land-${row.key}`}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The area's firms by grade (after 分类调档), and those not graded. */
export function GradeCountsLine({ counts, testId }: { counts: GradeCounts; testId: string }) {
  const t = useT();
  return (
    <div className="grade-counts" data-testid={testId} aria-label={t.park.gradeCounts}>
      <span className="grade-counts-label">{t.park.gradeCounts}</span>
      {GRADES.map((grade) => (
        <span key={grade} className="grade-count" data-grade={grade}>
          <span className="grade-chip small" style={{ background: cssColor(GRADE_COLORS[grade]) }} aria-hidden="true">
            {grade}
          </span>
          {formatCount(counts[grade])} {t.park.enterprisesUnit}
        </span>
      ))}
      <span className="grade-count" data-grade="notGraded">
        {t.park.gradeCountsNotGraded} {formatCount(counts.notGraded)} {t.park.enterprisesUnit}
      </span>
    </div>
  );
}
