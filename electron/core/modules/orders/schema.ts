// 销售单 Sales orders and their lines. A draft is edited freely; a posted order is locked by trigger (migration 0003):
// its only change is being marked reversed when a 红冲 reversal (a new order row with reversal_of_id and negated
// figures) is posted. Quantities are kept exactly as integer thousandths (qty_milli); money in integer 分.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { timestamps } from '../../db/columns';
import { customers } from '../customers/schema';
import { dealers } from '../dealers/schema';
import { products } from '../products/schema';
import { reps } from '../reps/schema';

export const orders = sqliteTable(
  'orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    docNo: text('doc_no').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    // the channel dealer through which the goods reach the customer
    dealerId: integer('dealer_id').references(() => dealers.id),
    repId: integer('rep_id').references(() => reps.id),
    date: text('date').notNull(),
    settlement: text('settlement').notNull().default('credit'),
    dueDate: text('due_date').notNull(),
    discountFen: integer('discount_fen').notNull().default(0),
    /** Σ line amounts (after line discounts) */
    subtotalFen: integer('subtotal_fen').notNull().default(0),
    /** subtotal − order discount: what the customer owes for this order */
    totalFen: integer('total_fen').notNull().default(0),
    /** Σ line cost, frozen at posting (0 while a draft) */
    costFen: integer('cost_fen').notNull().default(0),
    state: text('state').notNull().default('draft'),
    reversalOfId: integer('reversal_of_id').references((): AnySQLiteColumn => orders.id),
    reversedById: integer('reversed_by_id').references((): AnySQLiteColumn => orders.id),
    reverseReason: text('reverse_reason').notNull().default(''),
    /** 窜货: the channel dealer is not authorised for the customer's region (judged at posting) */
    crossTerritory: integer('cross_territory').notNull().default(0),
    /** a manager's override of credit control or of a price below floor, with the reason (also in the audit log) */
    overrideReason: text('override_reason'),
    overrideByName: text('override_by_name'),
    postedAt: text('posted_at'),
    postedByName: text('posted_by_name'),
    notes: text('notes').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('orders_doc_no_uq').on(t.docNo),
    index('orders_customer_idx').on(t.customerId, t.date),
    index('orders_date_idx').on(t.date, t.state),
    index('orders_rep_idx').on(t.repId, t.date),
    index('orders_dealer_idx').on(t.dealerId, t.date),
    index('orders_cross_idx').on(t.crossTerritory, t.date),
    check('orders_state_ck', sql`${t.state} in ('draft', 'posted', 'reversed')`),
    check('orders_settlement_ck', sql`${t.settlement} in ('cash', 'credit', 'acceptance', 'prepaid')`),
    check('orders_discount_fen_int', sql`typeof(${t.discountFen}) = 'integer' and ${t.discountFen} >= 0`),
    check('orders_subtotal_fen_int', sql`typeof(${t.subtotalFen}) = 'integer'`),
    check('orders_total_fen_int', sql`typeof(${t.totalFen}) = 'integer'`),
    check('orders_cost_fen_int', sql`typeof(${t.costFen}) = 'integer'`),
    check('orders_cross_ck', sql`${t.crossTerritory} in (0, 1)`),
  ],
);

export const orderLines = sqliteTable(
  'order_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    seq: integer('seq').notNull(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    /** quantity × 1000, exact (up to 3 decimals); negative on a reversal's lines */
    qtyMilli: integer('qty_milli').notNull(),
    unitPriceFen: integer('unit_price_fen').notNull(),
    discountFen: integer('discount_fen').notNull().default(0),
    /** qty × unit price rounded half-up to the 分, minus the line discount */
    amountFen: integer('amount_fen').notNull(),
    /** the product's cost when the order was posted */
    unitCostFen: integer('unit_cost_fen').notNull().default(0),
    costFen: integer('cost_fen').notNull().default(0),
    /** priced below the product's floor price (needs a manager's override to post) */
    belowFloor: integer('below_floor').notNull().default(0),
  },
  (t) => [
    uniqueIndex('order_lines_order_seq_uq').on(t.orderId, t.seq),
    index('order_lines_product_idx').on(t.productId),
    check('order_lines_qty_int', sql`typeof(${t.qtyMilli}) = 'integer' and ${t.qtyMilli} <> 0`),
    check('order_lines_unit_price_fen_int', sql`typeof(${t.unitPriceFen}) = 'integer' and ${t.unitPriceFen} >= 0`),
    check('order_lines_discount_fen_int', sql`typeof(${t.discountFen}) = 'integer' and ${t.discountFen} >= 0`),
    check('order_lines_amount_fen_int', sql`typeof(${t.amountFen}) = 'integer'`),
    check('order_lines_unit_cost_fen_int', sql`typeof(${t.unitCostFen}) = 'integer' and ${t.unitCostFen} >= 0`),
    check('order_lines_cost_fen_int', sql`typeof(${t.costFen}) = 'integer'`),
    check('order_lines_below_floor_ck', sql`${t.belowFloor} in (0, 1)`),
  ],
);
