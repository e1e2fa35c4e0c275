import { GeoJsonLayer, PolygonLayer } from '@deck.gl/layers';
import { describe, expect, it, vi } from 'vitest';
import type { BuildingFeature, LandUseFeature, ParcelFeature } from '../../api/park-types';
import { ALL_LAYERS_ON } from '../../city/park-view-state';
import { makeBuilding, makeFinding, makeParcel } from '../../test-support/park-fixtures';
import { createMapLayers, type ParkLandState } from '../map-layers';
import { GRADE_COLORS } from '../colouring';
import { createParcelColouring } from '../parcel-colouring';
import { LAND_USE_COLORS, OCCUPANCY_CLASSES, OTHER_BUILDING_COLOR, POSSIBLE_DATA_GAP_COLOR } from '../park-land';
import { SELECTED_LINE } from '../palette';
import { type BuildingPart, createBuildingsLayer, toBuildingParts } from './buildings-layer';
import { createLandUseLayer, LAND_USE_FILL_ALPHA } from './land-use-layer';
import { createParcelsLayer, PARCEL_FILL_ALPHA } from './parcels-layer';
import { createVacancyLayer } from '../../vacancy/vacancy-layer';

const accessor = <In, Out>(prop: unknown) => prop as (object: In) => Out;
const clickOf = (prop: unknown) => prop as (info: { object?: unknown }) => boolean;

describe('createParcelsLayer', () => {
  const parcels = [makeParcel({ code: 'P1', holderGrade: 'A' }), makeParcel({ code: 'P2', holderGrade: null, holders: [] })];
  const colouring = createParcelColouring(parcels.map((p) => p.properties), 'grade');

  it('fills parcels by their main holder’s grade, the unheld ones grey', () => {
    const layer = createParcelsLayer({ parcels, colorFor: colouring.colorOf, selectedCode: null, onClick: () => {} });
    expect(layer).toBeInstanceOf(GeoJsonLayer);
    expect(layer.props.pickable).toBe(true);
    const fill = accessor<ParcelFeature, number[]>(layer.props.getFillColor);
    expect(fill(parcels[0])).toEqual([...GRADE_COLORS.A, PARCEL_FILL_ALPHA]);
    expect(fill(parcels[1])).toEqual([150, 150, 150, PARCEL_FILL_ALPHA]);
  });

  it('outlines the selected parcel and reports clicks by code', () => {
    const onClick = vi.fn();
    const layer = createParcelsLayer({ parcels, colorFor: colouring.colorOf, selectedCode: 'P2', onClick });
    expect(accessor<ParcelFeature, number[]>(layer.props.getLineColor)(parcels[1])).toEqual(SELECTED_LINE);
    expect(accessor<ParcelFeature, number>(layer.props.getLineWidth)(parcels[0])).toBe(1);
    expect(clickOf(layer.props.onClick)({ object: parcels[0] })).toBe(true);
    expect(onClick).toHaveBeenCalledWith('P1');
    expect(clickOf(layer.props.onClick)({})).toBe(false);
  });
});

