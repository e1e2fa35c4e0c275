/**
 * The bundle's fields (shared/BUNDLE.md, format 1) as data: one spec per file, one parser per type.
 */
export type FieldType = 'text' | 'code' | 'number' | 'integer' | 'date' | 'boolean' | 'list' | { oneOf: readonly string[] };

export interface FieldSpec {
  name: string;
  type: FieldType;
  required?: boolean;
  /** Number must be ≥ 0. */
  nonNegative?: boolean;
  /** Number must be > 0. */
  positive?: boolean;
}

export const LAND_USES = ['industrial', 'warehouse', 'commercial', 'public', 'other'] as const;
export const PARK_LEVELS = ['national', 'provincial', 'county'] as const;
export const BUILDING_KINDS = ['standard_factory', 'factory', 'warehouse', 'office', 'other'] as const;
export const UNIT_STATUSES = ['vacant', 'leased', 'reserved'] as const;
export const ENTERPRISE_STATUSES = ['operating', 'half_halted', 'halted', 'closed'] as const;
export const HOLDER_ROLES = ['owner', 'tenant'] as const;
export const IDLE_CAUSES = ['enterprise', 'government'] as const;

export const FILE_SPECS = {
  regions: [
    { name: 'code', type: 'code', required: true },
    { name: 'name', type: 'text', required: true },
    // The prefecture-level city the county belongs to (GB/T 2260), beyond the shared format.
    { name: 'city_code', type: 'code' },
    { name: 'city_name', type: 'text' },
  ],
  parks: [
    { name: 'code', type: 'code', required: true },
    { name: 'name', type: 'text', required: true },
    { name: 'region_code', type: 'code' },
    { name: 'level', type: { oneOf: PARK_LEVELS } },
    { name: 'leading_industries', type: 'list' },
    { name: 'approved_area_mu', type: 'number', positive: true },
    { name: 'illustrative', type: 'boolean' },
  ],
  parcels: [
    { name: 'code', type: 'code', required: true },
    { name: 'park_code', type: 'code', required: true },
    { name: 'land_use', type: { oneOf: LAND_USES } },
    { name: 'supplied_on', type: 'date' },
    { name: 'agreed_start_on', type: 'date' },
    { name: 'agreed_completion_on', type: 'date' },
    { name: 'started_on', type: 'date' },
    { name: 'completed_on', type: 'date' },
    { name: 'work_stopped_on', type: 'date' },
    { name: 'developed_area_sqm', type: 'number', nonNegative: true },
    { name: 'planned_investment_yuan', type: 'number', nonNegative: true },
    { name: 'invested_yuan', type: 'number', nonNegative: true },
    { name: 'land_price_yuan', type: 'number', nonNegative: true },
    { name: 'idle_cause', type: { oneOf: IDLE_CAUSES } },
    { name: 'target_tax_wan_yuan_per_mu', type: 'number', nonNegative: true },
    { name: 'target_investment_wan_yuan_per_mu', type: 'number', nonNegative: true },
    { name: 'target_plot_ratio', type: 'number', nonNegative: true },
    { name: 'illustrative', type: 'boolean' },
  ],
  buildings: [
    { name: 'code', type: 'code', required: true },
    { name: 'park_code', type: 'code', required: true },
    { name: 'parcel_code', type: 'code' },
    { name: 'kind', type: { oneOf: BUILDING_KINDS }, required: true },
    { name: 'floors', type: 'integer', required: true, positive: true },
    { name: 'floor_area_sqm', type: 'number', required: true, positive: true },
    { name: 'height_m', type: 'number', positive: true },
    { name: 'completed_on', type: 'date' },
    { name: 'illustrative', type: 'boolean' },
  ],
  units: [
    { name: 'code', type: 'code', required: true },
    { name: 'building_code', type: 'code', required: true },
    { name: 'floor', type: 'integer', required: true },
    { name: 'area_sqm', type: 'number', required: true, positive: true },
    { name: 'status', type: { oneOf: UNIT_STATUSES }, required: true },
    { name: 'tenant_uscc', type: 'code' },
    { name: 'lease_start_on', type: 'date' },
    { name: 'lease_end_on', type: 'date' },
    { name: 'rent_yuan_per_sqm_month', type: 'number', nonNegative: true },
    { name: 'ceiling_height_m', type: 'number', positive: true },
    { name: 'floor_load_kn_per_sqm', type: 'number', positive: true },
  ],
  enterprises: [
    { name: 'uscc', type: 'code', required: true },
    { name: 'name', type: 'text', required: true },
    { name: 'industry_code', type: 'code' },
    { name: 'above_scale', type: 'boolean' },
    { name: 'status', type: { oneOf: ENTERPRISE_STATUSES } },
    { name: 'status_since', type: 'date' },
    { name: 'registered_on', type: 'date' },
  ],
  land_rights: [
    { name: 'uscc', type: 'code', required: true },
    { name: 'parcel_code', type: 'code', required: true },
    { name: 'role', type: { oneOf: HOLDER_ROLES }, required: true },
    { name: 'leased_floor_area_sqm', type: 'number', nonNegative: true },
  ],
  indicators: [
    { name: 'uscc', type: 'code', required: true },
    { name: 'year', type: 'integer', required: true },
    { name: 'output_yuan', type: 'number' },
    { name: 'revenue_yuan', type: 'number' },
    { name: 'value_added_yuan', type: 'number' },
    // tax may be negative after VAT refunds (DOMAIN.md §2)
    { name: 'tax_yuan', type: 'number' },
    { name: 'energy_tce', type: 'number', nonNegative: true },
    { name: 'emissions_t', type: 'number', nonNegative: true },
    { name: 'electricity_kwh', type: 'number', nonNegative: true },
    { name: 'employees', type: 'integer', nonNegative: true },
    { name: 'rd_yuan', type: 'number', nonNegative: true },
  ],
} as const satisfies Record<string, readonly FieldSpec[]>;

