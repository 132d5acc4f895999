// The dealer list's filters, sort and page survive a trip to a detail page and back.
import { reactive } from 'vue';
import type { Input } from '@shared/contract';

type ListInput = Input<'dealers.list'>;

export interface DealerListState {
  search: string;
  channelType: NonNullable<ListInput['channelType']>;
  status: NonNullable<ListInput['status']>;
  tier: NonNullable<ListInput['tier']>;
  regionId: number | null;
  repId: number | null;
  expiringOnly: boolean;
  sort: ListInput['sort'];
  page: number;
  pageSize: number;
}

export const freshState = (): DealerListState => ({
  search: '',
  channelType: [],
  status: [],
  tier: [],
  regionId: null,
  repId: null,
  expiringOnly: false,
  sort: undefined,
  page: 1,
  pageSize: 50,
});

export const dealerListState = reactive<DealerListState>(freshState());

/** The contract input for the current view (empty filters are left out). */
export function toListInput(s: DealerListState): ListInput {
  return {
    page: s.page,
    pageSize: s.pageSize,
    expiringOnly: s.expiringOnly,
    ...(s.search.trim() ? { search: s.search.trim() } : {}),
    ...(s.channelType.length ? { channelType: [...s.channelType] } : {}),
    ...(s.status.length ? { status: [...s.status] } : {}),
    ...(s.tier.length ? { tier: [...s.tier] } : {}),
    ...(s.regionId ? { regionId: s.regionId } : {}),
    ...(s.repId ? { repId: s.repId } : {}),
    ...(s.sort ? { sort: { ...s.sort } } : {}),
  };
}
