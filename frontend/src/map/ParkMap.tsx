import type { Layer, PickingInfo } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import maplibregl from 'maplibre-gl';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ParkFeature, RegionFeature, RiverFeature } from '../api/types';
import type { MapView } from '../city/url-state';
import { adaptLayersToBasemap, applyBasemap } from '../settings/apply-basemap';
import { type BasemapChoice, isOnline, OFFLINE_BASEMAP } from '../settings/basemap';
import { createMapLayers } from './map-layers';
import { ANKANG_BOUNDS, createOfflineStyle } from './offline-style';
import { toCountyLabels, toParkLabels, toParkPoints } from './park-points';
import './test-hook';
import type { Rgb } from './tiers';

/** A request to fly to a park; a new `nonce` repeats the flight to the same park. */
export interface FocusRequest {
  code: string;
  nonce: number;
}

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
  /** A park's code when one is clicked, null when the map is clicked elsewhere. */
  onSelectPark: (parkCode: string | null) => void;
  attribution: string;
  ariaLabel: string;
  /** Pixels at the map's right edge hidden by a panel; a selected park is panned out from under it. */
  rightInsetPx?: number;
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

/** Close enough that a park (1–7 km²) fills a good part of the map. */
const FOCUS_ZOOM = 12;

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
  attribution,
  ariaLabel,
  rightInsetPx = 0,
  extraLayers,
  fitRequest = null,
  basemap = OFFLINE_BASEMAP,
}: ParkMapProps) {
  const initialViewRef = useRef(initialView);
  const onViewChangeRef = useRef(onViewChange);
  const rightInsetRef = useRef(rightInsetPx);
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const onSelectRef = useRef(onSelectPark);
  const [handles, setHandles] = useState<MapHandles | null>(null);
  const [deckLoaded, setDeckLoaded] = useState(false);
  const [zoom, setZoom] = useState(0);

  useEffect(() => {
    onSelectRef.current = onSelectPark;
    onViewChangeRef.current = onViewChange;
    rightInsetRef.current = rightInsetPx;
  }, [onSelectPark, onViewChange, rightInsetPx]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const view = initialViewRef.current;
    const map = new maplibregl.Map({
      container,
      style: createOfflineStyle(),
      ...(view
        ? { center: [view.lon, view.lat] as [number, number], zoom: view.zoom }
        : { bounds: ANKANG_BOUNDS, fitBoundsOptions: { padding: 24 } }),
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      minZoom: 6,
      maxZoom: 17,
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'bottom-right');
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
      onViewChangeRef.current?.({ lon: center.lng, lat: center.lat, zoom: map.getZoom() });
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
      }),
    [regions, rivers, parks, parkPoints, countyLabels, parkLabels, selectedCode, highlightedCode, colorFor, zoom],
  );

  // Fly once per request; the park's panel covers the right edge, so aim left of centre.
  const focusedNonceRef = useRef<number | null>(null);
  useEffect(() => {
    if (!handles || !focusRequest || focusedNonceRef.current === focusRequest.nonce) return;
    const point = parkPoints.find((p) => p.code === focusRequest.code);
    if (!point) return;
    focusedNonceRef.current = focusRequest.nonce;
    handles.map.flyTo({
      center: point.position,
      zoom: Math.max(handles.map.getZoom(), FOCUS_ZOOM),
      offset: [-rightInsetRef.current / 2, 0],
    });
  }, [handles, focusRequest, parkPoints]);

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
    const padding = { top: 80, bottom: 80, left: 80 + (fitRequest.leftInsetPx ?? 0), right: 80 + rightInsetRef.current };
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
