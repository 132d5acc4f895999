// 坏账核销 Write-offs: a manager's document that clears unpaid receivables as bad debt, with its reason.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { customers } from '../customers/schema';

export const writeOffs = sqliteTable(
  'write_offs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    docNo: text('doc_no').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    date: text('date').notNull(),
    amountFen: integer('amount_fen').notNull(),
    reason: text('reason').notNull(),
    createdByName: text('created_by_name').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('write_offs_doc_no_uq').on(t.docNo),
    index('write_offs_customer_idx').on(t.customerId, t.date),
    check('write_offs_amount_fen_int', sql`typeof(${t.amountFen}) = 'integer' and ${t.amountFen} > 0`),
  ],
);
