import { useEffect, useState } from 'react';
import type { AdjustableEvaluation, AdjustmentNotApplied } from '../api/adjustment-types';
import type { Grade } from '../api/types';
import { useT } from '../i18n/i18n-context';
import { computedGradeOf, formatDateTime, groupNotApplied } from './adjustment-format';
import { AdjustmentForm } from './AdjustmentForm';
import { UndoAdjustmentForm } from './UndoAdjustmentForm';
import { useGradeAdjustment } from './use-grade-adjustment';
import './adjustments.css';

export interface GradeAdjustmentsProps {
  uscc: string;
  /** The year of the evaluation shown. */
  year: number | null;
  evaluation: (AdjustableEvaluation & { eligible: boolean }) | null;
}

/** Grades a scheme has when the answer does not list them (the four of DOMAIN.md §3). */
const FALLBACK_GRADES = (['A', 'B', 'C', 'D'] as const).map((code) => ({ code, label: null }));

/**
 * 分类调档 on the firm: the computed and the adjusted grade; every adjustment that applies with who, when
 * and why, each with its undo; those that do not apply (undone, made under an earlier scheme version, the
 * firm not graded) and why; and the form that makes one.
 */
export function GradeAdjustments({ uscc, year, evaluation }: GradeAdjustmentsProps) {
  const t = useT();
  const a = t.adjust;
  const control = useGradeAdjustment(uscc);
  const [formOpen, setFormOpen] = useState(false);
  const [undoing, setUndoing] = useState<number | null>(null);
  const { state } = control;
  // Once stored, the form closes; the firm's new answer arrives through the data hooks.
  useEffect(() => {
    if (state.status === 'done') {
      setFormOpen(false);
      setUndoing(null);
    }
  }, [state.status]);
  if (!evaluation) return null;

  const applied = evaluation.adjustments ?? [];
  const groups = groupNotApplied(evaluation.adjustmentsNotApplied);
  const grade = evaluation.grade;
  const computed = computedGradeOf(evaluation) as Grade | null;
  const currentVersion = evaluation.schemeVersion ?? null;
  const canAdjust = evaluation.eligible && grade != null && computed != null && year != null;
  const detail = (x: { by: string; at: string; reason: string }) => (
    <div className="adjust-detail">
      {a.labelled(a.by, x.by)} · {a.labelled(a.at, formatDateTime(x.at))} · {a.labelled(a.reason, x.reason)}
    </div>
  );
  const setAside = (x: AdjustmentNotApplied, tag: string) => (
    <li key={x.id} data-testid={`adjustment-${x.id}`} data-status={x.status}>
      {a.setTo(x.grade)}
      <span className="adjust-tag">{tag}</span>
      {detail(x)}
      {x.status === 'undone' && (
        <div className="adjust-detail">
          {a.labelled(a.undoneBy, x.undoneBy ?? '—')} · {a.labelled(a.undoneAt, formatDateTime(x.undoneAt))}
          {x.undoReason ? ` · ${a.labelled(a.undoReason, x.undoReason)}` : ''}
        </div>
      )}
    </li>
  );

  return (
    <section className="adjust-record" data-testid="grade-adjustments">
      <h4>{a.section}</h4>
      {applied.length > 0 && grade && computed ? (
        <p data-testid="adjusted-grade-line">{a.computedThenAdjusted(computed, grade)}</p>
      ) : (
        canAdjust && <p className="adjust-detail">{a.none}</p>
      )}
      {applied.length > 0 && (
        <ol data-testid="adjustments-applied">
          {applied.map((x) => (
            <li key={x.id} data-testid={`adjustment-${x.id}`} data-status="applied">
              <strong>{a.step(x.fromGrade, x.grade)}</strong>
              {undoing !== x.id && (
                <button type="button" className="adjust-undo" onClick={() => { control.reset(); setUndoing(x.id); setFormOpen(false); }}>
                  {a.undo}
                </button>
              )}
              {detail(x)}
              {undoing === x.id && (
                <UndoAdjustmentForm adjustment={x} grade={grade ?? x.grade} control={control} onCancel={() => setUndoing(null)} />
              )}
            </li>
          ))}
        </ol>
      )}
      {groups.otherVersions.map((g) => (
        <div key={g.schemeVersion} data-testid="adjustments-other-version">
          <p className="adjust-version-note" role="note">
            {currentVersion == null ? a.notApplied : a.schemeVersionChanged(g.schemeVersion, currentVersion)}
          </p>
          <ul>{g.adjustments.map((x) => setAside(x, a.notApplied))}</ul>
        </div>
      ))}
      {groups.firmNotGraded.length > 0 && (
        <div>
          <p className="adjust-version-note" role="note">{a.firmNotGraded}</p>
          <ul>{groups.firmNotGraded.map((x) => setAside(x, a.notApplied))}</ul>
        </div>
      )}
      {groups.undone.length > 0 && (
        <div>
          <p className="adjust-detail">{a.undoneList}</p>
          <ul>{groups.undone.map((x) => setAside(x, a.undone))}</ul>
        </div>
      )}
      {state.status === 'done' && (
        <p className="adjust-done" role="status" data-testid="adjust-done">
          {state.action === 'adjust'
            ? a.saved(state.fromGrade ?? '—', state.result.grade ?? '—')
            : a.undoDone(state.result.grade ?? '—')}
        </p>
      )}
      {canAdjust && !formOpen && (
        <button type="button" className="adjust-open" onClick={() => { control.reset(); setFormOpen(true); setUndoing(null); }} data-testid="adjust-open">
          {a.open}
        </button>
      )}
      {canAdjust && formOpen && (
        <AdjustmentForm
          uscc={uscc}
          year={year!}
          schemeId={evaluation.schemeId ?? 'default'}
          schemeVersion={currentVersion}
          grades={evaluation.grades?.length ? evaluation.grades : FALLBACK_GRADES}
          grade={grade!}
          computedGrade={computed!}
          control={control}
          onCancel={() => setFormOpen(false)}
        />
      )}
    </section>
  );
}
