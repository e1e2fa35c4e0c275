import { formatLengthMetres, formatPercent, formatSquareMetres } from '../format';
import { useLocale, useT } from '../i18n/i18n-context';
import { toEnglishPark } from '../i18n/data-names';
import { useEnglishNames } from '../data/use-english-names';
import { DatasetText } from '../panels/DatasetText';
import { bboxOfAll, createProjector, toSvgPath } from './outline-svg';
import type { BuildingSheet } from './use-building-sheet';
import type { Resource } from '../data/use-resource';
import { UnitsTable } from './UnitsTable';

export interface PrintBuildingSheetProps {
  buildingCode: string;
  sheet: Resource<BuildingSheet>;
  /** Today, YYYY-MM-DD (passed in so the sheet is a pure function of its props). */
  printedOn: string;
  backHref: string;
}

const SKETCH_WIDTH_PX = 300;
const SKETCH_HEIGHT_PX = 220;

/** One A4 page an investment office hands out: the building, where it is, and its units to let. */
export function PrintBuildingSheet({ buildingCode, sheet, printedOn, backHref }: PrintBuildingSheetProps) {
  const t = useT();
  const p = t.print;
  const v = t.vacancy;
  const englishNames = useEnglishNames(useLocale().locale === 'en');
  if (sheet.status !== 'ready') {
    return (
      <main className="print-sheet" data-testid="print-sheet">
        <p role="status">{sheet.status === 'error' ? `${p.notFound(buildingCode)}: ${sheet.problem.detail ?? sheet.problem.title}` : p.loading}</p>
        <a href={backHref}>{p.back}</a>
      </main>
    );
  }
  const { park, building, units, dataVintage } = sheet.data;
  // The park's and county's names in the UI's language (i18n/data-names.ts).
  const named = englishNames ? toEnglishPark(park.properties, englishNames) : park.properties;
  const b = building.properties;
  // Reserved units are promised to someone and not offered: the sheet lists the vacant ones only.
  const toLet = units.units.filter((u) => u.status === 'vacant');
  const project = createProjector({ bbox: bboxOfAll([park.geometry]), widthPx: SKETCH_WIDTH_PX, heightPx: SKETCH_HEIGHT_PX, paddingPx: 8 });
  const [w, s, e, n] = bboxOfAll([building.geometry]);
  const illustrative = b.illustrative || park.properties.illustrative;

  return (
    <main className="print-sheet" data-testid="print-sheet">
      <nav className="print-actions no-print">
        <a href={backHref}>{p.back}</a>
        <button type="button" onClick={() => window.print()}>{p.print}</button>
      </nav>
      <header className="print-header">
        <div className="print-kicker">{p.title}</div>
        <h1 data-testid="print-building">{v.kinds[b.kind] ?? b.kind} {b.code}</h1>
        <div className="print-park" data-testid="print-park">{named.name} · {named.regionName}</div>
      </header>
      <section className="print-top">
        <dl className="facts print-facts">
          <dt>{p.park}</dt><dd>{named.name}</dd>
          <dt>{p.region}</dt><dd>{named.regionName}</dd>
          <dt>{p.location}</dt><dd>{p.position(((s + n) / 2).toFixed(5), ((w + e) / 2).toFixed(5))}</dd>
          <dt>{p.kind}</dt><dd>{v.kinds[b.kind] ?? b.kind}</dd>
          <dt>{p.floors}</dt><dd>{b.floors}</dd>
          <dt>{p.heightM}</dt><dd>{formatLengthMetres(b.heightM)}</dd>
          <dt>{p.completedOn}</dt><dd>{b.completedOn ?? '—'}</dd>
          <dt>{p.occupancy}</dt>
          <dd data-testid="print-occupancy">
            {[
              `${v.lettable} ${formatSquareMetres(units.lettableSqm)}`,
              `${v.leased} ${formatSquareMetres(units.leasedSqm)}`,
              `${v.reserved} ${formatSquareMetres(units.reservedSqm)}`,
              `${v.vacant} ${formatSquareMetres(units.vacantSqm)}`,
              `${v.occupancy} ${formatPercent(units.occupancyRate)}`,
            ].join(' · ')}
          </dd>
        </dl>
        <figure className="print-sketch">
          <svg width={SKETCH_WIDTH_PX} height={SKETCH_HEIGHT_PX} viewBox={`0 0 ${SKETCH_WIDTH_PX} ${SKETCH_HEIGHT_PX}`} role="img" aria-label={p.outline} data-testid="print-outline">
            <path d={toSvgPath(park.geometry, project)} fill="#eef2ee" stroke="#5b6672" strokeWidth="1" />
            <path d={toSvgPath(building.geometry, project)} fill="#ff8c00" stroke="#782800" strokeWidth="1.5" />
            <text x={SKETCH_WIDTH_PX - 14} y={16} fontSize="12" textAnchor="middle">N↑</text>
          </svg>
          <figcaption>{p.outline} · {named.name}</figcaption>
        </figure>
      </section>
      <h2>{p.vacantUnits}</h2>
      {toLet.length === 0 ? (
        <p>{p.noVacant}</p>
      ) : (
        <UnitsTable units={toLet} className="print-units" testId="print-units" />
      )}
      <section className="print-contact" data-testid="print-contact">
        <h2>{p.contact}</h2>
        <p className="placeholder">{p.contactPlaceholder}</p>
      </section>
      <footer className="print-footer">
        <span data-testid="print-data-date">{p.dataDate}: {dataVintage ? <DatasetText dataset={dataVintage} field="vintage" /> : '—'}</span>
        <span>{p.printedOn}: {printedOn}</span>
        {illustrative && <strong className="print-illustrative" data-testid="print-illustrative">{p.illustrativeNote}</strong>}
      </footer>
    </main>
  );
}
