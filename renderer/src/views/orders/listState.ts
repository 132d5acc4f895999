// The sales-order list's filters, sort and page survive a trip to another screen and back.
import { reactive } from 'vue';
import type { LocationQuery } from 'vue-router';
import { orderStates, type OrderState } from '@shared/domain/money';
import { channelTypes, type ChannelType } from '@shared/domain/dealer';
import { queryId, queryRange } from '@/composables/routeQuery';
import { freshPeriod, periodFilters, type PeriodListState } from '../complaints/display';
import type { Input } from '@shared/contract';

type ListInput = Input<'orders.list'>;

export interface OrderListState extends PeriodListState<NonNullable<ListInput['sort']>> {
  dealerId: number | null;
  state: OrderState[];
  crossOnly: boolean;
  /** from a dashboard's drill-down (?regionId=&teamId=&channelType=&productCategoryId=), shown as tags */
  regionId: number | null;
  teamId: number | null;
  channelType: ChannelType | null;
  productCategoryId: number | null;
  /** opened from a dashboard: the list says how its total relates to the dashboard's sales */
  fromDashboard: boolean;
}

export const freshOrderState = (): OrderListState => ({
  ...freshPeriod(),
  dealerId: null,
  state: [],
  crossOnly: false,
  regionId: null,
  teamId: null,
  channelType: null,
  productCategoryId: null,
  fromDashboard: false,
});

export const orderListState = reactive<OrderListState>(freshOrderState());

/** The contract's filters for the current view (empty ones left out), without page and size. */
export function orderFilters(s: OrderListState): Omit<ListInput, 'page' | 'pageSize'> {
  const { search: _search, ...period } = periodFilters(s);
  return {
    ...period,
    ...(s.dealerId ? { dealerId: s.dealerId } : {}),
    ...(s.state.length ? { state: [...s.state] } : {}),
    ...(s.crossOnly ? { crossTerritory: true } : {}),
    ...(s.regionId ? { regionId: s.regionId } : {}),
    ...(s.teamId ? { teamId: s.teamId } : {}),
    ...(s.channelType ? { channelType: s.channelType } : {}),
    ...(s.productCategoryId ? { productCategoryId: s.productCategoryId } : {}),
  };
}

/** The standing orders only (posted and 红冲 rows): what the dashboards' links ask for. */
export const standingOnly = (state: readonly OrderState[]) => state.length === 2 && state.includes('posted') && state.includes('reversed');

/**
 * A dashboard's link (?from=&to=&state=posted,reversed&repId=&dealerId=&regionId=&teamId=&channelType=&productCategoryId=)
 * as a fresh view of the list; null when the query names no filter at all.
 */
export function orderStateFromQuery(q: LocationQuery): Partial<OrderListState> | null {
  const ids = {
    repId: queryId(q.repId),
    dealerId: queryId(q.dealerId),
    customerId: queryId(q.customerId),
    regionId: queryId(q.regionId),
    teamId: queryId(q.teamId),
    productCategoryId: queryId(q.productCategoryId),
  };
  const channelType =
    typeof q.channelType === 'string' && (channelTypes as readonly string[]).includes(q.channelType)
      ? (q.channelType as ChannelType)
      : null;
  const state = (typeof q.state === 'string' ? q.state.split(',') : []).filter((x): x is OrderState =>
    (orderStates as readonly string[]).includes(x),
  );
  const range = queryRange(q);
  if (!range && !channelType && !state.length && Object.values(ids).every((v) => v === null)) return null;
  return { ...ids, channelType, state, range, fromDashboard: standingOnly(state) };
}
