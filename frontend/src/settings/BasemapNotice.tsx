import { useT } from '../i18n/i18n-context';
import './settings.css';

export interface BasemapNoticeProps {
  /** Which kind of online basemap could not be reached. */
  kind: 'tianditu' | 'xyz';
  onOpenSettings: () => void;
  onDismiss: () => void;
}

/** Says that the online basemap's tiles failed and the offline map is shown instead. */
export function BasemapNotice({ kind, onOpenSettings, onDismiss }: BasemapNoticeProps) {
  const s = useT().settings;
  return (
    <div className="basemap-notice" role="alert" data-testid="basemap-notice">
      <span>{s.unreachable[kind]}</span>
      <button type="button" className="link-button" onClick={onOpenSettings}>
        {s.checkSettings}
      </button>
      <button type="button" className="close-button" onClick={onDismiss} aria-label={s.dismiss}>
        ×
      </button>
    </div>
  );
}
