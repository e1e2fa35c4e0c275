import { useCallback, useState } from 'react';
import type { FitRequest } from '../map/ParkMap';

/** Requests for the map to fit an extent; each call makes a new request, even for the same extent. */
export type FitTo = (bbox: [number, number, number, number], maxZoom: number) => void;

export function useFitRequest(): [FitRequest | null, FitTo] {
  const [request, setRequest] = useState<FitRequest | null>(null);
  const fitTo = useCallback(
    (bbox: [number, number, number, number], maxZoom: number) =>
      setRequest((previous) => ({ bbox, maxZoom, nonce: (previous?.nonce ?? 0) + 1 })),
    [],
  );
  return [request, fitTo];
}
