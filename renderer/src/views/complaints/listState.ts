// The complaint list's filters, sort and page survive a trip to another screen and back.
import { reactive } from 'vue';
import type { Input } from '@shared/contract';
import { freshPeriod, periodFilters, type PeriodListState } from './display';

type ListInput = Input<'complaints.list'>;

export interface ComplaintListState extends PeriodListState<NonNullable<ListInput['sort']>> {
  status: NonNullable<ListInput['status']>;
  urgency: NonNullable<ListInput['urgency']>;
}

export const freshComplaintState = (): ComplaintListState => ({ ...freshPeriod(), status: [], urgency: [] });

export const complaintListState = reactive<ComplaintListState>(freshComplaintState());

/** The contract's filters for the current view (empty ones left out), without page and size: the export's too. */
export function complaintFilters(s: ComplaintListState): Omit<ListInput, 'page' | 'pageSize'> {
  return {
    ...periodFilters(s),
    ...(s.status.length ? { status: [...s.status] } : {}),
    ...(s.urgency.length ? { urgency: [...s.urgency] } : {}),
  };
}
