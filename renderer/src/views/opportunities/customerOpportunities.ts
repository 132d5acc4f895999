// The open 商机 of the customers on a daily report's lines (a handful each), read once per customer: what a visit line
// can name. A line's customer without any shows no picker.
import { reactive, watch } from 'vue';
import { call } from '@/api';
import type { OpportunityRow } from '@shared/contract';
import { openStages } from '@shared/domain/opportunity';

export function useCustomerOpportunities(customerIds: () => readonly number[], active: () => boolean) {
  const byCustomer = reactive(new Map<number, OpportunityRow[]>());
  watch(
    () => (active() ? customerIds().filter((id) => !byCustomer.has(id)) : []),
    (missing) => {
      for (const customerId of missing) {
        byCustomer.set(customerId, []);
        call('opportunities.list', { page: 1, pageSize: 50, customerId, stages: [...openStages] })
          .then((r) => byCustomer.set(customerId, r.rows))
          .catch(() => undefined); // none offered then; the report is still typed and saved
      }
    },
    { immediate: true },
  );
  return (customerId: number | null): OpportunityRow[] => (customerId && byCustomer.get(customerId)) || [];
}
