// Small display helpers shared by the complaint, market-feedback and expense screens.
import type { HandleStatus, Urgency } from '@shared/domain/feedback';

/** Today in the office's calendar, YYYY-MM-DD. */
export function todayYmd(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** sd-tag colour of an urgency: 特急 red, 紧急 orange, 一般 plain. */
export const urgencyTag = (u: Urgency) => ({ critical: 'danger', urgent: 'warning', normal: 'info' })[u];

/** sd-tag colour of a status: open waits (orange), handled is done (green). */
export const statusTag = (s: HandleStatus) => (s === 'handled' ? 'success' : 'warning');

/** What every 过程管理 list state holds besides its own choices. */
export interface PeriodListState<Sort> {
  search: string;
  range: [string, string] | null;
  repId: number | null;
  customerId: number | null;
  sort: Sort | undefined;
  page: number;
  pageSize: number;
}

/** The shared filters of a list state as contract input: search, from / to, rep, customer, sort (empty ones left out). */
export function periodFilters<Sort extends object>(s: PeriodListState<Sort>) {
  const [from, to] = s.range ?? [];
  return {
    ...(s.search.trim() ? { search: s.search.trim() } : {}),
    ...(from && to ? { from, to } : {}),
    ...(s.repId ? { repId: s.repId } : {}),
    ...(s.customerId ? { customerId: s.customerId } : {}),
    ...(s.sort ? { sort: { ...s.sort } } : {}),
  };
}

/** A fresh list state's shared part: nothing chosen, first page of 50. */
export const freshPeriod = () => ({
  search: '',
  range: null,
  repId: null,
  customerId: null,
  sort: undefined,
  page: 1,
  pageSize: 50,
});