describe('createBuildingsLayer', () => {
  const factory = makeBuilding({ code: 'F1', heightM: 28.5, occupancyRate: 0.5 });
  const emptyFactory = makeBuilding({ code: 'F2', heightM: null, floors: 3, occupancyRate: 0.3 });
  const office = makeBuilding({ code: 'O1', kind: 'office', heightM: null, floors: 1, unitCount: 0, occupancyRate: null });
  const multi: BuildingFeature = {
    ...makeBuilding({ code: 'M1' }),
    geometry: {
      type: 'MultiPolygon',
      coordinates: [
        [[[109, 32.7], [109.001, 32.7], [109.001, 32.701], [109, 32.7]]],
        [[[109.002, 32.7], [109.003, 32.7], [109.003, 32.701], [109.002, 32.7]]],
      ],
    },
  };

  it('extrudes each building to its height, or floors × 5 m without one', () => {
    const layer = createBuildingsLayer({ buildings: [factory, emptyFactory, office], selectedCode: null, onClick: () => {} });
    expect(layer).toBeInstanceOf(PolygonLayer);
    expect(layer.props.extruded).toBe(true);
    const parts = layer.props.data as BuildingPart[];
    const elevation = accessor<BuildingPart, number>(layer.props.getElevation);
    expect(parts.map(elevation)).toEqual([28.5, 15, 5]);
  });

  it('colours standard factories by occupancy and other buildings slate', () => {
    const layer = createBuildingsLayer({ buildings: [factory, emptyFactory, office], selectedCode: null, onClick: () => {} });
    const fill = accessor<BuildingPart, number[]>(layer.props.getFillColor);
    const parts = layer.props.data as BuildingPart[];
    const colourOf = (id: string) => OCCUPANCY_CLASSES.find((c) => c.id === id)!.color;
    expect(fill(parts[0])).toEqual([...colourOf('from50to80'), 255]);
    expect(fill(parts[1])).toEqual([...colourOf('below50'), 255]);
    expect(fill(parts[2])).toEqual([...OTHER_BUILDING_COLOR, 255]);
  });

  it('draws every polygon of a multipolygon and reports clicks by building code', () => {
    expect(toBuildingParts([multi])).toHaveLength(2);
    const onClick = vi.fn();
    const layer = createBuildingsLayer({ buildings: [multi], selectedCode: 'M1', onClick });
    const parts = layer.props.data as BuildingPart[];
    expect(accessor<BuildingPart, number[]>(layer.props.getFillColor)(parts[1]).slice(0, 3)).toEqual(SELECTED_LINE.slice(0, 3));
    clickOf(layer.props.onClick)({ object: parts[1] });
    expect(onClick).toHaveBeenCalledWith('M1');
  });
});

describe('createLandUseLayer', () => {
  const idle = makeFinding({ kind: 'idle', parcelCode: 'P9' });
  const noParcel = makeFinding({ kind: 'unsupplied', rule: 'noParcel', parcelCode: null });

  it('tints and outlines each finding by kind, idle land the heaviest', () => {
    const layer = createLandUseLayer({ findings: [idle, noParcel], onParcelClick: () => {} });
    expect(accessor<LandUseFeature, number[]>(layer.props.getFillColor)(idle)).toEqual([...LAND_USE_COLORS.idle, LAND_USE_FILL_ALPHA]);
    expect(accessor<LandUseFeature, number[]>(layer.props.getLineColor)(noParcel)).toEqual([...LAND_USE_COLORS.unsupplied, 255]);
    const width = accessor<LandUseFeature, number>(layer.props.getLineWidth);
    expect(width(idle)).toBeGreaterThan(width(noParcel));
  });

  it('draws a completed parcel with no building on record apart from land proven under-used', () => {
    const underused = makeFinding({ kind: 'underused', rule: 'belowLandUseControl', possibleDataGap: false });
    const gap = makeFinding({ kind: 'underused', rule: 'completedWithoutBuildings', possibleDataGap: true });
    const layer = createLandUseLayer({ findings: [underused, gap], onParcelClick: () => {} });
    const line = accessor<LandUseFeature, number[]>(layer.props.getLineColor);
    expect(line(underused)).toEqual([...LAND_USE_COLORS.underused, 255]);
    expect(line(gap)).toEqual([...POSSIBLE_DATA_GAP_COLOR, 255]);
    const width = accessor<LandUseFeature, number>(layer.props.getLineWidth);
    expect(width(gap)).toBeLessThan(width(underused));
  });

  it('opens the parcel of a finding; land outside parcels is not clickable', () => {
    const onParcelClick = vi.fn();
    const layer = createLandUseLayer({ findings: [idle, noParcel], onParcelClick });
    expect(clickOf(layer.props.onClick)({ object: idle })).toBe(true);
    expect(onParcelClick).toHaveBeenCalledWith('P9');
    expect(clickOf(layer.props.onClick)({ object: noParcel })).toBe(false);
  });
});

