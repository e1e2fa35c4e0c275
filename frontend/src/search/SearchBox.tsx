import { useId, useState } from 'react';
import type { SearchAnswer, SearchHit } from '../api/finder-types';
import type { Resource } from '../data/use-resource';
import { useT } from '../i18n/i18n-context';
import './search.css';
import { ChineseName, useParkName } from '../i18n/DataNames';

export interface SearchBoxProps {
  text: string;
  onTextChange: (text: string) => void;
  answer: Resource<SearchAnswer>;
  onChoose: (hit: SearchHit) => void;
}

/**
 * A combobox (WAI-ARIA 1.2 pattern): type, move through the results with ↑/↓, choose with Enter (or a
 * click), close with Escape. Focus stays in the input; the active option is announced through
 * aria-activedescendant.
 */
export function SearchBox({ text, onTextChange, answer, onChoose }: SearchBoxProps) {
  const t = useT();
  const parkName = useParkName();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const hits = answer.status === 'ready' ? answer.data.results : [];
  const expanded = open && text.trim() !== '' && answer.status !== 'idle';
  const optionId = (i: number) => `${listId}-option-${i}`;

  const choose = (hit: SearchHit) => {
    onChoose(hit);
    setOpen(false);
    setActive(-1);
  };

  return (
    <div className="search-box" data-testid="search-box">
      <input
        type="search"
        role="combobox"
        aria-label={t.search.label}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 && active < hits.length ? optionId(active) : undefined}
        placeholder={t.search.placeholder}
        value={text}
        data-testid="search-input"
        onChange={(event) => {
          onTextChange(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && hits.length > 0) {
            event.preventDefault();
            setOpen(true);
            setActive((i) => (i + 1) % hits.length);
          } else if (event.key === 'ArrowUp' && hits.length > 0) {
            event.preventDefault();
            setOpen(true);
            setActive((i) => (i <= 0 ? hits.length - 1 : i - 1));
          } else if (event.key === 'Enter' && expanded && hits.length > 0) {
            event.preventDefault();
            choose(hits[Math.max(active, 0)]);
          } else if (event.key === 'Escape' && expanded) {
            // Close the list only; the app's Escape (closing panels) waits for the next press.
            event.stopPropagation();
            event.nativeEvent.stopImmediatePropagation();
            setOpen(false);
            setActive(-1);
          }
        }}
      />
      <ul id={listId} role="listbox" className="search-results" hidden={!expanded} aria-label={t.search.label} data-testid="search-results">
        {answer.status === 'loading' && <li className="search-note" role="presentation">{t.search.loading}</li>}
        {answer.status === 'ready' && hits.length === 0 && <li className="search-note" role="presentation">{t.search.empty}</li>}
        {answer.status === 'error' && <li className="search-note" role="presentation">{answer.problem.detail ?? answer.problem.title}</li>}
        {hits.map((hit, i) => (
          <li
            key={`${hit.kind}:${hit.code}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'search-hit active' : 'search-hit'}
            data-testid="search-hit"
            data-kind={hit.kind}
            data-code={hit.code}
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(hit);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <span className={`search-kind kind-${hit.kind}`}>{t.search.kinds[hit.kind]}</span>
            <span className="search-name">{hit.kind === 'park' ? parkName(hit.name) : hit.kind === 'enterprise' ? <ChineseName>{hit.name}</ChineseName> : hit.name}</span>
            {hit.kind !== 'enterprise' || hit.code === hit.name ? null : <span className="search-code">{hit.code}</span>}
            {hit.kind !== 'park' && hit.parkName && <span className="search-park">{t.search.inPark(parkName(hit.parkName))}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
