// 统计表 Summary tables the dashboards read instead of the documents, kept current by triggers (migration 0005) in the
// same transaction that writes an order or a return, and rebuilt / verified by analytics.rebuildSummaries
// (summaries.ts holds their definition as a full recomputation). One row per key, figures summed; a 红冲 row or a
// return adds negative figures on its own date. Rep and dealer 0 = none (a primary key column cannot be null), and
// region / category are not copied: readers join the customer's and the product's current ones.
// The key starts with the date, so a period is one range of the key's index (rebuilt rows lie in date order too).
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Orders not in draft by order date and posted returns by return date (targets/actuals.ts' sales and grossProfit). */
export const salesFacts = sqliteTable(
  'sales_facts',
  {
    date: text('date').notNull(),
    customerId: integer('customer_id').notNull(),
    repId: integer('rep_id').notNull(),
    dealerId: integer('dealer_id').notNull(),
    settlement: text('settlement').notNull(),
    salesFen: integer('sales_fen').notNull(),
    costFen: integer('cost_fen').notNull(),
    /** original orders counted +1, 红冲 rows −1 */
    orders: integer('orders').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.date, t.customerId, t.repId, t.dealerId, t.settlement] }),
    // the key and the figures: a period's rows are read from the index alone
    index('sales_facts_read_idx').on(t.date, t.customerId, t.repId, t.dealerId, t.settlement, t.salesFen, t.costFen),
    check('sales_facts_sales_fen_int', sql`typeof(${t.salesFen}) = 'integer'`),
    check('sales_facts_cost_fen_int', sql`typeof(${t.costFen}) = 'integer'`),
    check('sales_facts_orders_int', sql`typeof(${t.orders}) = 'integer'`),
  ],
);

/** The same documents by line: order lines by order date, posted returns' lines by return date, per product. */
export const productSalesFacts = sqliteTable(
  'product_sales_facts',
  {
    date: text('date').notNull(),
    productId: integer('product_id').notNull(),
    customerId: integer('customer_id').notNull(),
    repId: integer('rep_id').notNull(),
    dealerId: integer('dealer_id').notNull(),
    settlement: text('settlement').notNull(),
    amountFen: integer('amount_fen').notNull(),
    costFen: integer('cost_fen').notNull(),
    qtyMilli: integer('qty_milli').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.date, t.productId, t.customerId, t.repId, t.dealerId, t.settlement] }),
    check('product_sales_facts_amount_fen_int', sql`typeof(${t.amountFen}) = 'integer'`),
    check('product_sales_facts_cost_fen_int', sql`typeof(${t.costFen}) = 'integer'`),
    check('product_sales_facts_qty_int', sql`typeof(${t.qtyMilli}) = 'integer'`),
  ],
);

/** product_sales_facts summed per calendar month and product: a dashboard without filters reads a year as 12 months. */
export const productMonthFacts = sqliteTable(
  'product_month_facts',
  {
    /** YYYY-MM */
    month: text('month').notNull(),
    productId: integer('product_id').notNull(),
    amountFen: integer('amount_fen').notNull(),
    costFen: integer('cost_fen').notNull(),
    qtyMilli: integer('qty_milli').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.productId] }),
    check('product_month_facts_amount_fen_int', sql`typeof(${t.amountFen}) = 'integer'`),
    check('product_month_facts_cost_fen_int', sql`typeof(${t.costFen}) = 'integer'`),
    check('product_month_facts_qty_int', sql`typeof(${t.qtyMilli}) = 'integer'`),
  ],
);

/**
 * Each customer's first standing order today (posted, not a 红冲 row, not reversed; the lowest id on the first day).
 * "New customers as of a past date" also counts orders reversed after that date — the readers add those few.
 */
export const customerFirstOrders = sqliteTable(
  'customer_first_orders',
  {
    customerId: integer('customer_id').primaryKey(),
    date: text('date').notNull(),
    orderId: integer('order_id').notNull(),
    repId: integer('rep_id'),
    dealerId: integer('dealer_id'),
    settlement: text('settlement').notNull(),
  },
  (t) => [index('customer_first_orders_date_idx').on(t.date)],
);

/**
 * Each customer's last standing order today (posted, not a 红冲 row, not reversed; the highest id on the last day)
 * (migration 0007). "Last order as of a recent date" reads it, looking up only the customers who ordered since.
 */
export const customerLastOrders = sqliteTable(
  'customer_last_orders',
  {
    customerId: integer('customer_id').primaryKey(),
    date: text('date').notNull(),
    orderId: integer('order_id').notNull(),
  },
  (t) => [index('customer_last_orders_date_idx').on(t.date)],
);

/**
 * Each customer's Σ receivables and Σ credits over the whole ledger (migration 0007): the balance as of a recent date
 * is this less the few ledger rows dated after it.
 */
export const customerBalances = sqliteTable(
  'customer_balances',
  {
    customerId: integer('customer_id').primaryKey(),
    receivablesFen: integer('receivables_fen').notNull(),
    creditsFen: integer('credits_fen').notNull(),
  },
  (t) => [
    check('customer_balances_receivables_fen_int', sql`typeof(${t.receivablesFen}) = 'integer'`),
    check('customer_balances_credits_fen_int', sql`typeof(${t.creditsFen}) = 'integer'`),
  ],
);

/**
 * The receivables not paid in full today, with what is unpaid after every allocation whatever its date (migration
 * 0007): the receivables open as of a recent date are these (dated on or before it) with the allocations dated after
 * it added back — no allocation summed per receivable.
 */
export const openReceivables = sqliteTable(
  'open_receivables',
  {
    receivableId: integer('receivable_id').primaryKey(),
    customerId: integer('customer_id').notNull(),
    date: text('date').notNull(),
    dueDate: text('due_date').notNull(),
    /** order | opening */
    sourceKind: text('source_kind').notNull(),
    repId: integer('rep_id'),
    dealerId: integer('dealer_id'),
    unpaidFen: integer('unpaid_fen').notNull(),
  },
  (t) => [check('open_receivables_unpaid_fen_int', sql`typeof(${t.unpaidFen}) = 'integer'`)],
);

/**
 * sales_facts summed per calendar month and rep (rep 0 = none; migration 0008, kept by triggers on sales_facts): a
 * rep's sales over whole months without other filters (客户分析's rep coverage, 12 months) read as 12 rows per rep.
 */
export const repMonthFacts = sqliteTable(
  'rep_month_facts',
  {
    /** YYYY-MM */
    month: text('month').notNull(),
    repId: integer('rep_id').notNull(),
    salesFen: integer('sales_fen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.repId] }), check('rep_month_facts_sales_fen_int', sql`typeof(${t.salesFen}) = 'integer'`)],
);
