// 总览 / 销售分析 drill-downs: the order or collection list behind a card or bar, on the dashboard's period and filters
// (those lists take every filter, attributed as the analytics are); the aging report only when it can show the figure.
import type { RouteLocationRaw } from 'vue-router';
import type { ChannelType } from '@shared/domain/dealer';
import { filtersOf, periodOf, type DashboardChoice } from './analyticsState';

/** A bar's own filter on top of the dashboard's. */
export interface DrillPatch {
  regionId?: number;
  teamId?: number;
  repId?: number;
  dealerId?: number;
  channelType?: ChannelType;
  productCategoryId?: number;
}

const asQuery = (o: object) =>
  Object.fromEntries(
    Object.entries(o)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => [k, String(v)]),
  );

/** The standing orders (posted and 红冲 rows; drafts count nowhere) of the period under the filters and the bar's own. */
export function ordersLink(c: DashboardChoice, patch: DrillPatch = {}, period = periodOf(c)): RouteLocationRaw {
  return { path: '/orders', query: asQuery({ ...period, state: 'posted,reversed', ...filtersOf(c), ...patch }) };
}

/** The period's collections under the filters; null under a product category (a collection has no product). */
export function collectionsLink(c: DashboardChoice): RouteLocationRaw | null {
  const f = filtersOf(c) ?? {};
  if (f.productCategoryId !== undefined) return null;
  return { path: '/collections', query: asQuery({ ...periodOf(c), ...f }) };
}

/** Whether the aging report can show the receivables under these filters (it takes region, rep and dealer only). */
export function agingShowsFilters(c: DashboardChoice): boolean {
  const f = filtersOf(c) ?? {};
  return f.teamId === undefined && f.channelType === undefined && f.productCategoryId === undefined;
}
