// Panels the first screen (header, ranking, city map, legend) does not show, each loaded when first opened:
// their code, strings of their own and styles stay out of the first download. Same names and props as the
// components themselves; nothing is drawn while a panel's file arrives (a few ms from the server, once).
import { type ComponentType, lazy, Suspense } from 'react';

function lazyPanel<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Panel = lazy(async () => ({ default: await load() }));
  return function LazyPanel(props: P) {
    return (
      <Suspense fallback={null}>
        <Panel {...props} />
      </Suspense>
    );
  };
}

export const CountyPanel = lazyPanel(() => import('./panels/CountyPanel').then((m) => m.CountyPanel));
export const AboutPanel = lazyPanel(() => import('./panels/AboutPanel').then((m) => m.AboutPanel));
export const DetailsPanel = lazyPanel(() => import('./panels/details/DetailsPanel').then((m) => m.DetailsPanel));
export const EnterprisePanel = lazyPanel(() => import('./search/EnterprisePanel').then((m) => m.EnterprisePanel));
export const ImportWizard = lazyPanel(() => import('./import/ImportWizard').then((m) => m.ImportWizard));
export const SettingsDialog = lazyPanel(() => import('./settings/SettingsDialog').then((m) => m.SettingsDialog));
export const VacancyPanel = lazyPanel(() => import('./vacancy/VacancyPanel').then((m) => m.VacancyPanel));
/** The printable building sheet (?print=…), a page of its own. */
export const PrintPage = lazyPanel(() => import('./vacancy/PrintPage').then((m) => m.PrintPage));
