import type { FeatureCollection } from 'geojson';
import maplibregl, { type GeoJSONSource } from 'maplibre-gl';
import { useEffect, useMemo, useRef } from 'react';
import type { CrsCandidate } from '../api/import-types';
import { boundsOfCandidates, candidatesToGeoJson } from './import-helpers';
import { CANDIDATE_SOURCE_ID, createCrsPreviewStyle } from './crs-preview-style';

export interface CrsPreviewMapProps {
  candidates: readonly CrsCandidate[];
  selectedCrs?: string;
  /** Outlines for orientation (the counties), lon/lat */
  reference: FeatureCollection | null;
  label: string;
}

/** A small map of where the data would lie under each candidate CRS. */
export function CrsPreviewMap({ candidates, selectedCrs, reference, label }: CrsPreviewMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const data = useMemo(() => candidatesToGeoJson(candidates, selectedCrs), [candidates, selectedCrs]);
  const bounds = useMemo(() => boundsOfCandidates(candidates), [candidates]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = new maplibregl.Map({
      container,
      style: createCrsPreviewStyle(data, reference),
      ...(bounds ? { bounds, fitBoundsOptions: { padding: 24, maxZoom: 14 } } : { center: [108.9, 32.7] as [number, number], zoom: 6 }),
      attributionControl: false,
      dragRotate: false,
    });
    mapRef.current = map;
    return () => {
      mapRef.current = null;
      map.remove();
    };
    // The map is made once; later changes go through setData and fitBounds below.
  }, []);

  useEffect(() => {
    const source = mapRef.current?.getSource(CANDIDATE_SOURCE_ID) as GeoJSONSource | undefined;
    source?.setData(data);
  }, [data]);

  useEffect(() => {
    if (bounds && mapRef.current?.loaded()) mapRef.current.fitBounds(bounds, { padding: 24, maxZoom: 14, duration: 0 });
  }, [bounds]);

  return <div ref={containerRef} className="crs-preview-map" role="img" aria-label={label} data-testid="crs-preview-map" />;
}
