// Periods of the 周计划 (a Monday, YYYY-MM-DD) and 月度总结 (YYYY-MM): today's, the one before or after, and the
// sections each form has.
export type WorkKind = 'weekly' | 'monthly';

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The Monday of the week of `date` (YYYY-MM-DD, local calendar). */
export function mondayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(y, m - 1, d);
  day.setDate(day.getDate() - ((day.getDay() + 6) % 7));
  return ymd(day);
}

export function addDaysLocal(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return ymd(new Date(y, m - 1, d + days));
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(y, m - 1 + n, 1);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}

export const currentPeriod = (kind: WorkKind, now = new Date()): string => (kind === 'weekly' ? mondayOf(ymd(now)) : ymd(now).slice(0, 7));

export const stepPeriod = (kind: WorkKind, period: string, n: number): string =>
  kind === 'weekly' ? addDaysLocal(period, 7 * n) : addMonths(period, n);

export const isPeriod = (kind: WorkKind, text: unknown): text is string =>
  typeof text === 'string' &&
  (kind === 'weekly' ? /^\d{4}-\d{2}-\d{2}$/.test(text) && mondayOf(text) === text : /^\d{4}-(0[1-9]|1[0-2])$/.test(text));

/** The text sections of each form: the contract field and its message key. */
export const sectionsOf = (kind: WorkKind): ReadonlyArray<{ key: string; label: string }> =>
  kind === 'weekly'
    ? [
        { key: 'review', label: 'work.review' },
        { key: 'goals', label: 'work.goals' },
        { key: 'actions', label: 'work.actions' },
        { key: 'keyPoints', label: 'work.keyPoints' },
      ]
    : [
        { key: 'achievements', label: 'work.achievements' },
        { key: 'problems', label: 'work.problems' },
        { key: 'keyPoints', label: 'work.monthKeyPoints' },
      ];
