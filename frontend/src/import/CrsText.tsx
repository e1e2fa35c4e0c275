import { useLocale } from '../i18n/i18n-context';
import { crsLabelIn, crsSentenceIn } from './crs-wording';

/**
 * A CRS label or a reason the server gave in English, said in the UI's language (crs-wording.ts); wording
 * with no translation stays as the server wrote it, marked as English.
 */
export function CrsText({ text, kind }: { text: string; kind: 'label' | 'sentence' }) {
  const { locale } = useLocale();
  const worded = (kind === 'label' ? crsLabelIn : crsSentenceIn)(text, locale);
  return worded ?? <span lang="en">{text}</span>;
}
