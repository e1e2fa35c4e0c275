// The print sheet's address: ?print=building:CODE&park=PARK, served by the same SPA. Pure.

export interface PrintRequest {
  buildingCode: string;
  parkCode: string | null;
}

export function parsePrintRequest(search: string): PrintRequest | null {
  const params = new URLSearchParams(search);
  const match = /^building:(.+)$/.exec(params.get('print') ?? '');
  if (!match) return null;
  return { buildingCode: match[1], parkCode: params.get('park') || null };
}

export function toPrintHref(buildingCode: string, parkCode: string): string {
  const params = new URLSearchParams({ print: `building:${buildingCode}`, park: parkCode });
  return `?${params.toString().replace('%3A', ':')}`;
}
