// The CRS preview's MapLibre style: nothing fetched (no tiles, glyphs or sprite), the county outlines
// for orientation and each candidate's extent and centre. Ranked colours: the first candidate is the
// server's best guess.
import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { BACKGROUND_CSS } from '../map/palette';

export const CANDIDATE_SOURCE_ID = 'crs-candidates';
/** Colours of the candidates by rank (1st, 2nd, …), cycled */
export const CANDIDATE_COLOURS = ['#d7301f', '#2b8cbe', '#31a354', '#756bb1', '#e6550d', '#636363'];

// A match on the rank, not `at` on a literal array: `at` gives a string, which a colour paint property refuses.
const rankColour: unknown = [
  'match', ['%', ['-', ['get', 'rank'], 1], CANDIDATE_COLOURS.length],
  ...CANDIDATE_COLOURS.flatMap((colour, i) => [i, colour]),
  CANDIDATE_COLOURS[0],
];

export function createCrsPreviewStyle(candidates: FeatureCollection, reference: FeatureCollection | null): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    name: 'MuYield CRS preview',
    sources: {
      [CANDIDATE_SOURCE_ID]: { type: 'geojson', data: candidates },
      ...(reference ? { reference: { type: 'geojson' as const, data: reference } } : {}),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_CSS } },
      ...(reference
        ? [
            { id: 'reference-fill', type: 'fill' as const, source: 'reference', paint: { 'fill-color': '#faf8f1' } },
            { id: 'reference-line', type: 'line' as const, source: 'reference', paint: { 'line-color': '#80766a', 'line-width': 1 } },
          ]
        : []),
      {
        id: 'candidate-extent-fill', type: 'fill', source: CANDIDATE_SOURCE_ID, filter: ['==', ['get', 'kind'], 'extent'],
        paint: { 'fill-color': rankColour as never, 'fill-opacity': ['case', ['get', 'selected'], 0.35, 0.12] },
      },
      {
        id: 'candidate-extent-line', type: 'line', source: CANDIDATE_SOURCE_ID, filter: ['==', ['get', 'kind'], 'extent'],
        paint: { 'line-color': rankColour as never, 'line-width': ['case', ['get', 'selected'], 3, 1.5] },
      },
      {
        id: 'candidate-centre', type: 'circle', source: CANDIDATE_SOURCE_ID, filter: ['==', ['get', 'kind'], 'centre'],
        paint: {
          'circle-color': rankColour as never, 'circle-radius': ['case', ['get', 'selected'], 7, 5],
          'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5,
        },
      },
    ],
  };
  return style;
}
