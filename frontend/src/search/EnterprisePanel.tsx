import { GradeAdjustmentMark } from '../adjustments/GradeAdjustmentMark';
import type { EnterpriseDetails } from '../api/finder-types';
import type { Resource } from '../data/use-resource';
import { formatMu, formatWanYuanPerMu } from '../format';
import { useT } from '../i18n/i18n-context';
import { ChineseName } from '../i18n/DataNames';

export interface EnterprisePanelProps {
  enterprise: Resource<EnterpriseDetails>;
  parkName: (parkCode: string) => string;
  onClose: () => void;
}

/** An enterprise chosen in the search box: identity, park, land and its latest evaluation. */
export function EnterprisePanel({ enterprise, parkName, onClose }: EnterprisePanelProps) {
  const t = useT();
  const e = t.enterprise;
  const data = enterprise.status === 'ready' ? enterprise.data : null;
  const title = data?.name ?? '';
  return (
    <aside className="panel park-panel enterprise-panel" role="dialog" aria-label={e.dialogLabel(title)} data-testid="enterprise-panel">
      <header className="panel-header">
        <h2 className="panel-title" data-testid="enterprise-name">{title ? <ChineseName>{title}</ChineseName> : e.loading}</h2>
        <button type="button" className="close-button" onClick={onClose} aria-label={e.close}>
          ×
        </button>
      </header>
      {enterprise.status === 'error' && <p className="note">{enterprise.problem.detail ?? enterprise.problem.title}</p>}
      {data && (
        <dl className="facts">
          <dt>{e.uscc}</dt>
          <dd data-testid="enterprise-uscc">{data.uscc}</dd>
          <dt>{e.park}</dt>
          <dd>{data.parkCode ? parkName(data.parkCode) : '—'}</dd>
          <dt>{e.status}</dt>
          <dd>{e.statuses[data.status] ?? data.status}</dd>
          <dt>{e.aboveScale}</dt>
          <dd>{data.aboveScale ? e.yes : e.no}</dd>
          <dt>{e.landArea}</dt>
          <dd>{formatMu(data.landAreaMu)}</dd>
          <dt>{e.holdings}</dt>
          <dd>
            {(data.holdings ?? []).map((h) => `${h.parcelCode} (${h.role === 'owner' ? e.owner : e.tenant})`).join(', ') || '—'}
          </dd>
          <dt>{e.taxPerMu}{data.year ? ` · ${e.yearFigures(data.year)}` : ''}</dt>
          <dd>{formatWanYuanPerMu(data.taxWanYuanPerMu)}</dd>
          <dt>{e.grade}</dt>
          <dd data-testid="enterprise-grade">
            {data.evaluation?.grade ?? e.notGraded} <GradeAdjustmentMark evaluation={data.evaluation?.grade ? { ...data.evaluation, grade: data.evaluation.grade } : null} />
          </dd>
        </dl>
      )}
    </aside>
  );
}
