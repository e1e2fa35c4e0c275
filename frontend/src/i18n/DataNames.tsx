import { createContext, type ReactNode, useContext } from 'react';
import type { NameList } from '../api/types';
import { englishOf } from './data-names';

/** The English of the data's names while the UI is in English (App provides it); null in Chinese. */
export const DataNamesContext = createContext<NameList | null>(null);

/** A park's name in the UI's language: the name as the data has it, or its English in English. */
export function useParkName(): (name: string) => string {
  const names = useContext(DataNamesContext);
  return (name) => (names ? englishOf(names.parks, name) : name);
}

/** A scheme's grade label in the UI's language. */
export function useGradeLabel(): (label: string | null) => string | null {
  const names = useContext(DataNamesContext);
  return (label) => (label && names ? englishOf(names.gradeLabels, label) : label);
}

/**
 * A name the data holds in Chinese with no English (a firm's name), marked as Chinese so that readers,
 * screen readers and translation tools know it is a name, not an untranslated word.
 */
export function ChineseName({ children }: { children: ReactNode }) {
  return <span lang="zh">{children}</span>;
}
