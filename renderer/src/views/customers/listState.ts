// The customer list's filters, sort and page survive a trip to a detail page and back.
import { reactive } from 'vue';
import type { LocationQueryValue } from 'vue-router';
import type { Input } from '@shared/contract';
import { customerGrades, customerTypes, lifecycles } from '@shared/domain/customer';

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

type Query = Record<string, LocationQueryValue | LocationQueryValue[] | undefined>;

const listOf = (v: Query[string]): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => !!x);
const idOf = (v: Query[string]): number | null => {
  const n = Number(listOf(v)[0]);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};
const pick = <T extends string>(v: Query[string], allowed: readonly T[]): T[] =>
  listOf(v).filter((x): x is T => (allowed as readonly string[]).includes(x));

/** The filters a drill-down can name in the address (/customers?grade=A&regionId=3, e.g. from 客户分析). */
export const listQueryKeys = ['regionId', 'repId', 'dealerId', 'dealerName', 'grade', 'lifecycle', 'type'] as const;

/**
 * An address naming filters: the list shows exactly those (other filters, search and page reset; sort and page size
 * kept). Returns false, changing nothing, when the address names none.
 */
export function applyListQuery(s: CustomerListState, query: Query): boolean {
  if (!listQueryKeys.some((k) => query[k] !== undefined)) return false;
  const { sort, pageSize } = s;
  Object.assign(s, freshState(), { sort, pageSize });
  s.regionId = idOf(query.regionId);
  s.repId = idOf(query.repId);
  s.dealerId = idOf(query.dealerId);
  s.dealerLabel = s.dealerId ? (listOf(query.dealerName)[0] ?? '') : '';
  s.grade = pick(query.grade, customerGrades);
  s.lifecycle = pick(query.lifecycle, lifecycles);
  s.type = pick(query.type, customerTypes);
  return true;
}
