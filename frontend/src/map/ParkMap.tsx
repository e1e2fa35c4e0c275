import type { Layer, PickingInfo } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import maplibregl from 'maplibre-gl';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ParkFeature, RegionFeature, RiverFeature } from '../api/types';
import type { MapView } from '../city/url-state';
import { adaptLayersToBasemap, applyBasemap } from '../settings/apply-basemap';
import { type BasemapChoice, isOnline, OFFLINE_BASEMAP } from '../settings/basemap';
import type { LayerVisibility } from '../city/park-view-state';
import { computeBbox, zoomToFit } from './fit-zoom';
import { createMapLayers, type ParkLandState } from './map-layers';
import { ANKANG_BOUNDS, createOfflineStyle } from './offline-style';
import { toCountyLabels, toParkLabels, toParkPoints } from './park-points';
import './test-hook';
import type { Rgb } from './tiers';

/** A request to fly to a park; a new `nonce` repeats the flight to the same park. */
export interface FocusRequest {
  code: string;
  nonce: number;
}

/** Tilt to a pitch (degrees), turn by some degrees, or face north again; a new `nonce` repeats it. */
export type ViewCommand = ({ kind: 'tilt'; pitch: number } | { kind: 'rotate'; degrees: number } | { kind: 'north' }) & {
  nonce: number;
};

export interface ParkMapProps {
  regions: RegionFeature[];
  rivers: RiverFeature[];
  parks: ParkFeature[];
  selectedCode: string | null;
  /** Each park's class colour (map/colouring.ts). */
  colorFor: (parkCode: string) => Rgb;
  /** A park pointed at from the ranking list, outlined on the map. */
  highlightedCode?: string | null;
  /** Fly to this park (a ranking row was clicked). */
  focusRequest?: FocusRequest | null;
  /** Where to open; null fits the city. Read once, when the map is created. */
  initialView?: MapView | null;
  /** The view after every pan or zoom, for the shareable URL. */
  onViewChange?: (view: MapView) => void;
  /** A park's code when one is clicked, null when the map is clicked outside every park and county. */
  onSelectPark: (parkCode: string | null) => void;
  /** A county's code when the map is clicked in it outside every park; without it counties are not clickable. */
  onSelectCounty?: (regionCode: string) => void;
  /** The county whose panel is open, outlined. */
  selectedCountyCode?: string | null;
  attribution: string;
  ariaLabel: string;
  /** Pixels at the map's right edge hidden by a panel; a selected park is panned out from under it. */
  rightInsetPx?: number;
  /** Pixels at the map's left edge hidden by the park legend; a flight into a park keeps clear of both. */
  leftInsetPx?: number;
  /** Share of the map's height a bottom sheet covers (the panel at tablet width); flights keep above it. */
  bottomInsetShare?: number;
  /** Hover text for a picked object of a layer (map/park-tooltip.ts); null shows none. */
  describePick?: (layerId: string | undefined, object: unknown) => string | null;
  /** The selected park's parcels, buildings and land-use findings (park view). */
  parkLand?: ParkLandState | null;
  /** Which layers are on (default: all). */
  layerVisibility?: LayerVisibility;
  /** Tilt or rotate the map (the map tools). */
  viewCommand?: ViewCommand | null;
  /** Layers drawn above the map's own (the vacancy finder's buildings). */
  extraLayers?: readonly Layer[];
  /** Fit the map to an extent (a search hit, a building); a new `nonce` repeats it. */
  fitRequest?: FitRequest | null;
  /** The basemap under the layers (settings/basemap.ts); offline by default. */
  basemap?: BasemapChoice;
}

/** [west, south, east, north] in degrees, to fit with at most `maxZoom`. */
export interface FitRequest {
  bbox: [number, number, number, number];
  maxZoom: number;
  nonce: number;
  /** Pixels at the map's left edge hidden by a panel (the vacancy finder), kept clear of the extent. */
  leftInsetPx?: number;
}

interface MapHandles {
  map: maplibregl.Map;
  overlay: MapboxOverlay;
}

/** Longest press still taken as a click on a park, in ms. */
const CLICK_MAX_PRESS_MS = 1000;

/** Room kept between a selected park and the panel beside it, in px. */
const SELECTED_PARK_MARGIN_PX = 48;

/** Close enough that a park (1–7 km²) fills a good part of the map; used until the map has a size. */
const FOCUS_ZOOM = 12;
/** Deepest zoom a flight to a park goes to, and the room kept around the park, in px. */
const FOCUS_MAX_ZOOM = 16;
const FOCUS_PADDING_PX = 40;
/** Longest tilt MapLibre allows by default, in degrees. */
const MAX_PITCH_DEG = 60;

/** Zoom is tracked in half steps: enough for the layers' zoom thresholds, few re-renders. */
function zoomStep(map: maplibregl.Map): number {
  return Math.floor(map.getZoom() * 2) / 2;
}

