import type { ReactNode } from 'react';
import type { Locale } from '../i18n/i18n-context';
import { useT } from '../i18n/i18n-context';

export interface HeaderProps {
  locale: Locale;
  onToggleLocale: () => void;
  onOpenAbout: () => void;
  /** The city as the data names it (安康市), null when it names none or in English (no English name yet). */
  cityName?: string | null;
  /** More header controls (search box, finder and settings buttons), before the language switch. */
  children?: ReactNode;
}

export function Header({ locale, onToggleLocale, onOpenAbout, cityName = null, children }: HeaderProps) {
  const t = useT();
  return (
    <header className="app-header">
      <div className="brand">
        <h1 className="product-name">{t.app.name}</h1>
        <span className="tagline" data-testid="tagline">{t.cityView.tagline(cityName)}</span>
      </div>
      <nav className="header-actions">
        {children}
        <button
          type="button"
          className="lang-switch"
          onClick={onToggleLocale}
          aria-label={t.header.switchLanguage}
          data-testid="lang-switch"
        >
          <span className={locale === 'zh-CN' ? 'active' : undefined} lang="zh">
            中文
          </span>
          <span aria-hidden="true">/</span>
          <span className={locale === 'en' ? 'active' : undefined}>EN</span>
        </button>
        <button type="button" className="about-button" onClick={onOpenAbout} data-testid="about-button">
          {t.header.about}
        </button>
      </nav>
    </header>
  );
}
