// What the aging screen keeps between visits besides its address: the search, sort and page (the address holds the
// as-of date, the grouping and the filters).
import { reactive } from 'vue';
import type { LocationQueryValue } from 'vue-router';

export interface AgingView {
  search: string;
  sort: { field: 'name' | 'totalFen' | 'overdueFen' | 'notDueFen'; order: 'asc' | 'desc' } | undefined;
  page: number;
  pageSize: number;
}

export const freshAgingView = (): AgingView => ({ search: '', sort: undefined, page: 1, pageSize: 50 });

export const agingView = reactive<AgingView>(freshAgingView());

type QueryValue = LocationQueryValue | LocationQueryValue[] | undefined;

/** A query value as text ('' when absent). */
export function queryText(v: QueryValue): string {
  const one = Array.isArray(v) ? v[0] : v;
  return typeof one === 'string' ? one : '';
}

/** A query value as a positive id, or null. */
export function queryId(v: QueryValue): number | null {
  const n = Number(queryText(v));
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