/** The MapLibre map with the deck.gl layers interleaved into it. */
export function ParkMap({
  regions,
  rivers,
  parks,
  selectedCode,
  colorFor,
  highlightedCode = null,
  focusRequest = null,
  initialView = null,
  onViewChange,
  onSelectPark,
  onSelectCounty,
  selectedCountyCode = null,
  attribution,
  ariaLabel,
  rightInsetPx = 0,
  leftInsetPx = 0,
  bottomInsetShare = 0,
  describePick,
  parkLand = null,
  layerVisibility,
  viewCommand = null,
  extraLayers,
  fitRequest = null,
  basemap = OFFLINE_BASEMAP,
}: ParkMapProps) {
  const initialViewRef = useRef(initialView);
  const onViewChangeRef = useRef(onViewChange);
  const rightInsetRef = useRef(rightInsetPx);
  const leftInsetRef = useRef(leftInsetPx);
  const bottomShareRef = useRef(bottomInsetShare);
  const describePickRef = useRef(describePick);
  describePickRef.current = describePick;
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const onSelectRef = useRef(onSelectPark);
  const onSelectCountyRef = useRef(onSelectCounty);
  onSelectCountyRef.current = onSelectCounty;
  const countiesClickable = Boolean(onSelectCounty);
  const [handles, setHandles] = useState<MapHandles | null>(null);
  const [deckLoaded, setDeckLoaded] = useState(false);
  const [zoom, setZoom] = useState(0);

  useEffect(() => {
    onSelectRef.current = onSelectPark;
    onViewChangeRef.current = onViewChange;
    rightInsetRef.current = rightInsetPx;
    leftInsetRef.current = leftInsetPx;
    bottomShareRef.current = bottomInsetShare;
  }, [onSelectPark, onViewChange, rightInsetPx, leftInsetPx, bottomInsetShare]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const view = initialViewRef.current;
    const map = new maplibregl.Map({
      container,
      style: createOfflineStyle(),
      ...(view
        ? { center: [view.lon, view.lat] as [number, number], zoom: view.zoom, pitch: view.pitch ?? 0, bearing: view.bearing ?? 0 }
        : { bounds: ANKANG_BOUNDS, fitBoundsOptions: { padding: 24 } }),
      attributionControl: false,
      // Right-drag (or Ctrl-drag) turns and tilts the map, so extruded buildings can be seen in 3D.
      maxPitch: MAX_PITCH_DEG,
      minZoom: 6,
      maxZoom: 17,
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: true, visualizePitch: true }), 'bottom-right');
    map.addControl(new maplibregl.ScaleControl({ maxWidth: 120, unit: 'metric' }), 'bottom-right');
    mapRef.current = map;
    window.__muyield = { map, ready: false };

    const overlay = new MapboxOverlay({
      interleaved: true,
      layers: [],
      onLoad: () => setDeckLoaded(true),
      // Reached only when no layer handled the click: the click missed every park.
      onClick: (info: PickingInfo) => {
        if (!info.object) onSelectRef.current(null);
      },
      getCursor: ({ isDragging, isHovering }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab'),
      getTooltip: (info: PickingInfo) => (info.object ? (describePickRef.current?.(info.layer?.id, info.object) ?? null) : null),
      // deck.gl counts a press as a click only if it is released within `time` ms, measured after its
      // own picking on pointerdown; on software WebGL (VMs, remote desktops) that pick alone can take
      // 250–550 ms, which silently swallowed clicks at the default 250 ms.
      eventRecognizerOptions: { click: { time: CLICK_MAX_PRESS_MS } },
    });
    window.__muyield.overlay = overlay;
    const updateZoom = () => setZoom(zoomStep(map));
    map.on('zoom', updateZoom);
    map.on('moveend', () => {
      const center = map.getCenter();
      onViewChangeRef.current?.({ lon: center.lng, lat: center.lat, zoom: map.getZoom(), pitch: map.getPitch(), bearing: map.getBearing() });
    });
    map.once('load', () => {
      map.addControl(overlay);
      updateZoom();
      setHandles({ map, overlay });
    });

    return () => {
      setHandles(null);
      setDeckLoaded(false);
      mapRef.current = null;
      if (window.__muyield?.map === map) delete window.__muyield;
      map.remove();
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const control = new maplibregl.AttributionControl({ compact: false, customAttribution: attribution });
    map.addControl(control, 'bottom-right');
    return () => {
      if (mapRef.current === map) map.removeControl(control);
    };
  }, [attribution]);

  const parkPoints = useMemo(() => toParkPoints(parks), [parks]);
  const parkLabels = useMemo(() => toParkLabels(parkPoints), [parkPoints]);
  const countyLabels = useMemo(() => toCountyLabels(regions), [regions]);
  const layers = useMemo(
    () =>
      createMapLayers({
        regions,
        rivers,
        parks,
        parkPoints,
        countyLabels,
        parkLabels,
        selectedCode,
        highlightedCode,
        colorFor,
        zoom,
        onParkClick: (code) => onSelectRef.current(code),
        onCountyClick: countiesClickable ? (code) => onSelectCountyRef.current?.(code) : undefined,
        selectedCountyCode,
        parkLand,
        layerVisibility,
      }),
    [regions, rivers, parks, parkPoints, countyLabels, parkLabels, selectedCode, highlightedCode, colorFor, zoom, countiesClickable, selectedCountyCode, parkLand, layerVisibility],
  );

  // Fly once per request; the park's panel covers the right edge, so aim left of centre.
  const focusedNonceRef = useRef<number | null>(null);
  useEffect(() => {
    if (!handles || !focusRequest || focusedNonceRef.current === focusRequest.nonce) return;
    const point = parkPoints.find((p) => p.code === focusRequest.code);
    if (!point) return;
    focusedNonceRef.current = focusRequest.nonce;
    const { map } = handles;
    const park = parks.find((p) => p.properties.code === focusRequest.code);
    // The container, not the canvas: a panel that opens or closes with the park (the ranking hidden on a
    // laptop) has changed the layout already, while MapLibre resizes its canvas a moment later.
    const container = map.getContainer();
    const padding = 2 * FOCUS_PADDING_PX;
    const bottomPx = container.clientHeight * bottomShareRef.current;
    const fitZoom = park
      ? zoomToFit(
          computeBbox(park.geometry),
          container.clientWidth - rightInsetRef.current - leftInsetRef.current - padding,
          container.clientHeight - bottomPx - padding,
        )
      : null;
    map.flyTo({
      center: point.position,
      zoom: Math.max(map.getZoom(), Math.min(fitZoom ?? FOCUS_ZOOM, FOCUS_MAX_ZOOM)),
      offset: [(leftInsetRef.current - rightInsetRef.current) / 2, -bottomPx / 2],
    });
  }, [handles, focusRequest, parkPoints, parks]);

  const commandNonceRef = useRef<number | null>(null);
  useEffect(() => {
    if (!handles || !viewCommand || commandNonceRef.current === viewCommand.nonce) return;
    commandNonceRef.current = viewCommand.nonce;
    const { map } = handles;
    if (viewCommand.kind === 'tilt') map.easeTo({ pitch: viewCommand.pitch });
    else if (viewCommand.kind === 'rotate') map.easeTo({ bearing: map.getBearing() + viewCommand.degrees });
    else map.easeTo({ bearing: 0, pitch: 0 });
  }, [handles, viewCommand]);

  const online = isOnline(basemap);
  useEffect(() => {
    handles?.overlay.setProps({ layers: adaptLayersToBasemap([...layers, ...(extraLayers ?? [])], online) });
  }, [handles, layers, extraLayers, online]);

  // The offline style is left untouched until an online basemap is first chosen.
  const basemapAppliedRef = useRef(false);
  useEffect(() => {
    if (!handles || (!online && !basemapAppliedRef.current)) return;
    applyBasemap(handles.map, basemap);
    basemapAppliedRef.current = online;
  }, [handles, basemap, online]);

  const fittedNonceRef = useRef<number | null>(null);
  useEffect(() => {
    if (!handles || !fitRequest || fittedNonceRef.current === fitRequest.nonce) return;
    fittedNonceRef.current = fitRequest.nonce;
    const [west, south, east, north] = fitRequest.bbox;
    const bottom = 80 + handles.map.getContainer().clientHeight * bottomShareRef.current;
    const padding = { top: 80, bottom, left: 80 + (fitRequest.leftInsetPx ?? 0), right: 80 + rightInsetRef.current };
    handles.map.fitBounds([west, south, east, north], { padding, maxZoom: fitRequest.maxZoom });
  }, [handles, fitRequest]);

  useEffect(() => {
    if (!handles || !selectedCode || rightInsetPx <= 0) return;
    const point = parkPoints.find((p) => p.code === selectedCode);
    if (!point) return;
    const { map } = handles;
    // A flight to the park (above) already keeps it clear of the panel.
    if (map.isMoving()) return;
    const visibleRightPx = map.getCanvas().clientWidth - rightInsetPx - SELECTED_PARK_MARGIN_PX;
    const { x } = map.project(point.position);
    if (x > visibleRightPx) map.panBy([x - visibleRightPx, 0]);
  }, [handles, selectedCode, parkPoints, rightInsetPx]);

  // The browser test waits for `ready`: parks handed to deck.gl, deck initialised, and the map idle
  // (every pending frame drawn) after that.
  const hasParks = parks.length > 0;
  useEffect(() => {
    if (!handles || !deckLoaded || !hasParks) return;
    const { map } = handles;
    let cancelled = false;
    map.once('idle', () => {
      requestAnimationFrame(() => {
        const hook = window.__muyield;
        if (!cancelled && hook?.map === map) hook.ready = true;
      });
    });
    map.triggerRepaint();
    return () => {
      cancelled = true;
    };
  }, [handles, deckLoaded, hasParks]);

  return <div ref={containerRef} className="park-map" role="region" aria-label={ariaLabel} data-testid="park-map" />;
}
