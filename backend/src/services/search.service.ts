import type { SearchKind, SearchRepository, SearchRow } from '../repositories/search.repository.js';

export interface SearchQuery {
  q: string;
  limit?: number;
}

/** Rows given when the query does not say. */
export const DEFAULT_SEARCH_LIMIT = 10;

export interface SearchResult {
  kind: SearchKind;
  code: string;
  name: string;
  parkCode: string | null;
  parkName: string | null;
  /** [west, south, east, north] in degrees, for a map to fit; null without geometry. */
  bbox: [number, number, number, number] | null;
  /** The extent's centre in degrees [lon, lat]; null without geometry. */
  point: [number, number] | null;
}

function toSearchResult(r: SearchRow): SearchResult {
  const hasExtent = r.west != null && r.south != null && r.east != null && r.north != null;
  return {
    kind: r.kind,
    code: r.code,
    name: r.name,
    parkCode: r.park_code,
    parkName: r.park_name,
    bbox: hasExtent ? [r.west!, r.south!, r.east!, r.north!] : null,
    point: hasExtent ? [(r.west! + r.east!) / 2, (r.south! + r.north!) / 2] : null,
  };
}

export function createSearchService(repo: SearchRepository) {
  return {
    /** Parks by name or code, parcels by code, enterprises by name or USCC; exact and prefix matches first. */
    async search(query: SearchQuery): Promise<{ query: string; results: SearchResult[] }> {
      const text = query.q.trim();
      if (text === '') return { query: text, results: [] };
      const rows = await repo.search(text, query.limit ?? DEFAULT_SEARCH_LIMIT);
      return { query: text, results: rows.map(toSearchResult) };
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;
