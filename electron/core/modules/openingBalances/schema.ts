// 期初应收 Opening balances: what a customer owed when the books started here, item by item with original dates.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { customers } from '../customers/schema';

export const openingBalances = sqliteTable(
  'opening_balances',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    docNo: text('doc_no').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    /** the original document's date and due date (aging counts from them) */
    date: text('date').notNull(),
    dueDate: text('due_date').notNull(),
    amountFen: integer('amount_fen').notNull(),
    /** the original document's number in the old books */
    sourceNo: text('source_no').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdByName: text('created_by_name').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('opening_balances_doc_no_uq').on(t.docNo),
    index('opening_balances_customer_idx').on(t.customerId, t.date),
    check('opening_balances_amount_fen_int', sql`typeof(${t.amountFen}) = 'integer' and ${t.amountFen} > 0`),
  ],
);
