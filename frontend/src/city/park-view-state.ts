// The park view's shareable state: what is selected inside a park (a parcel, a building and one of
// its units, or an enterprise), which layers are on and what colours the parcels. Pure: query
// parameters in, state out; url-state.ts puts them into the city view's query string.
//   ?park=G612150&parcel=610902…GB00002&layers=parcels,buildings&parcelBy=grade

export type DetailSelection =
  | { kind: 'parcel'; code: string }
  | { kind: 'building'; code: string; unit?: string | null }
  | { kind: 'enterprise'; code: string };

export type LayerId = 'parcels' | 'buildings' | 'landUse' | 'counties';
export const LAYER_IDS: readonly LayerId[] = ['parcels', 'buildings', 'landUse', 'counties'];
export type LayerVisibility = Readonly<Record<LayerId, boolean>>;
export const ALL_LAYERS_ON: LayerVisibility = { parcels: true, buildings: true, landUse: true, counties: true };

/** What colours a park's parcels: their main holder's grade, or their per-mu tax or output (万元/亩). */
export type ParcelColourBy = 'grade' | 'taxWanYuanPerMu' | 'outputWanYuanPerMu';
export const PARCEL_COLOUR_BY_OPTIONS: readonly ParcelColourBy[] = ['grade', 'taxWanYuanPerMu', 'outputWanYuanPerMu'];
export const DEFAULT_PARCEL_COLOUR_BY: ParcelColourBy = 'grade';

/** Codes are letters, digits and a few separators; anything else is ignored rather than trusted. */
const CODE_PATTERN = /^[\w.\-]{1,64}$/;
const validCode = (value: string | null) => (value !== null && CODE_PATTERN.test(value) ? value : null);

export function parseSelection(params: URLSearchParams): DetailSelection | null {
  const parcel = validCode(params.get('parcel'));
  if (parcel) return { kind: 'parcel', code: parcel };
  const building = validCode(params.get('building'));
  if (building) return { kind: 'building', code: building, unit: validCode(params.get('unit')) };
  const enterprise = validCode(params.get('enterprise'));
  if (enterprise) return { kind: 'enterprise', code: enterprise };
  return null;
}

export function writeSelection(params: URLSearchParams, selection: DetailSelection | null): void {
  if (!selection) return;
  params.set(selection.kind, selection.code);
  if (selection.kind === 'building' && selection.unit) params.set('unit', selection.unit);
}

/** `layers=parcels,buildings` lists the layers that are on; absent means all. */
export function parseLayers(text: string | null): LayerVisibility {
  if (text === null) return ALL_LAYERS_ON;
  const on = new Set(text.split(',').filter(Boolean));
  return Object.fromEntries(LAYER_IDS.map((id) => [id, on.has(id)])) as Record<LayerId, boolean>;
}

export function writeLayers(params: URLSearchParams, layers: LayerVisibility): void {
  if (LAYER_IDS.every((id) => layers[id])) return;
  params.set('layers', LAYER_IDS.filter((id) => layers[id]).join(','));
}

export function parseParcelColourBy(text: string | null): ParcelColourBy {
  return PARCEL_COLOUR_BY_OPTIONS.find((option) => option === text) ?? DEFAULT_PARCEL_COLOUR_BY;
}

export function sameSelection(a: DetailSelection | null, b: DetailSelection | null): boolean {
  if (a === null || b === null) return a === b;
  return a.kind === b.kind && a.code === b.code && (a.kind !== 'building' || (a.unit ?? null) === ((b as typeof a).unit ?? null));
}
