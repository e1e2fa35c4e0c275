import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider, type Locale } from '../i18n/i18n-context';

export function renderWithLocale(ui: ReactElement, locale: Locale = 'zh-CN') {
  return render(<I18nProvider initialLocale={locale}>{ui}</I18nProvider>);
}
