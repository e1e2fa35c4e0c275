import { useEffect, useRef } from 'react';
import type { SourceLayer } from '../api/import-types';
import { useT } from '../i18n/i18n-context';

export interface SourceLayerChoiceProps {
  layers: readonly SourceLayer[];
  /** The layer sent with the next check, if one was picked */
  chosen: string | undefined;
  /** The server has just asked for a choice: say so and put the keyboard on the list */
  asked: boolean;
  disabled?: boolean;
  onChange: (name: string) => void;
}

/** The layers of a zip of shapefiles or a GeoPackage, with geometry type and feature count: pick the one to import. */
export function SourceLayerChoice({ layers, chosen, asked, disabled, onChange }: SourceLayerChoiceProps) {
  const t = useT().imports;
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (asked) firstRef.current?.focus();
  }, [asked]);
  return (
    <fieldset className="import-source-layers" data-testid="source-layers">
      <legend>{t.sourceLayersTitle}</legend>
      {asked && (
        <p className="import-status import-note" role="status" data-testid="source-layers-asked">
          {t.sourceLayersAsked(layers.length)}
        </p>
      )}
      {layers.map((layer, i) => (
        <label key={layer.name} className="import-source-layer">
          <input
            ref={i === 0 ? firstRef : undefined}
            type="radio"
            name="import-source-layer"
            value={layer.name}
            checked={chosen === layer.name}
            disabled={disabled}
            onChange={() => onChange(layer.name)}
            data-testid="source-layer-option"
          />
          <span className="import-source-layer-name">{layer.name}</span>
          <small className="import-muted">{t.sourceLayerFacts(layer.geometryType, layer.count)}</small>
        </label>
      ))}
    </fieldset>
  );
}
