// The sales order as the editor holds it (quantities as typed, blank last row allowed) and as orders.save takes it.
import type { OrderDetail } from '@shared/contract/orders';
import type { Settlement } from '@shared/domain/money';
import { formatQtyMilli, lineAmountFen, milliToQty, orderTotalFen, parseQtyMilli, qtyToMilli } from '@shared/orderMath';
import type { Input } from '@shared/contract';

export interface OrderLineForm {
  key: number;
  productId: number | null;
  productName: string;
  sku: string;
  unit: string;
  /** as typed: 12, 1.5, 0.125 */
  qty: string;
  unitPriceFen: number | null;
  discountFen: number | null;
  floorPriceFen: number;
}

export interface OrderForm {
  customerId: number | null;
  customerName: string;
  dealerId: number | null;
  dealerName: string;
  repId: number | null;
  date: string;
  settlement: Settlement;
  dueDate: string;
  discountFen: number | null;
  notes: string;
  lines: OrderLineForm[];
}

let nextKey = 1;

export const blankLine = (): OrderLineForm => ({
  key: nextKey++,
  productId: null,
  productName: '',
  sku: '',
  unit: '',
  qty: '',
  unitPriceFen: null,
  discountFen: 0,
  floorPriceFen: 0,
});

export const isBlankLine = (l: OrderLineForm): boolean => !l.productId && !l.qty.trim() && !l.unitPriceFen && !l.discountFen;

export function orderFormFrom(d: OrderDetail | null, today: string): OrderForm {
  if (!d)
    return {
      customerId: null,
      customerName: '',
      dealerId: null,
      dealerName: '',
      repId: null,
      date: today,
      settlement: 'credit',
      dueDate: today,
      discountFen: 0,
      notes: '',
      lines: [blankLine()],
    };
  return {
    customerId: d.customerId,
    customerName: d.customerName,
    dealerId: d.dealerId,
    dealerName: d.dealerName ?? '',
    repId: d.repId,
    date: d.date,
    settlement: d.settlement,
    dueDate: d.dueDate,
    discountFen: d.discountFen,
    notes: d.notes,
    lines: [
      ...d.lines.map((l) => ({
        key: nextKey++,
        productId: l.productId,
        productName: l.productName,
        sku: l.sku,
        unit: l.unit,
        qty: formatQtyMilli(qtyToMilli(l.qty)),
        unitPriceFen: l.unitPriceFen,
        discountFen: l.discountFen,
        floorPriceFen: l.floorPriceFen,
      })),
      ...(d.state === 'draft' ? [blankLine()] : []),
    ],
  };
}

/** A line's amount in 分 as the core will compute it; null while qty or price is not a value yet. */
export function lineAmount(l: OrderLineForm): number | null {
  const milli = parseQtyMilli(l.qty);
  if (milli === null || l.unitPriceFen === null) return null;
  return lineAmountFen(milli, l.unitPriceFen, l.discountFen ?? 0);
}

/** Below the product's floor price (a floor of 0 means none): posting needs a manager's approval. */
export const belowFloor = (l: OrderLineForm): boolean => l.floorPriceFen > 0 && l.unitPriceFen !== null && l.unitPriceFen < l.floorPriceFen;

export function orderTotals(f: OrderForm): { subtotalFen: number; totalFen: number } {
  const amounts = f.lines.filter((l) => !isBlankLine(l)).map((l) => lineAmount(l) ?? 0);
  const subtotalFen = orderTotalFen(amounts, 0);
  return { subtotalFen, totalFen: orderTotalFen(amounts, f.discountFen ?? 0) };
}

export function orderSaveInput(f: OrderForm, id: number | undefined): Input<'orders.save'> {
  return {
    ...(id ? { id } : {}),
    customerId: f.customerId ?? 0,
    dealerId: f.dealerId,
    repId: f.repId,
    date: f.date,
    settlement: f.settlement,
    dueDate: f.dueDate,
    discountFen: f.discountFen ?? 0,
    notes: f.notes,
    lines: f.lines
      .filter((l) => !isBlankLine(l))
      .map((l) => ({
        productId: l.productId ?? 0,
        qty: milliToQty(parseQtyMilli(l.qty) ?? 0),
        unitPriceFen: l.unitPriceFen ?? 0,
        discountFen: l.discountFen ?? 0,
      })),
  };
}

/** YYYY-MM-DD plus days, in the calendar (no time zones). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** The settlement a customer's payment terms suggest: no days of credit → 现款现货, else 账期赊销. */
export const settlementFor = (paymentTermDays: number): Settlement => (paymentTermDays > 0 ? 'credit' : 'cash');

/** The unit price a product starts at for this customer: 经销商 and 批发商 buy at the dealer price, others at list. */
export function defaultPriceFen(customerType: string | null, p: { listPriceFen: number; dealerPriceFen: number }): number {
  const trade = customerType === 'dealer' || customerType === 'wholesale';
  return trade && p.dealerPriceFen > 0 ? p.dealerPriceFen : p.listPriceFen;
}
