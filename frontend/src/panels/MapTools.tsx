import { useEffect, useState } from 'react';
import { LAYER_IDS, type LayerId, type LayerVisibility } from '../city/park-view-state';
import { useT } from '../i18n/i18n-context';
import './park-view.css';

export interface MapToolsProps {
  layers: LayerVisibility;
  onLayersChange: (layers: LayerVisibility) => void;
  /** The map is tilted (3D). */
  tilted: boolean;
  onTiltChange: (tilted: boolean) => void;
  /** Turn the map by some degrees, clockwise positive. */
  onRotate: (degrees: number) => void;
  /** North up and flat again. */
  onResetNorth: () => void;
  /** The ranking beside the map is hidden (more room for the map). */
  rankingHidden?: boolean;
  onRankingHiddenChange?: (hidden: boolean) => void;
  /** Folds the tools when it turns true: the vacancy finder below them needs the column's height. */
  foldWhen?: boolean;
}

/** Below this width (px) the tools and the park legend start folded, so the map stays visible. */
export const NARROW_LAYOUT_MAX_WIDTH_PX = 1000;

export function startsFolded(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(`(max-width: ${NARROW_LAYOUT_MAX_WIDTH_PX}px)`).matches;
}

/** Degrees one rotate button turns the map. */
export const ROTATE_STEP_DEG = 30;

/** Layer switches and the tilt and rotate buttons, at the top of the map's left column; collapsible. */
export function MapTools({
  layers,
  onLayersChange,
  tilted,
  onTiltChange,
  onRotate,
  onResetNorth,
  rankingHidden,
  onRankingHiddenChange,
  foldWhen = false,
}: MapToolsProps) {
  const t = useT();
  const m = t.mapTools;
  const [open, setOpen] = useState(() => !startsFolded() && !foldWhen);
  useEffect(() => {
    if (foldWhen) setOpen(false);
  }, [foldWhen]);
  const toggle = (id: LayerId) => onLayersChange({ ...layers, [id]: !layers[id] });
  return (
    <section className={`map-tools${open ? '' : ' collapsed'}`} aria-label={m.label} data-testid="map-tools">
      <button
        type="button"
        className="map-tools-toggle"
        aria-expanded={open}
        aria-controls="map-tools-body"
        onClick={() => setOpen(!open)}
        title={open ? m.collapse : m.expand}
      >
        {m.label} {open ? '▴' : '▾'}
      </button>
      {open && (
        <div id="map-tools-body">
          <fieldset className="layer-switches">
            <legend>{m.layers}</legend>
            {LAYER_IDS.map((id) => (
              <label key={id} className="layer-switch">
                <input type="checkbox" checked={layers[id]} onChange={() => toggle(id)} data-testid={`layer-${id}`} />
                {m.layerNames[id]}
              </label>
            ))}
          </fieldset>
          <div className="view-buttons" role="group" aria-label={m.label}>
            <button type="button" aria-pressed={tilted} onClick={() => onTiltChange(!tilted)} data-testid="tilt-button">
              {m.tilt}
            </button>
            <button type="button" onClick={() => onRotate(-ROTATE_STEP_DEG)} aria-label={m.rotateLeft} title={m.rotateLeft}>
              ⟲
            </button>
            <button type="button" onClick={() => onRotate(ROTATE_STEP_DEG)} aria-label={m.rotateRight} title={m.rotateRight}>
              ⟳
            </button>
            <button type="button" onClick={onResetNorth} aria-label={m.resetNorth} title={m.resetNorth} data-testid="north-button">
              N↑
            </button>
          </div>
          {onRankingHiddenChange && (
            <button
              type="button"
              className="ranking-toggle"
              aria-pressed={rankingHidden ?? false}
              aria-controls="ranking-sidebar"
              onClick={() => onRankingHiddenChange(!rankingHidden)}
              data-testid="ranking-toggle"
            >
              {rankingHidden ? m.showRanking : m.hideRanking}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
