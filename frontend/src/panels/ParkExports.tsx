import { useT } from '../i18n/i18n-context';
import { ExportMenu, TABLE_FORMATS } from './ExportMenu';

/** The park's layers, each as a download in every format it has (tables without geometry get no Shapefile). */
const PARK_LAYERS = [
  { layer: 'parcels', tableOnly: false },
  { layer: 'buildings', tableOnly: false },
  { layer: 'units', tableOnly: true },
  { layer: 'idle-land', tableOnly: false },
  { layer: 'evaluations', tableOnly: true },
] as const;

export interface ParkExportsProps {
  parkCode: string;
  year: number | null;
}

/** Export menus for one park's parcels, buildings, units, land findings and firm evaluations. */
export function ParkExports({ parkCode, year }: ParkExportsProps) {
  const t = useT();
  return (
    <section className="park-exports" data-testid="park-exports" aria-label={t.exportMenu.parkTitle}>
      <h3 className="section-title">{t.exportMenu.parkTitle}</h3>
      {PARK_LAYERS.map(({ layer, tableOnly }) => (
        <ExportMenu
          key={layer}
          layer={layer}
          label={t.exportMenu.layers[layer]}
          filter={{ park: parkCode, year }}
          formats={tableOnly ? TABLE_FORMATS : undefined}
        />
      ))}
    </section>
  );
}
