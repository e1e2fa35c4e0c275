import { type FormEvent, useState } from 'react';
import type { GradeAdjustment } from '../api/adjustment-types';
import { useT } from '../i18n/i18n-context';
import { AdjustmentFailure } from './AdjustmentFailure';
import { TokenField } from './AdjustmentForm';
import type { GradeAdjustmentControl } from './use-grade-adjustment';

export interface UndoAdjustmentFormProps {
  adjustment: GradeAdjustment;
  /** The firm's grade now, said in the message once undone. */
  grade: string;
  control: GradeAdjustmentControl;
  onCancel: () => void;
}

/** Undo one adjustment: who undoes it (required), why (optional) and the admin token; it stays on record. */
export function UndoAdjustmentForm({ adjustment, grade, control, onCancel }: UndoAdjustmentFormProps) {
  const a = useT().adjust;
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const sending = control.state.status === 'sending';
  const id = (field: string) => `adjust-undo-${field}-${adjustment.id}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = [...(control.name.trim() ? [] : [a.invalid.undoBy]), ...(control.token ? [] : [a.invalid.token])];
    setErrors(found);
    if (found.length) return;
    void control.undo(adjustment.id, { by: control.name.trim(), ...(reason.trim() ? { reason: reason.trim() } : {}) }, grade);
  };

  return (
    <form className="adjust-form" onSubmit={submit} noValidate data-testid="undo-form">
      <h5>{a.undoTitle(adjustment.fromGrade, adjustment.grade)}</h5>
      <div className="adjust-field">
        <label htmlFor={id('by')}>{a.undoByLabel}</label>
        <input id={id('by')} type="text" maxLength={200} value={control.name} onChange={(e) => control.setName(e.target.value)} aria-describedby={id('by-help')} data-testid="undo-by" />
        <small id={id('by-help')}>{a.byHelp}</small>
      </div>
      <div className="adjust-field">
        <label htmlFor={id('reason')}>{a.undoReasonLabel}</label>
        <input id={id('reason')} type="text" maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="undo-reason" />
      </div>
      <TokenField id={id('token')} control={control} />
      {errors.length > 0 && (
        <div className="adjust-form-errors" role="alert" data-testid="adjust-form-errors">
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {control.state.status === 'failed' && control.state.action === 'undo' && <AdjustmentFailure problem={control.state.problem} />}
      <div className="adjust-actions">
        <button type="submit" className="primary" disabled={sending} data-testid="undo-submit">
          {sending ? a.undoSending : a.undoSubmit}
        </button>
        <button type="button" onClick={onCancel}>
          {a.cancel}
        </button>
      </div>
    </form>
  );
}
