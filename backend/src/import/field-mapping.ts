import crypto from 'node:crypto';
import { FILE_SPECS, hasDateForm, type FieldSpec } from '../bundle/fields.js';
import { problemDetail, type BundleProblem, type ProblemDetail } from '../bundle/problems.js';
import { SQM_PER_MU, YUAN_PER_WAN_YUAN, YUAN_PER_YI_YUAN } from '../domain/units.js';
import synonyms from './synonyms.json';

export const IMPORT_LAYERS = ['parks', 'parcels', 'buildings', 'units', 'enterprises', 'land_rights', 'indicators'] as const;
export type ImportLayer = (typeof IMPORT_LAYERS)[number];
export const GEOMETRY_LAYERS: readonly ImportLayer[] = ['parks', 'parcels', 'buildings'];

/** Units a source column may be in; converted to the unit in the field's name (m², 元, 亩). */
export const SOURCE_UNITS = ['sqm', 'mu', 'hectare', 'sqkm', 'yuan', 'wan_yuan', 'yi_yuan'] as const;
export type SourceUnit = (typeof SOURCE_UNITS)[number];

const AREA_SQM: Partial<Record<SourceUnit, number>> = { sqm: 1, mu: SQM_PER_MU, hectare: 10_000, sqkm: 1_000_000 };
const MONEY_YUAN: Partial<Record<SourceUnit, number>> = { yuan: 1, wan_yuan: YUAN_PER_WAN_YUAN, yi_yuan: YUAN_PER_YI_YUAN };

export interface ColumnMapping {
  column: string;
  /** The column's unit when it differs from the field's (e.g. 万元 into `output_yuan`) */
  unit?: SourceUnit;
}
/** Bundle field → source column */
export type FieldMapping = Record<string, ColumnMapping>;

// made once: applyMapping asks on every row
const TARGET_FIELDS = Object.fromEntries(IMPORT_LAYERS.map((layer) => {
  const specs: readonly FieldSpec[] = FILE_SPECS[layer];
  return [layer, layer === 'parcels' ? [...specs, { name: 'declared_area_sqm', type: 'number', positive: true }] : specs];
})) as Record<ImportLayer, readonly FieldSpec[]>;

/**
 * Fields a layer's rows can fill: the bundle's (shared/BUNDLE.md) and, for parcels, the area the source
 * declares, checked against the geometry's and not stored.
 */
export function targetFields(layer: ImportLayer): readonly FieldSpec[] {
  return TARGET_FIELDS[layer];
}

/** '用地面积（亩）' → '用地面积', 'Parcel_Code ' → 'parcelcode' */
export function normalizeHeader(header: string): string {
  const bare = header.toLowerCase().replace(/[(（[【].*?[)）\]】]/g, '').replace(/[\s_\-.:：/]/g, '');
  // a unit written straight after the name, as DBF's 10-byte names force: 面积亩, 产值万元
  const unitless = bare.replace(/(平方米|公顷|亩|亿元|万元|元|m2|㎡)$/, '');
  return unitless === '' || bare.endsWith('亩均') ? bare : unitless;
}

/** The unit a column header names, e.g. 面积(亩) → mu, 产值（万元） → wan_yuan. */
export function unitOfHeader(header: string): SourceUnit | undefined {
  const h = header.toLowerCase();
  if (/亿元/.test(h)) return 'yi_yuan';
  // Our own English exports say "10k yuan" and "mu" (export/value-words.ts UNIT_EN).
  if (/万元|10k yuan/.test(h)) return 'wan_yuan';
  if (/平方公里|平方千米|km²|km2/.test(h)) return 'sqkm';
  if (/公顷|hm²|hm2|\(ha\)|（ha）|_ha$/.test(h)) return 'hectare';
  if ((/亩/.test(h) && !/亩均/.test(h)) || /\(mu\)/.test(h)) return 'mu';
  if (/平方米|m²|㎡|\(m2\)|（m2）|_m2$|_sqm$/.test(h)) return 'sqm';
  if (/元/.test(h) && !/元\/|元每/.test(h)) return 'yuan';
  return undefined;
}

/** The unit of a field, from its name (`_sqm`, `_mu`, `_yuan`); per-unit figures are not converted. */
export function unitOfField(field: string): SourceUnit | undefined {
  if (/_per_/.test(field)) return undefined;
  if (field.endsWith('_sqm')) return 'sqm';
  if (field.endsWith('_mu')) return 'mu';
  if (field.endsWith('_wan_yuan')) return 'wan_yuan';
  if (field.endsWith('_yuan')) return 'yuan';
  return undefined;
}

const FIELD_SYNONYMS = synonyms.fields as Record<ImportLayer, Record<string, string[]>>;
const VALUE_WORDS = synonyms.values as Record<string, Record<string, string>>;

/** A mapping from the synonyms table: each field takes the first column whose name means it. */
export function suggestMapping(layer: ImportLayer, columns: string[]): FieldMapping {
  const mapping: FieldMapping = {};
  const used = new Set<string>();
  const normalized = columns.map((c) => ({ column: c, key: normalizeHeader(c) }));
  for (const spec of targetFields(layer)) {
    const names = (FIELD_SYNONYMS[layer][spec.name] ?? [spec.name]).map(normalizeHeader);
    // the earlier a synonym in the list, the better it is: '宗地号' before a bare '编号'
    for (const name of names) {
      const match = normalized.find((c) => c.key === name && !used.has(c.column));
      if (!match) continue;
      used.add(match.column);
      const sourceUnit = unitOfHeader(match.column);
      const fieldUnit = unitOfField(spec.name);
      mapping[spec.name] = sourceUnit && fieldUnit && sourceUnit !== fieldUnit ? { column: match.column, unit: sourceUnit } : { column: match.column };
      break;
    }
  }
  return mapping;
}

