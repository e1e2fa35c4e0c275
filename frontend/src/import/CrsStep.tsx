import type { FeatureCollection } from 'geojson';
import { useState } from 'react';
import type { ImportReport } from '../api/import-types';
import { formatNumber } from '../format';
import { useT } from '../i18n/i18n-context';
import { CrsPreviewMap } from './CrsPreviewMap';
import { CrsText } from './CrsText';
import { CANDIDATE_COLOURS } from './crs-preview-style';

export interface CrsStepProps {
  report: ImportReport;
  /** The CRS sent with the last upload, if one was chosen */
  chosenCrs?: string;
  busy: boolean;
  reference: FeatureCollection | null;
  onChoose: (crs: string) => void;
}

/** Step 2: the server's ranked CRS candidates on a small map, or the CRS used; pick one and check again. */
export function CrsStep({ report, chosenCrs, busy, reference, onChoose }: CrsStepProps) {
  const t = useT().imports;
  const label = (text: string) => <CrsText text={text} kind="label" />;
  const sentence = (text: string) => <CrsText text={text} kind="sentence" />;
  const candidates = report.crsCandidates ?? [];
  const [picked, setPicked] = useState<string>(chosenCrs ?? candidates[0]?.crs ?? '');
  const [typed, setTyped] = useState('');
  const choice = typed.trim() || picked;

  return (
    <form
      className="import-step"
      onSubmit={(event) => {
        event.preventDefault();
        if (choice && !busy) onChoose(choice);
      }}
    >
      {report.status === 'needsCrs' ? (
        <p data-testid="crs-needed">
          {t.crsNeeded} <span className="import-server-note">{report.crsNote ? sentence(report.crsNote) : null}</span>
        </p>
      ) : report.crs ? (
        <p data-testid="crs-used">
          {t.crsUsed(report.crs.code)} {label(report.crs.label)} {t.crsFrom[report.crs.from]}
        </p>
      ) : null}
      {candidates.length > 0 && (
        <>
          <CrsPreviewMap candidates={candidates} selectedCrs={picked} reference={reference} label={t.crsPreview} />
          <fieldset className="crs-candidates">
            <legend>{t.crsPreview}</legend>
            {candidates.map((c, i) => (
              <label key={c.crs} className="crs-candidate" data-testid="crs-candidate" data-crs={c.crs}>
                <input type="radio" name="crs" value={c.crs} checked={picked === c.crs && !typed.trim()} onChange={() => {
                  setPicked(c.crs);
                  setTyped('');
                }} />
                <span className="crs-swatch" style={{ background: CANDIDATE_COLOURS[i % CANDIDATE_COLOURS.length] }} aria-hidden="true" />
                <span>
                  <strong translate="no">{c.crs}</strong> {label(c.label)} · {t.crsConfidence[c.confidence]}
                  <br />
                  <small>
                    {t.crsCentre(formatNumber(c.centroidLonLat[0], 5), formatNumber(c.centroidLonLat[1], 5))}
                    {c.distanceFromHintKm !== undefined ? ` · ${t.crsDistance(formatNumber(c.distanceFromHintKm, 0))}` : ''} · {sentence(c.reason)}
                    {c.caveat ? <> · {sentence(c.caveat)}</> : null}
                  </small>
                </span>
              </label>
            ))}
          </fieldset>
        </>
      )}
      <div className="import-field">
        <label htmlFor="crs-code">{t.crsCode}</label>
        <input
          id="crs-code"
          type="text"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder="EPSG:4545"
          aria-describedby="crs-code-help"
          data-testid="crs-code"
        />
        <small id="crs-code-help">{t.crsCodeHelp}</small>
      </div>
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={!choice || busy} data-testid="crs-apply">
          {t.crsApply}
        </button>
      </div>
    </form>
  );
}
