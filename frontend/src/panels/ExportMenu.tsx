import { useLocale, useT } from '../i18n/i18n-context';

export type ExportFormat = 'geojson' | 'shp' | 'gpkg' | 'csv' | 'xlsx';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['xlsx', 'csv', 'shp', 'gpkg', 'geojson'];
/** Formats of layers without geometry (the server refuses Shapefile and GeoPackage for them). */
export const TABLE_FORMATS: readonly ExportFormat[] = ['xlsx', 'csv', 'geojson'];

export interface ExportFilter {
  park?: string | null;
  region?: string | null;
  year?: number | null;
}

export interface ExportMenuProps {
  /** parks, parcels, buildings, units, enterprises, land_rights, indicators, evaluations or idle-land */
  layer: string;
  filter?: ExportFilter;
  formats?: readonly ExportFormat[];
}

// The URL of GET /api/export/:layer. It belongs with the other URLs in api/muyield-api.ts; it lives here
// while that file is being changed by others, and moves there with the next change to it.
export function exportUrl(layer: string, format: ExportFormat, filter: ExportFilter = {}, lang: 'zh' | 'en' = 'zh'): string {
  const query = new URLSearchParams({ format });
  if (filter.park) query.set('park', filter.park);
  if (filter.region) query.set('region', filter.region);
  if (filter.year != null) query.set('year', String(filter.year));
  if (lang === 'en') query.set('lang', 'en');
  return `/api/export/${encodeURIComponent(layer)}?${query}`;
}

/** Download links for one layer and filter, one per format; spreadsheet headers follow the app's language. */
export function ExportMenu({ layer, filter = {}, formats = EXPORT_FORMATS }: ExportMenuProps) {
  const t = useT();
  const { locale } = useLocale();
  const lang = locale === 'en' ? 'en' : 'zh';
  return (
    <details className="export-menu" data-testid="export-menu">
      <summary>{t.exportMenu.title}</summary>
      <ul className="export-menu-list">
        {formats.map((format) => (
          <li key={format}>
            <a href={exportUrl(layer, format, filter, lang)} download data-format={format} title={t.exportMenu.hints[format]}>
              {t.exportMenu.formats[format]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
