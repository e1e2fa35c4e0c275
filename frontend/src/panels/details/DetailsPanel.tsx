import type { BuildingFeature, EvaluationLine, LandUseFeature } from '../../api/park-types';
import type { DetailSelection } from '../../city/park-view-state';
import type { Details } from '../../data/use-details';
import type { Resource } from '../../data/use-resource';
import { useT } from '../../i18n/i18n-context';
import { BuildingDetails } from './BuildingDetails';
import { EnterpriseDetails } from './EnterpriseDetails';
import { ParcelDetails } from './ParcelDetails';
import '../park-view.css';
import { ChineseName } from '../../i18n/DataNames';

export interface DetailsPanelProps {
  selection: DetailSelection;
  details: Resource<Details>;
  parkName: string;
  /** The park's land, for what the details routes do not repeat: findings, building facts, grades. */
  findings: readonly LandUseFeature[];
  buildings: readonly BuildingFeature[];
  evaluations: readonly EvaluationLine[];
  onSelect: (selection: DetailSelection) => void;
  /** Back to the park's summary. */
  onBack: () => void;
}

/** Which details answer belongs to the selection (a late answer for the previous one is not shown). */
function matches(selection: DetailSelection, details: Details): boolean {
  if (details.kind !== selection.kind) return false;
  if (details.kind === 'parcel') return details.parcel.properties.code === selection.code;
  if (details.kind === 'building') return details.units.buildingCode === selection.code;
  return details.enterprise.uscc === selection.code;
}

/** The details of a parcel, building (and unit) or enterprise of the selected park. */
export function DetailsPanel({ selection, details, parkName, findings, buildings, evaluations, onSelect, onBack }: DetailsPanelProps) {
  const t = useT();
  const d = t.details;
  const data = details.status === 'ready' && matches(selection, details.data) ? details.data : null;
  const kind = selection.kind === 'building' && selection.unit ? 'unit' : selection.kind;
  const title =
    data?.kind === 'enterprise' ? data.enterprise.name : selection.kind === 'building' && selection.unit ? selection.unit : selection.code;
  const evaluationOf = (uscc: string) => evaluations.find((e) => e.uscc === uscc);
  return (
    <aside className="panel park-panel details-panel" role="dialog" aria-label={d.dialogLabel(title)} data-testid="details-panel">
      <header className="panel-header">
        <div>
          <button type="button" className="back-button" onClick={onBack} data-testid="details-back">
            ← {d.back(parkName)}
          </button>
          <div className="details-kind">{d.kinds[kind]}</div>
          <h2 className="panel-title details-title" data-testid="details-title">
            {data?.kind === 'enterprise' ? <ChineseName>{title}</ChineseName> : title}
          </h2>
        </div>
        <button type="button" className="close-button" onClick={onBack} aria-label={d.close}>
          ×
        </button>
      </header>
      {details.status === 'loading' && (
        <p className="muted-inline" role="status">
          {d.loading}
        </p>
      )}
      {details.status === 'error' && (
        <p className="inline-error" role="alert">
          {details.problem.title}
          {details.problem.detail ? `: ${details.problem.detail}` : ''}
        </p>
      )}
      {data?.kind === 'parcel' && (
        <ParcelDetails
          parcel={data.parcel}
          byYear={data.byYear}
          findings={findings.filter((f) => f.properties.parcelCode === selection.code)}
          buildings={buildings.filter((b) => b.properties.parcelCode === selection.code)}
          evaluationOf={evaluationOf}
          onSelect={onSelect}
        />
      )}
      {data?.kind === 'building' && (
        <BuildingDetails
          building={buildings.find((b) => b.properties.code === selection.code)?.properties ?? null}
          units={data.units}
          selectedUnitCode={selection.kind === 'building' ? selection.unit ?? null : null}
          onSelect={onSelect}
        />
      )}
      {data?.kind === 'enterprise' && <EnterpriseDetails enterprise={data.enterprise} onSelect={onSelect} />}
    </aside>
  );
}
