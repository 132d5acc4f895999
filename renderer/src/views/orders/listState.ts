// The sales-order list's filters, sort and page survive a trip to another screen and back.
import { reactive } from 'vue';
import type { OrderState } from '@shared/domain/money';
import { freshPeriod, periodFilters, type PeriodListState } from '../complaints/display';
import type { Input } from '@shared/contract';

type ListInput = Input<'orders.list'>;

export interface OrderListState extends PeriodListState<NonNullable<ListInput['sort']>> {
  dealerId: number | null;
  state: OrderState[];
  crossOnly: boolean;
}

export const freshOrderState = (): OrderListState => ({ ...freshPeriod(), dealerId: null, state: [], crossOnly: false });

export const orderListState = reactive<OrderListState>(freshOrderState());

/** The contract's filters for the current view (empty ones left out), without page and size. */
export function orderFilters(s: OrderListState): Omit<ListInput, 'page' | 'pageSize'> {
  const { search: _search, ...period } = periodFilters(s);
  return {
    ...period,
    ...(s.dealerId ? { dealerId: s.dealerId } : {}),
    ...(s.state.length ? { state: [...s.state] } : {}),
    ...(s.crossOnly ? { crossTerritory: true } : {}),
  };
}
