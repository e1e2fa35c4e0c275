import { type FormEvent, useState } from 'react';
import type { SchemeGrade } from '../api/adjustment-types';
import type { Grade } from '../api/types';
import { useT } from '../i18n/i18n-context';
import { AdjustmentFailure } from './AdjustmentFailure';
import type { GradeAdjustmentControl } from './use-grade-adjustment';

export interface AdjustmentFormProps {
  uscc: string;
  year: number;
  schemeId: string;
  schemeVersion: number | null;
  grades: readonly SchemeGrade[];
  grade: Grade;
  computedGrade: Grade;
  control: GradeAdjustmentControl;
  onCancel: () => void;
}

/** Longest reason and name the server keeps (backend/src/http/schemas.ts). */
const REASON_MAX_CHARS = 2000;
const NAME_MAX_CHARS = 200;

/** The new grade, why, who (typed: there are no accounts yet) and the admin token; checked before it is sent. */
export function AdjustmentForm({ uscc, year, schemeId, schemeVersion, grades, grade, computedGrade, control, onCancel }: AdjustmentFormProps) {
  const t = useT();
  const a = t.adjust;
  const [newGrade, setNewGrade] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const sending = control.state.status === 'sending';
  const id = (field: string) => `adjust-${field}-${uscc}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: string[] = [];
    if (!newGrade) found.push(a.invalid.grade);
    else if (newGrade === grade) found.push(a.invalid.sameGrade);
    if (!reason.trim()) found.push(a.invalid.reason);
    if (!control.name.trim()) found.push(a.invalid.by);
    if (!control.token) found.push(a.invalid.token);
    setErrors(found);
    if (found.length) return;
    void control.adjust({ year, grade: newGrade as Grade, reason: reason.trim(), by: control.name.trim(), scheme: schemeId }, grade);
  };

  return (
    <form className="adjust-form" onSubmit={submit} noValidate data-testid="adjust-form">
      <h5>{a.formTitle(year, schemeId, schemeVersion)}</h5>
      <div className="adjust-detail">{a.currentGrade(grade, computedGrade)}</div>
      <div className="adjust-field">
        <label htmlFor={id('grade')}>{a.newGrade}</label>
        <select id={id('grade')} value={newGrade} onChange={(e) => setNewGrade(e.target.value)} data-testid="adjust-grade">
          <option value="">{a.chooseGrade}</option>
          {grades.map((g) => (
            <option key={g.code} value={g.code}>
              {a.gradeOption(g.code, g.label)}
            </option>
          ))}
        </select>
      </div>
      <div className="adjust-field">
        <label htmlFor={id('reason')}>{a.reasonLabel}</label>
        <textarea id={id('reason')} rows={3} maxLength={REASON_MAX_CHARS} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={id('reason-help')} data-testid="adjust-reason" />
        <small id={id('reason-help')}>{a.reasonHelp}</small>
      </div>
      <div className="adjust-field">
        <label htmlFor={id('by')}>{a.byLabel}</label>
        <input id={id('by')} type="text" maxLength={NAME_MAX_CHARS} value={control.name} onChange={(e) => control.setName(e.target.value)} aria-describedby={id('by-help')} data-testid="adjust-by" />
        <small id={id('by-help')}>{a.byHelp}</small>
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
      {control.state.status === 'failed' && control.state.action === 'adjust' && <AdjustmentFailure problem={control.state.problem} />}
      <div className="adjust-actions">
        <button type="submit" className="primary" disabled={sending} data-testid="adjust-submit">
          {sending ? a.sending : a.submit}
        </button>
        <button type="button" onClick={onCancel}>
          {a.cancel}
        </button>
      </div>
    </form>
  );
}

/** The admin token, kept for this tab (the same one the import wizard asks for). */
export function TokenField({ id, control }: { id: string; control: GradeAdjustmentControl }) {
  const a = useT().adjust;
  return (
    <div className="adjust-field">
      <label htmlFor={id}>{a.token}</label>
      <input id={id} type="password" autoComplete="off" value={control.token} onChange={(e) => control.setToken(e.target.value)} aria-describedby={`${id}-help`} data-testid="adjust-token" />
      <small id={`${id}-help`}>{a.tokenHelp}</small>
    </div>
  );
}
