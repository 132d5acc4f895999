// What a collection does to a customer's open items, as the form shows it before posting: automatic allocation takes
// the oldest due first up to each unpaid part (so it allocates min(amount, Σ unpaid)); by hand, what was typed. The
// rest is prepayment 预收.
import type { OpenItem } from '@shared/contract/receivables';

export interface AllocItem extends OpenItem {
  /** typed by hand, in 分 (null: not an amount) */
  allocFen: number | null;
}

export interface AllocationSummary {
  manualSumFen: number;
  allocatedFen: number;
  prepaymentFen: number;
  /** by hand: Σ typed > the amount */
  overAmount: boolean;
  /** by hand: some item typed above its unpaid part */
  overUnpaid: boolean;
}

export function allocationSummary(amountFen: number, items: readonly AllocItem[], manual: boolean): AllocationSummary {
  const manualSumFen = items.reduce((s, i) => s + Math.max(0, i.allocFen ?? 0), 0);
  const unpaidFen = items.reduce((s, i) => s + Math.max(0, i.unpaidFen), 0);
  const allocatedFen = manual ? Math.min(manualSumFen, amountFen) : Math.min(Math.max(amountFen, 0), unpaidFen);
  return {
    manualSumFen,
    allocatedFen,
    prepaymentFen: Math.max(0, amountFen - allocatedFen),
    overAmount: manual && manualSumFen > amountFen,
    overUnpaid: manual && items.some((i) => (i.allocFen ?? 0) > i.unpaidFen),
  };
}

/** The by-hand allocations as collections.save takes them: items with an amount only. */
export const manualAllocations = (items: readonly AllocItem[]) =>
  items.filter((i) => (i.allocFen ?? 0) > 0).map((i) => ({ receivableId: i.receivableId, amountFen: i.allocFen! }));
