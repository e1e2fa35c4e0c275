// Imported first by main.tsx, so this runs before the modules imported after it are evaluated (React,
// MapLibre, deck.gl: most of the page's script): the first screen's three answers are on their way while
// those are set up, and useMapData takes them over (data/first-screen.ts). The print page needs none.
import { parseCityViewState } from './city/url-state';
import { startFirstScreenData } from './data/first-screen';
import { parsePrintRequest } from './vacancy/print-route';

if (!parsePrintRequest(window.location.search)) startFirstScreenData(parseCityViewState(window.location.search).year);
