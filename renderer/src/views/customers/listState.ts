// The customer list's filters, sort and page survive a trip to a detail page and back.
import { reactive } from 'vue';
import type { Input } from '@shared/contract';

type ListInput = Input<'customers.list'>;

export interface CustomerListState {
  search: string;
  regionId: number | null;
  repId: number | null;
  dealerId: number | null;
  /** The picked dealer's name, so the picker can show it again after a trip to a detail page. */
  dealerLabel: string;
  grade: NonNullable<ListInput['grade']>;
  lifecycle: NonNullable<ListInput['lifecycle']>;
  type: NonNullable<ListInput['type']>;
  tag: string;
  archived: NonNullable<ListInput['archived']>;
  sort: ListInput['sort'];
  page: number;
  pageSize: number;
}

export const freshState = (): CustomerListState => ({
  search: '',
  regionId: null,
  repId: null,
  dealerId: null,
  dealerLabel: '',
  grade: [],
  lifecycle: [],
  type: [],
  tag: '',
  archived: 'active',
  sort: undefined,
  page: 1,
  pageSize: 50,
});

export const customerListState = reactive<CustomerListState>(freshState());

/** The contract input for the current view (empty filters are left out). */
export function toListInput(s: CustomerListState): ListInput {
  return {
    page: s.page,
    pageSize: s.pageSize,
    archived: s.archived,
    ...(s.search.trim() ? { search: s.search.trim() } : {}),
    ...(s.regionId ? { regionId: s.regionId } : {}),
    ...(s.repId ? { repId: s.repId } : {}),
    ...(s.dealerId ? { dealerId: s.dealerId } : {}),
    ...(s.grade.length ? { grade: [...s.grade] } : {}),
    ...(s.lifecycle.length ? { lifecycle: [...s.lifecycle] } : {}),
    ...(s.type.length ? { type: [...s.type] } : {}),
    ...(s.tag ? { tag: s.tag } : {}),
    ...(s.sort ? { sort: { ...s.sort } } : {}),
  };
}
