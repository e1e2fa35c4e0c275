import { useState } from 'react';
import type { SearchHit } from '../api/finder-types';
import { SearchBox } from './SearchBox';
import { useSearch } from './use-search';

/** The header's search box with its search: what the user types, what the API answers. */
export function HeaderSearch({ onChoose }: { onChoose: (hit: SearchHit) => void }) {
  const [text, setText] = useState('');
  const answer = useSearch(text);
  return <SearchBox text={text} onTextChange={setText} answer={answer} onChoose={onChoose} />;
}
