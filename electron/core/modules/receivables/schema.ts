// The receivables ledger. Every posting writes here, in the posting's transaction, and nothing here is ever updated
// or deleted (triggers in migration 0003), except a receivable's settled_date, a cache the posting code keeps.
//   receivables  — the debit side: open items from posted orders and opening balances, each with its due date;
//   credits      — the credit side: collections (+), collection reversals (−), returns, order reversals, write-offs;
//   allocations  — which credit paid which receivable, dated max(credit date, receivable date); a collection's
//                  reversal writes negative allocations that undo the original ones.
// As of a date A: unpaid(r) = amount − Σ allocations to r dated ≤ A; prepayment = Σ credits ≤ A − Σ allocations ≤ A;
// balance = Σ receivables ≤ A − Σ credits ≤ A = owed − prepayment.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { customers } from '../customers/schema';
import { dealers } from '../dealers/schema';
import { reps } from '../reps/schema';

export const receivables = sqliteTable(
  'receivables',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    /** order | opening */
    sourceKind: text('source_kind').notNull(),
    sourceId: integer('source_id').notNull(),
    docNo: text('doc_no').notNull(),
    date: text('date').notNull(),
    dueDate: text('due_date').notNull(),
    amountFen: integer('amount_fen').notNull(),
    /** the order's rep and channel dealer, for aging by rep and by dealer */
    repId: integer('rep_id').references(() => reps.id),
    dealerId: integer('dealer_id').references(() => dealers.id),
    /**
     * Cache: the first date from which the receivable is paid in full for good (null while any part is unpaid). As of
     * a date on or after it the receivable is settled, so aging skips it without summing its allocations.
     */
    settledDate: text('settled_date'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('receivables_source_uq').on(t.sourceKind, t.sourceId),
    // covering: a customer's Σ as of a date and its open items (settled_date) read from the index alone
    index('receivables_customer_idx').on(t.customerId, t.date, t.amountFen, t.settledDate),
    // balances as of a date summed over a date range (analytics overview; migration 0005)
    index('receivables_date_idx').on(t.date, t.customerId, t.amountFen),
    // covering: the aging of every customer reads the receivables open at A (never settled, or settled after A) here
    index('receivables_open_idx').on(t.settledDate, t.date, t.customerId, t.dueDate, t.amountFen, t.repId, t.dealerId, t.sourceKind),
    check('receivables_kind_ck', sql`${t.sourceKind} in ('order', 'opening')`),
    check('receivables_amount_fen_int', sql`typeof(${t.amountFen}) = 'integer' and ${t.amountFen} > 0`),
  ],
);

export const credits = sqliteTable(
  'credits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    /** collection | collection_reversal | return | order_reversal | write_off */
    sourceKind: text('source_kind').notNull(),
    sourceId: integer('source_id').notNull(),
    docNo: text('doc_no').notNull(),
    date: text('date').notNull(),
    /** takes this much off the balance; negative only for a collection's reversal */
    amountFen: integer('amount_fen').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('credits_source_uq').on(t.sourceKind, t.sourceId),
    // covering: Σ credits per customer as of a date (aging of every customer, a customer's balance)
    index('credits_customer_idx').on(t.customerId, t.date, t.amountFen),
    index('credits_date_idx').on(t.date, t.customerId, t.amountFen),
    check('credits_kind_ck', sql`${t.sourceKind} in ('collection', 'collection_reversal', 'return', 'order_reversal', 'write_off')`),
    check('credits_amount_fen_int', sql`typeof(${t.amountFen}) = 'integer' and ${t.amountFen} <> 0`),
  ],
);

export const allocations = sqliteTable(
  'allocations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    creditId: integer('credit_id')
      .notNull()
      .references(() => credits.id),
    receivableId: integer('receivable_id')
      .notNull()
      .references(() => receivables.id),
    /** max(credit date, receivable date): from when the payment counts against this receivable */
    date: text('date').notNull(),
    /** negative only when a collection's reversal undoes its allocations */
    amountFen: integer('amount_fen').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('allocations_receivable_idx').on(t.receivableId, t.date, t.amountFen),
    index('allocations_credit_idx').on(t.creditId),
    index('allocations_date_idx').on(t.date),
    check('allocations_amount_fen_int', sql`typeof(${t.amountFen}) = 'integer' and ${t.amountFen} <> 0`),
  ],
);

/** A dealer's own trading account: the customer record (type dealer) it owes through; kept in step with the dealer. */
export const dealerAccounts = sqliteTable(
  'dealer_accounts',
  {
    dealerId: integer('dealer_id')
      .primaryKey()
      .references(() => dealers.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
  },
  (t) => [uniqueIndex('dealer_accounts_customer_uq').on(t.customerId)],
);
