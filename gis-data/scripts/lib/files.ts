// Serialisers whose output is stable byte for byte and readable in a diff (one feature per line).
import type { Feature, Geometry } from 'geojson';

export type CsvValue = string | number | boolean | null | undefined;
export type CsvRow = Record<string, CsvValue>;

function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: readonly CsvRow[]): string {
  const lines = [columns.join(','), ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(','))];
  return lines.join('\n') + '\n';
}

/** Drops null/undefined properties so optional fields are absent rather than null. */
export function compactProperties(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== null && v !== undefined));
}

export function toFeatureCollectionText(
  header: Record<string, unknown>,
  features: ReadonlyArray<Feature<Geometry | null>>,
): string {
  const head = JSON.stringify({ ...header, type: 'FeatureCollection' }).slice(0, -1);
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  return `${head},"features":[\n${body}\n]}\n`;
}
