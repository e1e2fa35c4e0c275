/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings, in UTC, with no time of day.
 *
 * Adding months or years keeps the day of the month; when that day does not exist in the target month
 * (31 January + 1 month, 29 February + 1 year) the result is the first day of the following month:
 * 2024-02-29 + 1 year = 2025-03-01. A period of "N full years from D" is complete on D + N years
 * (2024-03-01 + 1 year = 2025-03-01 counts), as the idle-land rules are read here (DOMAIN.md §4).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function toUtcMs(date: string): number {
  if (!isIsoDate(date)) throw new Error(`"${date}" is not a YYYY-MM-DD date`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The same day of the month N months later, or the first of the next month when that day does not exist. */
export function addMonths(date: string, months: number): string {
  toUtcMs(date);
  const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))];
  const target = new Date(Date.UTC(y, m + months, 1));
  const daysInTarget = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  if (d <= daysInTarget) return fromUtcMs(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), d));
  return fromUtcMs(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 1));
}

/** N calendar years later; 29 February goes to 1 March in a non-leap year. */
export function addYears(date: string, years: number): string {
  return addMonths(date, 12 * years);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY);
}

/** ISO dates compare as strings; this also checks both are dates. */
export function isOnOrBefore(a: string, b: string): boolean {
  toUtcMs(a);
  toUtcMs(b);
  return a <= b;
}

/** True when `asOf` is at least N full years after `from` (on the anniversary counts). */
export function hasFullYearsElapsed(from: string, asOf: string, years: number): boolean {
  return isOnOrBefore(addYears(from, years), asOf);
}
