// The 商机 list's and the kanban's filters, sort and page: they survive a trip to a detail page and back.
import { reactive } from 'vue';
import type { LocationQueryValue } from 'vue-router';
import type { Input } from '@shared/contract';
import { opportunityStages, type OpportunityStage } from '@shared/domain/opportunity';

type ListInput = Input<'opportunities.list'>;

export interface OpportunityListState {
  search: string;
  repId: number | null;
  regionId: number | null;
  stages: OpportunityStage[];
  /** expected close month, YYYY-MM */
  closeMonth: string | null;
  /** 分; null = no bound */
  minAmountFen: number | null;
  maxAmountFen: number | null;
  sort: ListInput['sort'];
  page: number;
  pageSize: number;
}

export const freshOpportunityState = (): OpportunityListState => ({
  search: '',
  repId: null,
  regionId: null,
  stages: [],
  closeMonth: null,
  minAmountFen: null,
  maxAmountFen: null,
  sort: undefined,
  page: 1,
  pageSize: 50,
});

export const opportunityListState = reactive<OpportunityListState>(freshOpportunityState());

/** The contract's filters for the current view (empty ones left out), without page and size. */
export function opportunityFilters(s: OpportunityListState): Omit<ListInput, 'page' | 'pageSize'> {
  return {
    ...(s.search.trim() ? { q: s.search.trim() } : {}),
    ...(s.repId ? { repId: s.repId } : {}),
    ...(s.regionId ? { regionId: s.regionId } : {}),
    ...(s.stages.length ? { stages: [...s.stages] } : {}),
    ...(s.closeMonth ? { closeMonth: s.closeMonth } : {}),
    ...(s.minAmountFen !== null ? { minAmountFen: s.minAmountFen } : {}),
    ...(s.maxAmountFen !== null ? { maxAmountFen: s.maxAmountFen } : {}),
    ...(s.sort ? { sort: { ...s.sort } } : {}),
  };
}

export function toListInput(s: OpportunityListState): ListInput {
  return { page: s.page, pageSize: s.pageSize, ...opportunityFilters(s) };
}

type Query = Record<string, LocationQueryValue | LocationQueryValue[] | undefined>;
const listOf = (v: Query[string]): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => !!x);
const idOf = (v: Query[string]): number | null => {
  const n = Number(listOf(v)[0]);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

/** An address naming filters (/opportunities?stage=quote&repId=3, from the kanban's "more"): the list shows exactly
 *  those; false, changing nothing, when it names none. */
export function applyListQuery(s: OpportunityListState, query: Query): boolean {
  if (query.stage === undefined && query.repId === undefined && query.regionId === undefined) return false;
  const { sort, pageSize } = s;
  Object.assign(s, freshOpportunityState(), { sort, pageSize });
  s.stages = listOf(query.stage).filter((x): x is OpportunityStage => (opportunityStages as readonly string[]).includes(x));
  s.repId = idOf(query.repId);
  s.regionId = idOf(query.regionId);
  return true;
}

/** The kanban's filters. */
export const boardFilters = reactive<{ repId: number | null; teamId: number | null; regionId: number | null }>({
  repId: null,
  teamId: null,
  regionId: null,
});

/** Whole days from one business date to another (YYYY-MM-DD), never below 0. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms / 86_400_000)) : 0;
}
