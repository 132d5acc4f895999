// The market-feedback list's filters, sort and page survive a trip to another screen and back.
import { reactive } from 'vue';
import type { Input } from '@shared/contract';
import { freshPeriod, periodFilters, type PeriodListState } from '../complaints/display';

type ListInput = Input<'marketFeedback.list'>;

export interface FeedbackListState extends PeriodListState<NonNullable<ListInput['sort']>> {
  status: NonNullable<ListInput['status']>;
  feedbackType: NonNullable<ListInput['feedbackType']>;
  urgency: NonNullable<ListInput['urgency']>;
}

export const freshFeedbackState = (): FeedbackListState => ({ ...freshPeriod(), status: [], feedbackType: [], urgency: [] });

export const feedbackListState = reactive<FeedbackListState>(freshFeedbackState());

/** The contract's filters for the current view (empty ones left out), without page and size: the export's too. */
export function feedbackFilters(s: FeedbackListState): Omit<ListInput, 'page' | 'pageSize'> {
  return {
    ...periodFilters(s),
    ...(s.status.length ? { status: [...s.status] } : {}),
    ...(s.feedbackType.length ? { feedbackType: [...s.feedbackType] } : {}),
    ...(s.urgency.length ? { urgency: [...s.urgency] } : {}),
  };
}
