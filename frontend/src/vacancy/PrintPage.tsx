import { useEffect } from 'react';
import { useT } from '../i18n/i18n-context';
import type { PrintRequest } from './print-route';
import { PrintBuildingSheet } from './PrintBuildingSheet';
import { useBuildingSheet } from './use-building-sheet';
import './print.css';

/** The page at ?print=building:CODE&park=PARK: the sheet alone, no map. */
export function PrintPage({ request }: { request: PrintRequest }) {
  const t = useT();
  const sheet = useBuildingSheet(request.buildingCode, request.parkCode);
  useEffect(() => {
    document.title = `${t.print.title} ${request.buildingCode}`;
  }, [t, request.buildingCode]);
  const backHref = request.parkCode ? `./?park=${encodeURIComponent(request.parkCode)}` : './';
  return (
    <PrintBuildingSheet
      buildingCode={request.buildingCode}
      sheet={sheet}
      printedOn={new Date().toISOString().slice(0, 10)}
      backHref={backHref}
    />
  );
}
