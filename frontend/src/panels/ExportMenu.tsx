import { useLocale, useT } from '../i18n/i18n-context';
import { exportUrl } from '../api/muyield-api';

import type { ExportFilter, ExportFormat } from '../api/muyield-api';

export type { ExportFilter, ExportFormat };
export const EXPORT_FORMATS: readonly ExportFormat[] = ['xlsx', 'csv', 'shp', 'gpkg', 'geojson'];
/** Formats of layers without geometry (the server refuses Shapefile and GeoPackage for them). */
export const TABLE_FORMATS: readonly ExportFormat[] = ['xlsx', 'csv', 'geojson'];

export interface ExportMenuProps {
  /** parks, parcels, buildings, units, enterprises, land_rights, indicators, evaluations or idle-land */
  layer: string;
  filter?: ExportFilter;
  formats?: readonly ExportFormat[];
  /** What is exported, when a panel offers several layers (default: the menu's title). */
  label?: string;
}

/** Download links for one layer and filter, one per format; spreadsheet headers follow the app's language. */
export function ExportMenu({ layer, filter = {}, formats = EXPORT_FORMATS, label }: ExportMenuProps) {
  const t = useT();
  const { locale } = useLocale();
  const lang = locale === 'en' ? 'en' : 'zh';
  return (
    <details className="export-menu" data-testid="export-menu" data-layer={layer}>
      <summary>{label ?? t.exportMenu.title}</summary>
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
