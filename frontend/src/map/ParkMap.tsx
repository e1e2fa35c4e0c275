import type { Layer, PickingInfo } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import maplibregl from 'maplibre-gl';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ParkFeature, RegionFeature, RiverFeature } from '../api/types';
import type { MapView } from '../city/url-state';
import { adaptLayersToBasemap, applyBasemap } from '../settings/apply-basemap';
import { BASEMAP_ID_PREFIX, type BasemapChoice, isOnline, OFFLINE_BASEMAP } from '../settings/basemap';
import { isUnreachable, NEW_TILE_HEALTH, recordTile } from '../settings/tile-health';
import type { LayerVisibility } from '../city/park-view-state';
import { computeBbox, freeInsets, type Insets, isInsideFree, NO_INSETS, panIntoFree } from './fit-zoom';
import { createMapLayers, type ParkLandState } from './map-layers';
import { ANKANG_BOUNDS, createOfflineStyle } from './offline-style';
import { toCountyLabels, toParkLabels, toParkPoints } from './park-points';
import './map-frame.css';
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
  /**
   * What is shown around the map's free part, each in its own place (map-frame.css): the map tools, the
   * vacancy finder and the legends on the left; the park, details or enterprise panel on the right (a
   * sheet at the bottom at tablet width); loading and error notices above the free part. The map frames
   * what it flies to in the free part, and keeps a selected park there.
   */
  overlays?: MapOverlays;
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
  /** The online basemap's tiles fail (settings/tile-health.ts): the caller falls back to the offline map. */
  onBasemapUnreachable?: () => void;
}

/** [west, south, east, north] in degrees, to fit with at most `maxZoom`. */
export interface FitRequest {
  bbox: [number, number, number, number];
  maxZoom: number;
  nonce: number;
}

export interface MapOverlays {
  left?: ReactNode;
  right?: ReactNode;
  notices?: ReactNode;
}

interface MapHandles {
  map: maplibregl.Map;
  overlay: MapboxOverlay;
}

/** Longest press still taken as a click on a park, in ms. */
const CLICK_MAX_PRESS_MS = 1000;

/** Room kept between a selected park's centre and the panels around the free part, in px. */
const SELECTED_PARK_MARGIN_PX = 48;

/** Close enough that a park (1–7 km²) fills a good part of the map; used when the free part is too small to fit in. */
const FOCUS_ZOOM = 12;
/** Deepest zoom a flight to a park goes to, and the room kept around the park, in px. */
const FOCUS_MAX_ZOOM = 16;
const FOCUS_PADDING_PX = 40;
/** Room around the city when it is fitted to the free part, and around a requested extent, in px. */
const CITY_PADDING_PX = 12;
const FIT_PADDING_PX = 60;
/** A free part narrower or lower than this (px) frames nothing: the flight only centres. */
const MIN_FREE_PX = 80;
/** Longest tilt MapLibre allows by default, in degrees. */
const MAX_PITCH_DEG = 60;

/** Zoom is tracked in half steps: enough for the layers' zoom thresholds, few re-renders. */
function zoomStep(map: maplibregl.Map): number {
  return Math.floor(map.getZoom() * 2) / 2;
}

/** An extent the map keeps framed in its free part, with room around it (px) and a deepest zoom. */
interface Framing {
  bbox: [number, number, number, number];
  paddingPx: number;
  maxZoom?: number;
}

/** Where the map must be to frame the extent in its free part; null when the free part is too small. */
function cameraFor(map: maplibregl.Map, framing: Framing, measureInsets: (marginPx: number) => Insets) {
  const padding = measureInsets(framing.paddingPx);
  const { clientWidth, clientHeight } = map.getContainer();
  if (clientWidth - padding.left - padding.right < MIN_FREE_PX || clientHeight - padding.top - padding.bottom < MIN_FREE_PX) return null;
  // An undefined maxZoom would override MapLibre's default and make the zoom NaN.
  const camera = map.cameraForBounds(framing.bbox, { padding, maxZoom: framing.maxZoom ?? map.getMaxZoom(), bearing: map.getBearing() });
  if (!camera?.center || camera.zoom === undefined) return null;
  return { center: maplibregl.LngLat.convert(camera.center), zoom: camera.zoom, bearing: map.getBearing() };
}

