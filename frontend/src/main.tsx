// First, before anything else is evaluated: ask for the first screen's data (start-first-screen.ts).
import './start-first-screen';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { I18nProvider } from './i18n/i18n-context';
import { PrintPage } from './lazy-panels';
import { parsePrintRequest } from './vacancy/print-route';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// ?print=building:CODE&park=PARK is the printable building sheet, served by the same app.
const printRequest = parsePrintRequest(window.location.search);

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      {printRequest ? <PrintPage request={printRequest} /> : <App />}
    </I18nProvider>
  </StrictMode>,
);