describe('createMapLayers in a park', () => {
  const land: ParkLandState = {
    parkCode: 'AK-BAIHE',
    parcels: [makeParcel()],
    buildings: [makeBuilding()],
    findings: [makeFinding()],
    parcelColorFor: () => [1, 2, 3],
    selectedParcelCode: null,
    selectedBuildingCode: null,
    onParcelClick: () => {},
    onBuildingClick: () => {},
  };
  const base = {
    regions: [],
    rivers: [],
    parks: [],
    parkPoints: [],
    countyLabels: [],
    parkLabels: [],
    selectedCode: 'AK-BAIHE',
    colorFor: () => [0, 0, 0] as [number, number, number],
    zoom: 14,
    onParkClick: () => {},
  };

  it('adds parcels, land use and buildings above the parks, buildings last', () => {
    const ids = createMapLayers({ ...base, parkLand: land }).map((layer) => layer.id);
    expect(ids).toEqual(['counties', 'rivers', 'parks', 'parcels', 'land-use', 'buildings', 'park-markers']);
    expect(createMapLayers(base).map((layer) => layer.id)).not.toContain('parcels');
  });

  it('draws the flat layers in list order without the depth test; only buildings test depth', () => {
    // Coplanar fills that test depth fight for it once the map is tilted: stripes of parcel and park.
    const layers = createMapLayers({ ...base, parkLand: land });
    for (const layer of layers) {
      if (layer.id === 'buildings') {
        expect(layer.props.parameters?.depthCompare, layer.id).toBeUndefined();
      } else {
        expect(layer.props.parameters, layer.id).toMatchObject({ depthCompare: 'always', depthWriteEnabled: false });
      }
    }
    expect(createVacancyLayer({ buildings: [] }).props.parameters).toMatchObject({ depthCompare: 'always' });
  });

  it('hides the layers that are switched off', () => {
    const layers = createMapLayers({ ...base, parkLand: land, layerVisibility: { ...ALL_LAYERS_ON, buildings: false, counties: false } });
    const visible = Object.fromEntries(layers.map((layer) => [layer.id, layer.props.visible]));
    expect(visible).toMatchObject({ counties: false, buildings: false, parcels: true, 'land-use': true });
  });
});

describe('describeParkLand', () => {
  it('names a parcel’s tax per mu and grade, a building’s occupancy with reserved and vacant apart, and a finding’s rule', async () => {
    const { describeParkLand } = await import('../park-tooltip');
    const { zhCN } = await import('../../i18n/zh-CN');
    expect(describeParkLand('parcels', makeParcel({ code: 'P1', taxWanYuanPerMu: 3.61, holderGrade: 'B' }), zhCN)).toBe(
      '宗地 P1\n亩均税收 3.6 万元/亩 · B 档',
    );
    const adjusted = makeParcel({ code: 'P1', taxWanYuanPerMu: 3.61, holderGrade: 'A', holderComputedGrade: 'C', holderGradeAdjusted: true });
    expect(describeParkLand('parcels', adjusted, zhCN)).toBe('宗地 P1\n亩均税收 3.6 万元/亩 · A 档 (C → A 调档)');
    const [part] = toBuildingParts([makeBuilding()]);
    expect(describeParkLand('buildings', part, zhCN)).toBe('标准化厂房 · 4 层 · 出租率 50.0 %\n已预留 2,927 m² · 空置（可租） 2,927 m²');
    expect(describeParkLand('land-use', makeFinding(), zhCN)).toBe(
      '闲置土地 · 83.3 亩\n已动工但开发不足且中止开发满一年（可认定）\n认定闲置日期 2024-03-17 · 闲置天数 654 天（自认定闲置日期起算）',
    );
    expect(describeParkLand('parks', {}, zhCN)).toBeNull();
  });
});