export type LayerName = keyof typeof FILE_SPECS;

/** The layers a bundle carries as GeoJSON (with shapes), and those it carries as CSV tables. */
export const GEO_LAYERS = ['regions', 'parks', 'parcels', 'buildings'] as const satisfies readonly LayerName[];
export const TABLE_LAYERS = ['units', 'enterprises', 'land_rights', 'indicators'] as const satisfies readonly LayerName[];

/**
 * Every field of a layer as the upsert SQL names them, 'geometry' standing for the shape and the area
 * measured from it: what a bundle writes on a row that exists (a single-file import writes those it maps).
 */
export function allFields(layer: LayerName): string[] {
  const names = FILE_SPECS[layer].map((s) => s.name);
  return (GEO_LAYERS as readonly LayerName[]).includes(layer) ? [...names, 'geometry'] : names;
}
import { problemDetail, type ProblemDetail } from './problems.js';

export type FieldValue = string | number | boolean | string[] | null;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const TRUE_WORDS = new Set(['true', '是', '1', 'TRUE', 'True', 'yes']);
const FALSE_WORDS = new Set(['false', '否', '0', 'FALSE', 'False', 'no']);
const MAX_TEXT_CHARS = 1000;

/**
 * Parse one raw value (a CSV cell or a GeoJSON property) by its spec. Empty means missing (null).
 * Returns the value or an error message.
 */
