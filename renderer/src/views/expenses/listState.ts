// The expense list's filters, sort and page survive a trip to another screen and back.
import { reactive } from 'vue';
import type { Input } from '@shared/contract';
import { freshPeriod, periodFilters, type PeriodListState } from '../complaints/display';

type ListInput = Input<'expenses.list'>;

export interface ExpenseListState extends PeriodListState<NonNullable<ListInput['sort']>> {
  category: NonNullable<ListInput['category']>;
}

export const freshExpenseState = (): ExpenseListState => ({ ...freshPeriod(), category: [] });

export const expenseListState = reactive<ExpenseListState>(freshExpenseState());

/** The contract's filters for the current view (empty ones left out), without page and size: the export's too. */
export function expenseFilters(s: ExpenseListState): Omit<ListInput, 'page' | 'pageSize'> {
  return {
    ...periodFilters(s),
    ...(s.category.length ? { category: [...s.category] } : {}),
  };
}