/** More than a pixel or a hundredth of a zoom step away. */
function cameraDiffers(map: maplibregl.Map, camera: { center: maplibregl.LngLat; zoom: number }): boolean {
  return Math.abs(camera.zoom - map.getZoom()) > 0.01 || map.project(camera.center).dist(map.project(map.getCenter())) > 1;
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
  overlays,
  describePick,
  parkLand = null,
  layerVisibility,
  viewCommand = null,
  extraLayers,
  fitRequest = null,
  basemap = OFFLINE_BASEMAP,
  onBasemapUnreachable,
}: ParkMapProps) {
  const initialViewRef = useRef(initialView);
  const onViewChangeRef = useRef(onViewChange);
  const describePickRef = useRef(describePick);
  describePickRef.current = describePick;
  const containerRef = useRef<HTMLDivElement>(null);
  const freeRef = useRef<HTMLDivElement>(null);
  const navRef = useRef<HTMLDivElement>(null);
  const footerRef = useRef<HTMLDivElement>(null);
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
  }, [onSelectPark, onViewChange]);

  /** The map's edges hidden by the panels and controls around the free part, plus a margin (px). */
  const measureInsets = useCallback((marginPx = 0): Insets => {
    const container = containerRef.current;
    const free = freeRef.current;
    if (!container || !free) return NO_INSETS;
    return freeInsets(container.getBoundingClientRect(), free.getBoundingClientRect(), marginPx);
  }, []);
  /**
   * What the map frames in its free part until someone moves it: the city, a park flown to, or a requested
   * extent. While it lasts, a change of the panels around the free part frames it again; after a move the
   * map stays where it was put.
   */
  const framedRef = useRef<Framing | null>(initialView ? null : { bbox: ANKANG_BOUNDS, paddingPx: CITY_PADDING_PX });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const view = initialViewRef.current;
    const map = new maplibregl.Map({
      container,
      style: createOfflineStyle(),
      ...(view
        ? { center: [view.lon, view.lat] as [number, number], zoom: view.zoom, pitch: view.pitch ?? 0, bearing: view.bearing ?? 0 }
        : { bounds: ANKANG_BOUNDS, fitBoundsOptions: { padding: measureInsets(CITY_PADDING_PX) } }),
      attributionControl: false,
      // Right-drag (or Ctrl-drag) turns and tilts the map, so extruded buildings can be seen in 3D.
      maxPitch: MAX_PITCH_DEG,
      minZoom: 6,
      maxZoom: 17,
    });
    // The controls sit in their own places beside the free part (navRef, footerRef), not over the map.
    const controls = [
      [new maplibregl.NavigationControl({ showCompass: true, visualizePitch: true }), navRef.current],
      [new maplibregl.ScaleControl({ maxWidth: 120, unit: 'metric' }), footerRef.current],
    ] as const;
    for (const [control, place] of controls) place?.append(control.onAdd(map));
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
    // A move someone makes (drag, wheel, the zoom buttons) carries their event; our own flights do not.
    map.on('movestart', (event) => {
      if ((event as { originalEvent?: unknown }).originalEvent) framedRef.current = null;
    });
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
      for (const [control] of controls) control.onRemove();
      map.remove();
    };
  }, [measureInsets]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const control = new maplibregl.AttributionControl({ compact: false, customAttribution: attribution });
    footerRef.current?.append(control.onAdd(map));
    return () => {
      if (mapRef.current === map) control.onRemove();
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

  // Fly once per request, framing the park in the free part. The panels that open with the park (and the
  // ranking folded away beside the map) are laid out already; MapLibre learns its new size first.
  const focusedNonceRef = useRef<number | null>(null);
  useEffect(() => {
    if (!handles || !focusRequest || focusedNonceRef.current === focusRequest.nonce) return;
    const point = parkPoints.find((p) => p.code === focusRequest.code);
    if (!point) return;
    focusedNonceRef.current = focusRequest.nonce;
    const { map } = handles;
    map.resize();
    const park = parks.find((p) => p.properties.code === focusRequest.code);
    const framing: Framing | null = park ? { bbox: computeBbox(park.geometry), paddingPx: FOCUS_PADDING_PX, maxZoom: FOCUS_MAX_ZOOM } : null;
    framedRef.current = framing;
    const camera = framing && cameraFor(map, framing, measureInsets);
    if (camera) {
      map.flyTo(camera);
    } else {
      const insets = measureInsets();
      map.flyTo({
        center: point.position,
        zoom: Math.max(map.getZoom(), FOCUS_ZOOM),
        offset: [(insets.left - insets.right) / 2, (insets.top - insets.bottom) / 2],
      });
    }
  }, [handles, focusRequest, parkPoints, parks, measureInsets]);

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

  // An online basemap whose tiles all fail (a wrong key, no network) is reported, not left grey.
  const onBasemapUnreachableRef = useRef(onBasemapUnreachable);
  onBasemapUnreachableRef.current = onBasemapUnreachable;
  useEffect(() => {
    if (!handles || !online) return;
    const { map } = handles;
    let health = NEW_TILE_HEALTH;
    let reported = false;
    const record = (event: { sourceId?: string; tile?: unknown }, ok: boolean) => {
      if (reported || !event.tile || !event.sourceId?.startsWith(BASEMAP_ID_PREFIX)) return;
      health = recordTile(health, ok);
      if (isUnreachable(health)) {
        reported = true;
        onBasemapUnreachableRef.current?.();
      }
    };
    const onError = (event: maplibregl.ErrorEvent & { sourceId?: string; tile?: unknown }) => record(event, false);
    const onData = (event: maplibregl.MapSourceDataEvent) => record(event, true);
    map.on('error', onError);
    map.on('sourcedata', onData);
    return () => {
      map.off('error', onError);
      map.off('sourcedata', onData);
    };
  }, [handles, basemap, online]);

  const fittedNonceRef = useRef<number | null>(null);
  useEffect(() => {
    if (!handles || !fitRequest || fittedNonceRef.current === fitRequest.nonce) return;
    fittedNonceRef.current = fitRequest.nonce;
    const framing: Framing = { bbox: fitRequest.bbox, paddingPx: FIT_PADDING_PX, maxZoom: fitRequest.maxZoom };
    framedRef.current = framing;
    handles.map.resize();
    const camera = cameraFor(handles.map, framing, measureInsets);
    if (camera) handles.map.flyTo(camera);
    else handles.map.fitBounds(fitRequest.bbox, { maxZoom: fitRequest.maxZoom });
  }, [handles, fitRequest, measureInsets]);

  // When the panels around the free part change (a park opens, its data arrives, the finder, a notice):
  // what is framed is framed again, once any flight has ended; after a move of someone's own, a selected
  // park that has gone under a panel is brought just back into the free part.
  const selectedCodeRef = useRef(selectedCode);
  selectedCodeRef.current = selectedCode;
  useEffect(() => {
    const free = freeRef.current;
    if (!handles || !free) return;
    const { map } = handles;
    let waiting = false;
    const keepInView = () => {
      map.resize();
      if (map.isMoving()) {
        if (!waiting) {
          waiting = true;
          map.once('moveend', () => {
            waiting = false;
            keepInView();
          });
        }
        return;
      }
      const framing = framedRef.current;
      if (framing) {
        const camera = cameraFor(map, framing, measureInsets);
        if (camera && cameraDiffers(map, camera)) map.easeTo({ ...camera, duration: 300 });
        return;
      }
      const point = parkPoints.find((p) => p.code === selectedCodeRef.current);
      if (!point) return;
      const { clientWidth, clientHeight } = map.getContainer();
      const insets = measureInsets(SELECTED_PARK_MARGIN_PX);
      const projected = map.project(point.position);
      const at: [number, number] = [projected.x, projected.y];
      if (!isInsideFree(at, clientWidth, clientHeight, insets)) map.panBy(panIntoFree(at, clientWidth, clientHeight, insets));
    };
    const observer = new ResizeObserver(keepInView);
    observer.observe(free);
    return () => observer.disconnect();
  }, [handles, parkPoints, measureInsets]);

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

  return (
    <>
      <div ref={containerRef} className="park-map" role="region" aria-label={ariaLabel} data-testid="park-map" />
      <div className="map-overlays" data-testid="map-overlays">
        <div className="overlay-left">{overlays?.left}</div>
        <div className="overlay-centre">
          <div className="map-notices">{overlays?.notices}</div>
          <div ref={freeRef} className="map-free" data-testid="map-free" />
          <div ref={footerRef} className="map-footer" />
        </div>
        <div className="overlay-right">
          {overlays?.right}
          <div ref={navRef} className="map-nav" />
        </div>
      </div>
    </>
  );
}