export function parseField(spec: FieldSpec, raw: unknown): { value: FieldValue } | { error: string; detail: ProblemDetail } {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    return spec.required ? { error: 'is required', detail: problemDetail('required', {}) } : { value: null };
  }
  const type = spec.type;
  if (typeof type === 'object') {
    const text = String(raw).trim();
    return type.oneOf.includes(text) ? { value: text } : { error: `"${text}" is not one of ${type.oneOf.join(', ')}`, detail: problemDetail('notOneOf', { field: spec.name, value: text, allowed: [...type.oneOf] }) };
  }
  switch (type) {
    case 'text':
    case 'code': {
      if (typeof raw !== 'string' && typeof raw !== 'number') return { error: `expected text, got ${typeof raw}`, detail: problemDetail('notText', { valueType: typeof raw }) };
      const text = String(raw).trim();
      // PostgreSQL's text cannot hold U+0000 (COPY and JSON refuse it): refused here, with the row and field
      if (text.includes('\0')) return { error: 'holds a NUL character (U+0000), which the database cannot store: remove it', detail: problemDetail('nulCharacter', {}) };
      if (text.length > MAX_TEXT_CHARS) return { error: `is ${text.length} characters long; at most ${MAX_TEXT_CHARS}`, detail: problemDetail('textTooLong', { lengthChars: text.length, maxChars: MAX_TEXT_CHARS }) };
      if (type === 'code' && /\s/.test(text)) return { error: `"${text}" contains white space`, detail: problemDetail('codeHasWhiteSpace', { value: text }) };
      return { value: text };
    }
    case 'list': {
      if (Array.isArray(raw)) return { value: raw.map((x) => String(x).trim()).filter(Boolean) };
      return { value: String(raw).split(/[、,，;；]/).map((x) => x.trim()).filter(Boolean) };
    }
    case 'number':
    case 'integer': {
      // A number the file typed is taken as it is: the text's round trip (String, then Number) gives the
      // same number (0 for -0) and took 3× as long (1.4 million numbers: ~90 ms, now ~25 ms).
      if (typeof raw === 'number' && Number.isFinite(raw)) return checkNumber(spec, type, raw === 0 ? 0 : raw, raw);
      const text = String(raw).trim();
      if (typeof raw !== 'number' && !NUMBER.test(text)) return { error: `"${text}" is not a number`, detail: problemDetail('notNumber', { value: text }) };
      const n = Number(text);
      if (!Number.isFinite(n)) return { error: `"${text}" is not a finite number`, detail: problemDetail('notFiniteNumber', { value: text }) };
      return checkNumber(spec, type, n, text);
    }
    case 'date': {
      const text = String(raw).trim();
      if (!hasDateForm(text)) return { error: `"${text}" is not a date in the form YYYY-MM-DD`, detail: problemDetail('notDate', { value: text }) };
      if (!isCalendarDate(digitsValue(text, 0, 4), digitsValue(text, 5, 7), digitsValue(text, 8, 10))) return { error: `"${text}" is not a calendar date`, detail: problemDetail('notCalendarDate', { value: text }) };
      return { value: text };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      const text = String(raw).trim();
      if (TRUE_WORDS.has(text)) return { value: true };
      if (FALSE_WORDS.has(text)) return { value: false };
      return { error: `"${text}" is not true/false (是/否, 1/0)`, detail: problemDetail('notBoolean', { value: text }) };
    }
  }
}

/** A finite number against the field's type and sign; `given` is the value as shown in a problem. */
function checkNumber(spec: FieldSpec, type: 'number' | 'integer', n: number, given: string | number): { value: number } | { error: string; detail: ProblemDetail } {
  if (type === 'integer' && !Number.isInteger(n)) return { error: `"${given}" is not a whole number`, detail: problemDetail('notWholeNumber', { value: String(given) }) };
  if (spec.positive && !(n > 0)) return { error: `${given} must be greater than 0`, detail: problemDetail('notPositive', { value: String(given) }) };
  if (spec.nonNegative && n < 0) return { error: `${given} must not be negative`, detail: problemDetail('negative', { value: String(given) }) };
  return { value: n };
}

/**
 * Whether the text has a date's form, YYYY-MM-DD in ASCII digits, as /^\d{4}-\d{2}-\d{2}$/ says (the
 * calendar is checked apart). Read by character codes: with that regex's match and a Date per value, the
 * 1.2 million dates of 200 000 parcels took 0.5 s; this way, 0.2 s.
 */
export function hasDateForm(text: string): boolean {
  return text.length === 10 && text[4] === '-' && text[7] === '-'
    && !Number.isNaN(digitsValue(text, 0, 4) + digitsValue(text, 5, 7) + digitsValue(text, 8, 10));
}

/** The number the ASCII digits text[start, end) write, or NaN when one of them is not a digit (or missing). */
function digitsValue(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (!(digit >= 0 && digit <= 9)) return NaN;
    n = n * 10 + digit;
  }
  return n;
}

/** Whether the day exists in that month, as Date.UTC reads the year (0–99 as 1900–1999). */
function isCalendarDate(year: number, month: number, day: number): boolean {
  // every month has days 1 to 28: only a later day needs the calendar
  if (month >= 1 && month <= 12 && day >= 1 && day <= 28) return true;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
