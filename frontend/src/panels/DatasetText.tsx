import type { Dataset, DatasetWordedField } from '../api/types';
import { useLocale } from '../i18n/i18n-context';

/**
 * One of a dataset's worded fields in the UI's language: in Chinese its `zh` wording; where the bundle
 * gives none, the text as written, marked as English.
 */
export function DatasetText({ dataset, field }: { dataset: Pick<Dataset, DatasetWordedField | 'zh'>; field: DatasetWordedField }) {
  const { locale } = useLocale();
  const text = dataset[field];
  if (!text) return null;
  if (locale === 'en') return <>{text}</>;
  const chinese = dataset.zh?.[field];
  return chinese ? <>{chinese}</> : <span lang="en">{text}</span>;
}
