// 同比 / 环比: the periods a dashboard's figures are compared with, and the change in basis points. Pure functions on
// 'YYYY-MM-DD' strings (shared/periods.ts arithmetic, UTC), so no time zone can move a day.
import type { ComparisonPeriods } from '../../../../shared/contract/analytics';
import { addDays, daysBetween, lastDayOfMonth, shiftYears } from '../../../../shared/periods';

export { shiftYears };
import { mulDivRound } from '../orders/amounts';

export interface DateRange {
  from: string;
  to: string;
}

type Kind = ComparisonPeriods['kind'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** month / quarter / year when the range is exactly one calendar month, quarter or year; otherwise 'days'. */
export function rangeKind(r: DateRange): Kind {
  const y = r.from.slice(0, 4);
  const m = Number(r.from.slice(5, 7));
  if (r.from.slice(8) !== '01') return 'days';
  if (r.from.slice(5) === '01-01' && r.to === `${y}-12-31`) return 'year';
  if (r.to === lastDayOfMonth(Number(y), m)) return 'month';
  if (m % 3 === 1 && r.to === lastDayOfMonth(Number(y), m + 2)) return 'quarter';
  return 'days';
}

/** The first day of the month `months` months from the month holding `date`. */
function monthStart(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}-01`;
}

/** 同比: the same dates one year earlier; a whole month, quarter or year maps to the whole one (Feb 2024 → Feb 2023). */
export function lastYearRange(r: DateRange): DateRange {
  const kind = rangeKind(r);
  if (kind === 'days') return { from: shiftYears(r.from, -1), to: shiftYears(r.to, -1) };
  const from = shiftYears(r.from, -1);
  return { from, to: wholeEnd(from, kind) };
}

function wholeEnd(from: string, kind: Exclude<Kind, 'days'>): string {
  const months = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
  return addDays(monthStart(from, months), -1);
}

/** 环比: the previous month / quarter / year, or the same number of days just before. */
export function previousRange(r: DateRange): DateRange {
  const kind = rangeKind(r);
  if (kind === 'days') {
    const days = daysBetween(r.from, r.to) + 1;
    return { from: addDays(r.from, -days), to: addDays(r.from, -1) };
  }
  const from = monthStart(r.from, kind === 'month' ? -1 : kind === 'quarter' ? -3 : -12);
  return { from, to: addDays(r.from, -1) };
}

export function comparisonPeriods(r: DateRange): ComparisonPeriods {
  return {
    kind: rangeKind(r),
    current: { from: r.from, to: r.to },
    lastYear: lastYearRange(r),
    previous: previousRange(r),
  };
}

/** The tracking period label ('2025', '2025-Q4', '2025-10') the range is exactly, or null. */
export function trackingLabel(r: DateRange): string | null {
  switch (rangeKind(r)) {
    case 'year':
      return r.from.slice(0, 4);
    case 'quarter':
      return `${r.from.slice(0, 4)}-Q${Math.ceil(Number(r.from.slice(5, 7)) / 3)}`;
    case 'month':
      return r.from.slice(0, 7);
    default:
      return null;
  }
}

/** (value − base) / |base| in bp, rounded half away from zero; null when the base is 0. */
export function changeBp(value: number, base: number): number | null {
  if (base === 0) return null;
  return mulDivRound(value - base, 10_000, Math.abs(base));
}

/** part / whole in bp; null when the whole is ≤ 0. */
export function shareBp(part: number, whole: number): number | null {
  return whole > 0 ? mulDivRound(part, 10_000, whole) : null;
}

/** A figure with its 同比 and 环比. */
export function compared(value: number, lastYear: number, previous: number) {
  return { value, lastYear, previous, yoyBp: changeBp(value, lastYear), momBp: changeBp(value, previous) };
}

/** The months a range touches, each clipped to it: [{ month: 'YYYY-MM', from, to }]. */
export function monthsOf(r: DateRange): Array<DateRange & { month: string }> {
  const out: Array<DateRange & { month: string }> = [];
  for (let start = monthStart(r.from, 0); start <= r.to; start = monthStart(start, 1)) {
    const end = addDays(monthStart(start, 1), -1);
    out.push({ month: start.slice(0, 7), from: start < r.from ? r.from : start, to: end > r.to ? r.to : end });
  }
  return out;
}
