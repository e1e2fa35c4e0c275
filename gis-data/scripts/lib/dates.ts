// Calendar dates as 'YYYY-MM-DD' strings in UTC, so nothing depends on the machine's clock or zone.

const MS_PER_DAY = 86_400_000;

function toUtcMs(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + Math.round(days) * MS_PER_DAY);
}

export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + Math.round(months), 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return fromUtcMs(target.getTime());
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY);
}

/** A day drawn uniformly from [from, to] using the given uniform number in [0, 1). */
export function dateBetween(from: string, to: string, uniform: number): string {
  return addDays(from, Math.floor(uniform * (daysBetween(from, to) + 1)));
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
