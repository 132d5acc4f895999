// Target periods: a year `YYYY`, quarter `YYYY-Qn`, month `YYYY-MM`, ISO week `YYYY-Www` or day `YYYY-MM-DD`, each a
// closed date range. Pure date arithmetic on 'YYYY-MM-DD' strings in UTC, so no time zone can move a day.

export const periodKinds = ['year', 'quarter', 'month', 'week', 'day'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export interface Period {
  label: string;
  kind: PeriodKind;
  /** first day, inclusive */
  from: string;
  /** last day, inclusive */
  to: string;
}

const DAY_MS = 86_400_000;

export function ymd(d: Date): string {
  return d.toISOString().slice(0, 10);
}
function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
export function addDays(date: string, days: number): string {
  return ymd(new Date(utc(date).getTime() + days * DAY_MS));
}
/** Whole days from `from` to `to` (to − from). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to).getTime() - utc(from).getTime()) / DAY_MS);
}
/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = utc(date).getUTCDay();
  return d === 0 ? 7 : d;
}
export function lastDayOfMonth(year: number, month: number): string {
  return ymd(new Date(Date.UTC(year, month, 0)));
}
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Monday of ISO week 1 of `isoYear` (the week holding 4 January). */
function isoWeekOneMonday(isoYear: number): string {
  const jan4 = `${pad(isoYear, 4)}-01-04`;
  return addDays(jan4, 1 - isoWeekday(jan4));
}
export function isoWeeksInYear(isoYear: number): number {
  return daysBetween(isoWeekOneMonday(isoYear), isoWeekOneMonday(isoYear + 1)) / 7;
}
/** The ISO week label `YYYY-Www` a day belongs to (its ISO year may differ from the calendar year). */
export function isoWeekLabel(date: string): string {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const isoYear = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(isoWeekOneMonday(isoYear), thursday) / 7) + 1;
  return `${pad(isoYear, 4)}-W${pad(week)}`;
}

const patterns: Array<[PeriodKind, RegExp]> = [
  ['year', /^(\d{4})$/],
  ['quarter', /^(\d{4})-Q(\d)$/],
  ['month', /^(\d{4})-(\d{2})$/],
  ['week', /^(\d{4})-W(\d{2})$/],
  ['day', /^(\d{4})-(\d{2})-(\d{2})$/],
];

/** A period from its label, or null when the label names no real period (2025-13, 2025-Q5, 2025-W54, 2025-02-30). */
export function parsePeriod(label: string): Period | null {
  for (const [kind, re] of patterns) {
    const m = re.exec(label);
    if (!m) continue;
    const year = Number(m[1]);
    if (year < 1900 || year > 2999) return null;
    const n = Number(m[2]);
    switch (kind) {
      case 'year':
        return { label, kind, from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
      case 'quarter':
        if (n < 1 || n > 4) return null;
        return { label, kind, from: `${m[1]}-${pad(n * 3 - 2)}-01`, to: lastDayOfMonth(year, n * 3) };
      case 'month':
        if (n < 1 || n > 12) return null;
        return { label, kind, from: `${m[1]}-${m[2]}-01`, to: lastDayOfMonth(year, n) };
      case 'week': {
        if (n < 1 || n > isoWeeksInYear(year)) return null;
        const from = addDays(isoWeekOneMonday(year), (n - 1) * 7);
        return { label, kind, from, to: addDays(from, 6) };
      }
      case 'day': {
        if (n < 1 || n > 12) return null;
        const day = Number(m[3]);
        if (day < 1 || `${m[1]}-${m[2]}-${m[3]}` > lastDayOfMonth(year, n)) return null;
        return { label, kind, from: label, to: label };
      }
    }
  }
  return null;
}

const finer: Record<PeriodKind, PeriodKind | null> = { year: 'quarter', quarter: 'month', month: 'week', week: 'day', day: null };

/** The next finer kind a period decomposes into by default (year → quarter → month → week → day). */
export function finerKind(kind: PeriodKind): PeriodKind | null {
  return finer[kind];
}

/**
 * The periods of `kind` that make up `parent`, each clipped to the parent's range: a week that crosses a month end
 * appears in both months, each part with only its own days (same label, different from/to).
 */
export function childPeriods(parent: Pick<Period, 'from' | 'to' | 'kind'>, kind: PeriodKind): Period[] {
  if (periodKinds.indexOf(kind) <= periodKinds.indexOf(parent.kind)) return [];
  const out: Period[] = [];
  let cursor = parent.from;
  while (cursor <= parent.to) {
    const whole = parsePeriod(labelOf(cursor, kind))!;
    const to = whole.to < parent.to ? whole.to : parent.to;
    out.push({ label: whole.label, kind, from: cursor, to });
    cursor = addDays(to, 1);
  }
  return out;
}

/** The label of the period of `kind` that holds `date`. */
export function labelOf(date: string, kind: PeriodKind): string {
  const y = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  switch (kind) {
    case 'year':
      return y;
    case 'quarter':
      return `${y}-Q${Math.ceil(month / 3)}`;
    case 'month':
      return date.slice(0, 7);
    case 'week':
      return isoWeekLabel(date);
    case 'day':
      return date;
  }
}

/** The same period one year earlier (for last year's shape and share); weeks map to the same ISO week number. */
export function previousYear(period: Period): Period {
  const y = Number(period.label.slice(0, 4)) - 1;
  const label = `${pad(y, 4)}${period.label.slice(4)}`;
  const whole = parsePeriod(label) ?? parsePeriod(`${pad(y, 4)}-W${pad(isoWeeksInYear(y))}`)!;
  if (period.kind !== 'week' && period.kind !== 'day') return whole;
  return { ...whole, from: shiftYears(period.from, -1), to: shiftYears(period.to, -1) };
}
/** The same date `years` years away; 29 February falls on the 28th in a common year. */
export function shiftYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  const candidate = `${pad(y, 4)}-${md}`;
  return md === '02-29' && !parsePeriod(candidate) ? `${pad(y, 4)}-02-28` : candidate;
}
