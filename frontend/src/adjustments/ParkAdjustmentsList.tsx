import type { EvaluationLine } from '../api/park-types';
import { useT } from '../i18n/i18n-context';
import { GRADE_COLORS } from '../map/colouring';
import { cssColor } from '../panels/Legend';
import { formatDateTime } from './adjustment-format';
import { GradeAdjustmentMark } from './GradeAdjustmentMark';
import './adjustments.css';

export interface ParkAdjustmentsListProps {
  /** The park's firms evaluated for the year. */
  evaluations: readonly EvaluationLine[];
  /** The scheme's current version: adjustments made under another one are listed as not applying. */
  schemeVersion: number | null;
  onSelectFirm: (uscc: string) => void;
}

/**
 * The park's 分类调档 for the year: the firms whose grade a person moved (computed → adjusted, who, when,
 * why), and the records that do not apply, with why (undone; an earlier scheme version; not graded).
 */
export function ParkAdjustmentsList({ evaluations, schemeVersion, onSelectFirm }: ParkAdjustmentsListProps) {
  const t = useT();
  const a = t.adjust;
  const adjusted = evaluations.filter((e) => (e.adjustments?.length ?? 0) > 0);
  const setAside = evaluations.flatMap((e) => (e.adjustmentsNotApplied ?? []).map((x) => ({ firm: e, x })));
  const versions = [...new Set(setAside.filter(({ x }) => x.status === 'schemeVersionChanged').map(({ x }) => x.schemeVersion))].sort((p, q) => p - q);
  const firmButton = (e: EvaluationLine) => (
    <button type="button" className="link-button" onClick={() => onSelectFirm(e.uscc)}>
      {e.name ?? e.uscc}
    </button>
  );
  return (
    <section data-testid="park-adjustments">
      <h3 className="section-title">{a.listTitle}</h3>
      {adjusted.length + setAside.length === 0 ? (
        <p className="muted-inline">{a.listEmpty}</p>
      ) : (
        <p className="muted-inline" data-testid="park-adjustments-count">{a.listCount(adjusted.length, setAside.length)}</p>
      )}
      {adjusted.length > 0 && (
        <ul className="link-list">
          {adjusted.map((e) => (
            <li key={e.uscc} data-testid="park-adjustment" data-uscc={e.uscc}>
              {e.grade && (
                <span className="grade-chip small" style={{ background: cssColor(GRADE_COLORS[e.grade]) }}>
                  {e.grade}
                </span>
              )}
              {firmButton(e)}
              <GradeAdjustmentMark evaluation={e} />
            </li>
          ))}
        </ul>
      )}
      {schemeVersion != null && versions.map((v) => (
        <p key={v} className="adjust-version-note" role="note">{a.schemeVersionChanged(v, schemeVersion)}</p>
      ))}
      {setAside.length > 0 && (
        <ul className="link-list">
          {setAside.map(({ firm, x }) => (
            <li key={x.id} data-testid="park-adjustment-not-applied" data-status={x.status}>
              {firmButton(firm)}
              <span className="muted-inline">
                {a.setTo(x.grade)} · {x.by} · {formatDateTime(x.at)} · {x.status === 'undone' ? a.undone : a.notApplied}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
