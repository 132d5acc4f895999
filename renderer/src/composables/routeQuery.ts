// A list opened from a link that carries its filters in the query (过程分析's and 异常预警's drill-downs): the query is
// applied when the list is created (before its first load) and whenever the kept-alive list is shown again with a
// different query; the same query again leaves whatever the user changed since.
import { onActivated } from 'vue';
import { useRoute, type LocationQuery } from 'vue-router';

/** `apply` sets the list's filters from the query and says whether it changed them (then the list reloads). */
export function useRouteQuery(apply: (query: LocationQuery) => boolean, reload: () => void): void {
  const route = useRoute();
  let seen = '';
  const run = () => {
    const key = JSON.stringify(route.query);
    if (key === seen) return false;
    seen = key;
    return apply(route.query);
  };
  run();
  onActivated(() => {
    if (run()) reload();
  });
}

/** A positive id in the query, else null. */
export const queryId = (v: unknown): number | null => (typeof v === 'string' && /^[1-9]\d*$/.test(v) ? Number(v) : null);

/** A YYYY-MM-DD date in the query, else null. */
export const queryDate = (v: unknown): string | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);

/** ?from=&to= as an ordered range when both are dates, else null. */
export function queryRange(q: LocationQuery): [string, string] | null {
  const from = queryDate(q.from);
  const to = queryDate(q.to);
  if (!from || !to) return null;
  return from <= to ? [from, to] : [to, from];
}