/** Identifies a kind of source file by its columns, whatever their order: sha-256 of the sorted names. */
export function sourceSignature(columns: string[]): string {
  return crypto.createHash('sha256').update([...columns].sort().join('\n')).digest('hex').slice(0, 32);
}

/** Problems with the mapping itself: unknown fields or columns, wrong units, a required field left out. */
export function checkMapping(layer: ImportLayer, mapping: FieldMapping, columns: string[], file: string): BundleProblem[] {
  const problems: BundleProblem[] = [];
  const specs = targetFields(layer);
  const fail = (field: string, message: string, detail?: ProblemDetail) => problems.push({ severity: 'error', file, field, message, ...detail });
  for (const [field, m] of Object.entries(mapping)) {
    if (!specs.some((s) => s.name === field)) {
      fail(field, `is not a field of ${layer}; its fields are ${specs.map((s) => s.name).join(', ')}`);
      continue;
    }
    if (!m || typeof m.column !== 'string' || !columns.includes(m.column)) {
      fail(field, `is mapped to the column "${m?.column}", which the file does not have (columns: ${columns.join(', ')})`, problemDetail('mappedColumnMissing', { column: String(m?.column), columns }));
      continue;
    }
    if (m.unit !== undefined) {
      const fieldUnit = unitOfField(field);
      const sameKind = fieldUnit && ((m.unit in AREA_SQM && fieldUnit in AREA_SQM) || (m.unit in MONEY_YUAN && fieldUnit in MONEY_YUAN));
      if (!SOURCE_UNITS.includes(m.unit)) fail(field, `unit "${m.unit}" is not one of ${SOURCE_UNITS.join(', ')}`);
      else if (!sameKind) fail(field, `cannot be converted from ${m.unit}: the field is ${fieldUnit ?? 'not an area or amount of money'}`);
    }
  }
  for (const spec of specs) {
    if (spec.required && !mapping[spec.name]) {
      fail(spec.name, `is required but no column maps to it (columns: ${columns.join(', ') || 'none'}); name a column for it in the mapping`, problemDetail('requiredNotMapped', { columns }));
    }
  }
  return problems;
}

const FORMULA_START = /^[=@\t\r]|^[+-](?![\d.])/;
// FORMULA_START is tried only on a text that starts with one of these
const FORMULA_FIRST_CHARS = new Set([...'=@+-\t\r'].map((c) => c.charCodeAt(0)));
const MOJIBAKE = /\uFFFD|锟斤拷|烫烫烫/;
const DATE_PARTS = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * One source record → the bundle field values it means (still raw, for `parseField`): units converted,
 * Chinese value words translated, dates normalised. Refuses what would be dangerous or wrong to keep:
 * spreadsheet formulas (formula injection) and text damaged by a wrong encoding.
 */
export function applyMapping(
  layer: ImportLayer,
  mapping: FieldMapping,
  properties: Record<string, unknown>,
): { raw: Record<string, unknown>; errors: { field: string; message: string; detail: ProblemDetail }[] } {
  const raw: Record<string, unknown> = {};
  const errors: { field: string; message: string; detail: ProblemDetail }[] = [];
  for (const spec of targetFields(layer)) {
    const m = mapping[spec.name];
    if (!m) continue;
    let value = properties[m.column];
    if (typeof value === 'string') {
      value = value.trim();
      const text = value as string;
      if (FORMULA_FIRST_CHARS.has(text.charCodeAt(0)) && FORMULA_START.test(text)) {
        errors.push({ field: spec.name, message: `"${text.slice(0, 40)}" looks like a spreadsheet formula; refused (formula injection): enter the value itself`, detail: problemDetail('formulaInjection', { value: text.slice(0, 40) }) });
        continue;
      }
      if (MOJIBAKE.test(text)) {
        errors.push({ field: spec.name, message: `"${text.slice(0, 40)}" holds damaged characters (� or 锟斤拷): GBK text was read as UTF-8 before the file was saved; export it again from the original`, detail: problemDetail('damagedText', { value: text.slice(0, 40) }) });
        continue;
      }
      if ((spec.type === 'number' || spec.type === 'integer') && GROUPED_NUMBER.test(text)) value = text.replace(/,/g, '');
      // a date in the bundle's form already is kept as it is (the same string), not rebuilt
      if (spec.type === 'date' && !hasDateForm(text)) {
        const d = DATE_PARTS.exec(text);
        if (d) value = `${d[1]}-${d[2].padStart(2, '0')}-${d[3].padStart(2, '0')}`;
      }
      if (typeof spec.type === 'object') {
        const words = VALUE_WORDS[spec.name] ?? {};
        const translated = words[text] ?? (spec.type.oneOf.includes(text.toLowerCase()) ? text.toLowerCase() : undefined);
        if (translated && spec.type.oneOf.includes(translated)) value = translated;
      }
    }
    if (m.unit && value !== null && value !== undefined && value !== '') {
      const n = Number(value);
      const fieldUnit = unitOfField(spec.name)!;
      const factor = (AREA_SQM[m.unit] ?? MONEY_YUAN[m.unit]!) / (AREA_SQM[fieldUnit] ?? MONEY_YUAN[fieldUnit]!);
      if (Number.isFinite(n)) value = roundTo(n * factor, 6);
    }
    raw[spec.name] = value;
  }
  return { raw, errors };
}

function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}
