// 退货单 Sales returns against a posted order's lines: draft → posted; posted returns are locked by trigger.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamps } from '../../db/columns';
import { customers } from '../customers/schema';
import { orderLines, orders } from '../orders/schema';

export const returns = sqliteTable(
  'returns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    docNo: text('doc_no').notNull(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    date: text('date').notNull(),
    state: text('state').notNull().default('draft'),
    /** what the return takes off the receivable */
    totalFen: integer('total_fen').notNull().default(0),
    /** the frozen cost of the goods coming back (takes it off the gross profit with the amount) */
    costFen: integer('cost_fen').notNull().default(0),
    reason: text('reason').notNull().default(''),
    postedAt: text('posted_at'),
    postedByName: text('posted_by_name'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('returns_doc_no_uq').on(t.docNo),
    index('returns_order_idx').on(t.orderId),
    index('returns_customer_idx').on(t.customerId, t.date),
    check('returns_state_ck', sql`${t.state} in ('draft', 'posted')`),
    check('returns_total_fen_int', sql`typeof(${t.totalFen}) = 'integer' and ${t.totalFen} >= 0`),
    check('returns_cost_fen_int', sql`typeof(${t.costFen}) = 'integer' and ${t.costFen} >= 0`),
  ],
);

export const returnLines = sqliteTable(
  'return_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    returnId: integer('return_id')
      .notNull()
      .references(() => returns.id),
    orderLineId: integer('order_line_id')
      .notNull()
      .references(() => orderLines.id),
    qtyMilli: integer('qty_milli').notNull(),
    amountFen: integer('amount_fen').notNull(),
    costFen: integer('cost_fen').notNull().default(0),
  },
  (t) => [
    index('return_lines_return_idx').on(t.returnId),
    index('return_lines_order_line_idx').on(t.orderLineId),
    check('return_lines_qty_int', sql`typeof(${t.qtyMilli}) = 'integer' and ${t.qtyMilli} > 0`),
    check('return_lines_amount_fen_int', sql`typeof(${t.amountFen}) = 'integer' and ${t.amountFen} >= 0`),
    check('return_lines_cost_fen_int', sql`typeof(${t.costFen}) = 'integer' and ${t.costFen} >= 0`),
  ],
);
