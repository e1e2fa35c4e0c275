import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/i18n-context';
import { type BasemapChoice, type TiandituLayer, type TileCrs, validateBasemap } from './basemap';
import './settings.css';

export interface SettingsDialogProps {
  choice: BasemapChoice;
  onApply: (choice: BasemapChoice) => void;
  onClose: () => void;
}

type Option = 'offline' | 'tianditu-vec' | 'tianditu-img' | 'xyz';

const optionOf = (choice: BasemapChoice): Option =>
  choice.kind === 'tianditu' ? `tianditu-${choice.layer}` : choice.kind;

/** The basemap: offline (default), 天地图 with the user's key, or XYZ tiles with a declared CRS. */
export function SettingsDialog({ choice, onApply, onClose }: SettingsDialogProps) {
  const t = useT();
  const s = t.settings;
  const [option, setOption] = useState<Option>(optionOf(choice));
  const [key, setKey] = useState(choice.kind === 'tianditu' ? choice.key : '');
  const [url, setUrl] = useState(choice.kind === 'xyz' ? choice.url : '');
  const [crs, setCrs] = useState<TileCrs>(choice.kind === 'xyz' ? choice.crs : 'wgs84');
  const [attribution, setAttribution] = useState(choice.kind === 'xyz' ? (choice.attribution ?? '') : '');
  const [tried, setTried] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    firstRef.current?.focus();
  }, []);

  const draft: BasemapChoice =
    option === 'offline'
      ? { kind: 'offline' }
      : option === 'xyz'
        ? { kind: 'xyz', url, crs, attribution }
        : { kind: 'tianditu', layer: option.slice('tianditu-'.length) as TiandituLayer, key };
  const error = validateBasemap(draft);
  // The GCJ-02 refusal is shown at once: it is an answer, not a typo.
  const shownError = error === 'gcj02' || tried ? error : null;

  const options: { value: Option; label: string }[] = [
    { value: 'offline', label: s.offline },
    { value: 'tianditu-vec', label: s.tiandituVec },
    { value: 'tianditu-img', label: s.tiandituImg },
    { value: 'xyz', label: s.custom },
  ];

  return (
    <div className="backdrop" onClick={onClose}>
      <section
        className="panel settings-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="settings-title"
        data-testid="settings-panel"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
        }}
      >
        <header className="panel-header">
          <h2 className="panel-title" id="settings-title">{s.title}</h2>
          <button type="button" className="close-button" onClick={onClose} aria-label={s.close}>
            ×
          </button>
        </header>
        <p className="intro">{s.intro}</p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setTried(true);
            if (error === null) onApply(draft);
          }}
        >
          <fieldset className="basemap-options">
            {options.map((o, i) => (
              <label key={o.value} className="radio">
                <input
                  ref={i === 0 ? firstRef : undefined}
                  type="radio"
                  name="basemap"
                  value={o.value}
                  checked={option === o.value}
                  onChange={() => setOption(o.value)}
                  data-testid={`basemap-${o.value}`}
                />
                {o.label}
              </label>
            ))}
          </fieldset>
          {option.startsWith('tianditu') && (
            <label className="settings-field">
              <span>{s.key}</span>
              <input type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} data-testid="tianditu-key" />
              <small>{s.keyHelp}</small>
            </label>
          )}
          {option === 'xyz' && (
            <>
              <label className="settings-field">
                <span>{s.url}</span>
                <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://{s}.example.com/{z}/{x}/{y}.png" data-testid="xyz-url" />
                <small>{s.urlHelp}</small>
              </label>
              <label className="settings-field">
                <span>{s.crs}</span>
                <select value={crs} onChange={(e) => setCrs(e.target.value as TileCrs)} data-testid="xyz-crs">
                  <option value="wgs84">{s.crsOptions.wgs84}</option>
                  <option value="gcj02">{s.crsOptions.gcj02}</option>
                </select>
              </label>
              <label className="settings-field">
                <span>{s.attribution}</span>
                <input type="text" value={attribution} onChange={(e) => setAttribution(e.target.value)} />
              </label>
            </>
          )}
          {shownError && (
            <p className="settings-error" role="alert" data-testid="basemap-error">
              {s.errors[shownError]}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>{s.cancel}</button>
            <button type="submit" className="primary" disabled={error === 'gcj02'} data-testid="basemap-apply">
              {s.apply}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
