import { type DragEvent, type RefObject, useState } from 'react';
import { IMPORT_LAYERS, type ImportLayer, type SourceLayer } from '../api/import-types';
import { useT } from '../i18n/i18n-context';
import { formatBytes } from './import-helpers';
import { SourceLayerChoice } from './SourceLayerChoice';
import type { WizardRequest } from './use-import-wizard';

export interface ChooseStepProps {
  layer: ImportLayer;
  file: File | null;
  token: string;
  request: WizardRequest;
  /** The layers the last check found in the file; a choice is offered when there are several */
  sourceLayers?: readonly SourceLayer[];
  sourceLayer?: string;
  /** The last check asked which layer to read */
  sourceLayerAsked?: boolean;
  onSourceLayerChange?: (name: string) => void;
  onLayerChange: (layer: ImportLayer) => void;
  onFileChange: (file: File | null) => void;
  onTokenChange: (token: string) => void;
  onCheck: () => void;
  firstFieldRef?: RefObject<HTMLSelectElement | null>;
}

/**
 * Step 1: the layer, the file (chosen or dropped) and the admin token; then a dry run. A file of several
 * layers (shapefiles in a zip, GeoPackage tables) comes back here to pick one of them.
 */
export function ChooseStep({
  layer, file, token, request, sourceLayers = [], sourceLayer, sourceLayerAsked = false, onSourceLayerChange, onLayerChange, onFileChange,
  onTokenChange, onCheck, firstFieldRef,
}: ChooseStepProps) {
  const t = useT().imports;
  const [dragging, setDragging] = useState(false);
  const sending = request.kind === 'sending';
  const layerMissing = sourceLayers.length > 1 && !sourceLayer;

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files?.[0];
    if (dropped) onFileChange(dropped);
  };

  return (
    <form
      className="import-step"
      onSubmit={(event) => {
        event.preventDefault();
        if (file && !sending && !layerMissing) onCheck();
      }}
    >
      <label className="import-field">
        <span>{t.layer}</span>
        <select ref={firstFieldRef} value={layer} onChange={(e) => onLayerChange(e.target.value as ImportLayer)} data-testid="import-layer">
          {IMPORT_LAYERS.map((l) => (
            <option key={l} value={l}>
              {t.layers[l]}
            </option>
          ))}
        </select>
      </label>
      <div
        className={`import-dropzone${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="import-dropzone"
      >
        <div className="import-field">
          <label htmlFor="import-file">{t.file}</label>
          <span className="import-drop-text" aria-hidden="true">
            {t.dropHere} <span className="import-choose">{t.chooseFile}</span>
          </span>
          <input
            id="import-file"
            type="file"
            accept=".geojson,.json,.zip,.kml,.kmz,.gpkg,.csv,.xlsx"
            onChange={(e) => onFileChange(e.target.files?.[0] ?? null)}
            aria-describedby="import-file-help"
            data-testid="import-file"
          />
          <small id="import-file-help">{t.fileHelp}</small>
        </div>
        {file && (
          <p className="import-chosen" data-testid="import-chosen">
            {t.chosenFile(file.name, formatBytes(file.size))}
          </p>
        )}
      </div>
      {sourceLayers.length > 1 && (
        <SourceLayerChoice
          layers={sourceLayers}
          chosen={sourceLayer}
          asked={sourceLayerAsked}
          disabled={sending}
          onChange={(name) => onSourceLayerChange?.(name)}
        />
      )}
      <div className="import-field">
        <label htmlFor="import-token">{t.token}</label>
        <input
          id="import-token"
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => onTokenChange(e.target.value)}
          aria-describedby="import-token-help"
          data-testid="import-token"
        />
        <small id="import-token-help">{t.tokenHelp}</small>
      </div>
      <UploadProgress request={request} />
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={!file || sending || layerMissing} data-testid="import-check">
          {t.check}
        </button>
      </div>
    </form>
  );
}

/** Real upload progress, then an indeterminate bar while the server checks. */
export function UploadProgress({ request }: { request: WizardRequest }) {
  const t = useT().imports;
  if (request.kind !== 'sending') return null;
  const percent = request.fraction === null ? null : Math.round(request.fraction * 100);
  const label = percent === null ? (request.commit ? t.committing : t.checking) : t.uploadProgress(percent);
  return (
    <div className="import-progress" role="status" data-testid="import-progress">
      <progress max={100} value={percent ?? undefined} aria-label={label} />
      <span>{label}</span>
    </div>
  );
}
