// Calendar dates the money screens offer as quick picks, as YYYY-MM-DD in the office's calendar (pure, testable).
import { todayYmd } from '../complaints/display';

export { todayYmd };

const ymd = (d: Date) => todayYmd(d);

/** The last day of the month before `today`'s. */
export function lastMonthEnd(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return ymd(new Date(y, m - 1, 0));
}

/** The same day a month earlier, or the month's last day when it has no such day (03-31 → 02-28). */
export function monthAgo(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const last = new Date(y, m - 1, 0).getDate();
  return ymd(new Date(y, m - 2, Math.min(d, last)));
}

/** [first, last] day of the month `offset` months from `today`'s (0: this month, -1: last month). */
export function monthRange(today: string, offset = 0): [string, string] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return [ymd(new Date(y, m - 1 + offset, 1)), ymd(new Date(y, m + offset, 0))];
}

/** [first day of the quarter, its last day] of `today`. */
export function quarterRange(today: string): [string, string] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) * 3;
  return [ymd(new Date(y, q, 1)), ymd(new Date(y, q + 3, 0))];
}

/** [Jan 1, Dec 31] of `today`'s year. */
export function yearRange(today: string): [string, string] {
  const y = today.slice(0, 4);
  return [`${y}-01-01`, `${y}-12-31`];
}
