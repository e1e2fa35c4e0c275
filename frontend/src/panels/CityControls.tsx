import { type ColourBy, COLOUR_BY_OPTIONS } from '../city/city-metrics';
import { useT } from '../i18n/i18n-context';
import type { ClassMethodChoice } from '../map/colouring';

export interface CityControlsProps {
  years: number[];
  year: number | null;
  onYearChange: (year: number) => void;
  colourBy: ColourBy;
  onColourByChange: (colourBy: ColourBy) => void;
  method: ClassMethodChoice;
  onMethodChange: (method: ClassMethodChoice) => void;
}

const METHODS: readonly ClassMethodChoice[] = ['fixed', 'quantile', 'equalInterval', 'naturalBreaks'];

/** Year, what colours the parks, and how the classes are cut. Fixed classes exist for 亩均产值 only. */
export function CityControls({
  years,
  year,
  onYearChange,
  colourBy,
  onColourByChange,
  method,
  onMethodChange,
}: CityControlsProps) {
  const t = useT();
  const methods = METHODS.filter((m) => m !== 'fixed' || colourBy === 'outputWanYuanPerMu');
  return (
    <form className="city-controls" aria-label={t.city.controlsLabel} onSubmit={(event) => event.preventDefault()}>
      <label className="control">
        <span>{t.city.year}</span>
        <select
          data-testid="year-select"
          value={year ?? ''}
          disabled={years.length === 0}
          onChange={(event) => onYearChange(Number(event.target.value))}
        >
          {year === null && <option value="">—</option>}
          {years.map((y) => (
            <option key={y} value={y}>
              {t.city.yearOption(y)}
            </option>
          ))}
        </select>
      </label>
      <label className="control">
        <span>{t.city.colourBy}</span>
        <select
          data-testid="metric-select"
          value={colourBy}
          onChange={(event) => onColourByChange(event.target.value as ColourBy)}
        >
          {COLOUR_BY_OPTIONS.map((option) => (
            <option key={option} value={option}>
              {t.city.colourByOptions[option]}
            </option>
          ))}
        </select>
      </label>
      <label className="control">
        <span>{t.city.method}</span>
        <select
          data-testid="method-select"
          value={method}
          disabled={colourBy === 'grade'}
          onChange={(event) => onMethodChange(event.target.value as ClassMethodChoice)}
        >
          {methods.map((m) => (
            <option key={m} value={m}>
              {t.city.methods[m]}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
