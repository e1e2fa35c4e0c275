import { GeoJsonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { describe, expect, it, vi } from 'vitest';
import type { ParkFeature, RegionFeature, RiverFeature } from '../../api/types';
import { createMapLayers, PARK_LABELS_MIN_ZOOM, POLYGON_ONLY_MIN_ZOOM } from '../map-layers';
import { LABEL_FONT_FAMILY } from '../palette';
import { toCountyLabels, toParkLabels, toParkPoints } from '../park-points';
import { createColouring } from '../colouring';
import { HIGHLIGHT_LINE } from '../palette';
import { TIER_COLORS } from '../tiers';
import { createCountiesLayer } from './counties-layer';
import { createCountyLabelsLayer, createParkLabelsLayer } from './labels-layer';
import { createParkMarkersLayer, MARKER_RADIUS_PIXELS } from './park-markers-layer';
import { createParksLayer, PARK_FILL_ALPHA } from './parks-layer';
import { createRiversLayer, riverWidthPixels } from './rivers-layer';

// Layers are constructed, never drawn: deck.gl builds layer objects in node without WebGL.

function park(code: string, outputWanYuanPerMu: number | null, lon = 109.03, lat = 32.69): ParkFeature {
  return {
    type: 'Feature',
    properties: {
      code,
      name: `园区${code}`,
      regionCode: '610902',
      regionName: '汉滨区',
      level: 'provincial',
      leadingIndustries: ['毛绒玩具'],
      areaMu: 3000,
      illustrative: true,
      year: outputWanYuanPerMu === null ? null : 2023,
      outputWanYuan: null,
      taxWanYuan: null,
      outputWanYuanPerMu,
      taxWanYuanPerMu: null,
      usedLandMu: null,
      enterpriseCount: 12,
    },
    geometry: {
      type: 'Polygon',
      coordinates: [[[lon, lat], [lon + 0.02, lat], [lon + 0.02, lat + 0.02], [lon, lat + 0.02], [lon, lat]]],
    },
  };
}

const region: RegionFeature = {
  type: 'Feature',
  properties: { code: '610902', name: '汉滨区', parkCount: 2 },
  geometry: { type: 'Polygon', coordinates: [[[108.6, 32.4], [109.4, 32.4], [109.4, 33.0], [108.6, 33.0], [108.6, 32.4]]] },
};

const river: RiverFeature = {
  type: 'Feature',
  properties: { wdb_level: 1 },
  geometry: { type: 'LineString', coordinates: [[108.5, 32.8], [109.5, 32.7]] },
};

/** The default colouring (fixed 亩均产值 tiers) of these parks, by park code. */
const fixedTiersOf = (features: ParkFeature[]) =>
  createColouring(features.map((f) => f.properties), 'outputWanYuanPerMu', 'fixed').colorOf;

/** Reads a layer's accessor prop as the plain function the factory passed in. */
const accessor = <In, Out>(prop: unknown) => prop as (object: In) => Out;

describe('createParksLayer', () => {
  const parks = [park('A', 120), park('B', null)];
  const tierColorFor = fixedTiersOf(parks);

  it('returns a pickable GeoJsonLayer filled by output-per-mu class', () => {
    const layer = createParksLayer({ parks, colorFor: tierColorFor, selectedCode: null, onClick: () => {} });
    expect(layer).toBeInstanceOf(GeoJsonLayer);
    expect(layer.id).toBe('parks');
    expect(layer.props.pickable).toBe(true);
    expect(layer.props.autoHighlight).toBe(true);
    const getFillColor = accessor<ParkFeature, number[]>(layer.props.getFillColor);
    expect(getFillColor(parks[0])).toEqual([...TIER_COLORS.from100to200, PARK_FILL_ALPHA]);
    expect(getFillColor(parks[1])).toEqual([...TIER_COLORS.noData, PARK_FILL_ALPHA]);
  });

  it('outlines the selected park more heavily', () => {
    const layer = createParksLayer({ parks, colorFor: tierColorFor, selectedCode: 'B', onClick: () => {} });
    const getLineWidth = accessor<ParkFeature, number>(layer.props.getLineWidth);
    expect(getLineWidth(parks[1])).toBeGreaterThan(getLineWidth(parks[0]));
  });

  it('reports the clicked park by code and marks the click handled', () => {
    const onClick = vi.fn();
    const layer = createParksLayer({ parks, colorFor: tierColorFor, selectedCode: null, onClick });
    const handler = layer.props.onClick as (info: { object?: unknown }) => boolean;
    expect(handler({ object: parks[0] })).toBe(true);
    expect(onClick).toHaveBeenCalledWith('A');
    expect(handler({})).toBe(false);
  });

  it('outlines a park pointed at from the ranking list', () => {
    const layer = createParksLayer({ parks, colorFor: tierColorFor, selectedCode: null, highlightedCode: 'A', onClick: () => {} });
    expect(accessor<ParkFeature, number[]>(layer.props.getLineColor)(parks[0])).toEqual(HIGHLIGHT_LINE);
    expect(accessor<ParkFeature, number>(layer.props.getLineWidth)(parks[0])).toBe(3);
  });
});

describe('createParkMarkersLayer', () => {
  const features = [park('A', 20), park('B', 350, 109.5, 32.4)];
  const points = toParkPoints(features);
  const tierColorFor = fixedTiersOf(features);

  it('draws one opaque dot per park, at least 7 px across, in the tier colour', () => {
    const onClick = vi.fn();
    const layer = createParkMarkersLayer({ points, colorFor: tierColorFor, selectedCode: null, onClick, visible: true });
    expect(layer).toBeInstanceOf(ScatterplotLayer);
    expect(layer.id).toBe('park-markers');
    expect(layer.props.pickable).toBe(true);
    expect(layer.props.radiusMinPixels).toBe(MARKER_RADIUS_PIXELS);
    const getFillColor = accessor<(typeof points)[number], number[]>(layer.props.getFillColor);
    expect(getFillColor(points[0])).toEqual(TIER_COLORS.below50);
    expect(getFillColor(points[1])).toEqual(TIER_COLORS.atLeast300);
    (layer.props.onClick as (info: { object?: unknown }) => boolean)({ object: points[1] });
    expect(onClick).toHaveBeenCalledWith('B');
  });

  it('places each marker at the park centroid', () => {
    expect(points[0].position[0]).toBeCloseTo(109.04, 10);
    expect(points[0].position[1]).toBeCloseTo(32.7, 10);
  });
});

describe('base layers', () => {
  it('draws counties as a filled, outlined, unpickable GeoJsonLayer', () => {
    const layer = createCountiesLayer({ regions: [region] });
    expect(layer).toBeInstanceOf(GeoJsonLayer);
    expect(layer.id).toBe('counties');
    expect(layer.props.filled).toBe(true);
    expect(layer.props.stroked).toBe(true);
    expect(layer.props.pickable).toBe(false);
  });

  it('makes counties clickable when asked, and outlines the open one', () => {
    const onClick = vi.fn();
    const layer = createCountiesLayer({ regions: [region], onClick, selectedCode: region.properties.code });
    expect(layer.props.pickable).toBe(true);
    const handled = layer.props.onClick!({ object: region } as never, {} as never);
    expect(handled).toBe(true);
    expect(onClick).toHaveBeenCalledWith(region.properties.code);
    const width = layer.props.getLineWidth as (f: RegionFeature) => number;
    expect(width(region)).toBeGreaterThan(width({ ...region, properties: { ...region.properties, code: '000000' } }));
  });

  it('draws rivers as lines, wider for major rivers', () => {
    const layer = createRiversLayer({ rivers: [river] });
    expect(layer.id).toBe('rivers');
    expect(layer.props.filled).toBe(false);
    expect(riverWidthPixels(1)).toBeGreaterThan(riverWidthPixels(4));
  });
});

describe('label layers', () => {
  it('render Chinese with an automatic character set and CJK fonts', () => {
    const layer = createCountyLabelsLayer({ labels: toCountyLabels([region]) });
    expect(layer).toBeInstanceOf(TextLayer);
    expect(layer.id).toBe('county-labels');
    expect(layer.props.characterSet).toBe('auto');
    expect(layer.props.fontFamily).toBe(LABEL_FONT_FAMILY);
    const getText = accessor<{ text: string }, string>(layer.props.getText);
    expect(getText(toCountyLabels([region])[0])).toBe('汉滨区');
  });

  it('show park names only when asked to', () => {
    const labels = toParkLabels(toParkPoints([park('A', 80)]));
    expect(createParkLabelsLayer({ labels, visible: false }).props.visible).toBe(false);
    expect(createParkLabelsLayer({ labels, visible: true }).props.characterSet).toBe('auto');
  });
});

describe('createMapLayers', () => {
  const parks = [park('A', 80)];
  const state = {
    regions: [region],
    rivers: [river],
    parks,
    parkPoints: toParkPoints(parks),
    countyLabels: toCountyLabels([region]),
    parkLabels: toParkLabels(toParkPoints(parks)),
    selectedCode: null,
    colorFor: fixedTiersOf(parks),
    onParkClick: () => {},
  };

  it('stacks counties, rivers, county names, parks, markers and park names, bottom to top', () => {
    const layers = createMapLayers({ ...state, zoom: 8 });
    expect(layers.map((layer) => layer.id)).toEqual([
      'counties',
      'rivers',
      'county-labels',
      'parks',
      'park-markers',
      'park-labels',
    ]);
  });

  it('leaves out label layers until there are labels', () => {
    const layers = createMapLayers({ ...state, countyLabels: [], parkLabels: [], zoom: 8 });
    expect(layers.map((layer) => layer.id)).toEqual(['counties', 'rivers', 'parks', 'park-markers']);
  });

  it('shows markers at city zoom and park names closer in', () => {
    const byId = (zoom: number) => Object.fromEntries(createMapLayers({ ...state, zoom }).map((l) => [l.id, l]));
    expect(byId(8)['park-markers'].props.visible).toBe(true);
    expect(byId(8)['park-labels'].props.visible).toBe(false);
    expect(byId(PARK_LABELS_MIN_ZOOM)['park-labels'].props.visible).toBe(true);
    expect(byId(POLYGON_ONLY_MIN_ZOOM)['park-markers'].props.visible).toBe(false);
  });
});
