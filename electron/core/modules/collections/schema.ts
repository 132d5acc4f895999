// 回款 Collections: posted when saved, never edited; a reversal is a new row (reversal_of_id, negated amount) and the
// original is marked reversed. Allocation to receivables lives in receivables/schema.ts.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { customers } from '../customers/schema';
import { reps } from '../reps/schema';

export const collections = sqliteTable(
  'collections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    docNo: text('doc_no').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    repId: integer('rep_id').references(() => reps.id),
    date: text('date').notNull(),
    /** negative only on a reversal row */
    amountFen: integer('amount_fen').notNull(),
    method: text('method').notNull(),
    reference: text('reference').notNull().default(''),
    state: text('state').notNull().default('posted'),
    reversalOfId: integer('reversal_of_id').references((): AnySQLiteColumn => collections.id),
    reversedById: integer('reversed_by_id').references((): AnySQLiteColumn => collections.id),
    reverseReason: text('reverse_reason').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdByName: text('created_by_name').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('collections_doc_no_uq').on(t.docNo),
    index('collections_customer_idx').on(t.customerId, t.date),
    index('collections_date_idx').on(t.date),
    // covering: a period's collections summed by customer or rep from the index alone (analytics; migration 0005)
    index('collections_date_cover_idx').on(t.date, t.customerId, t.repId, t.amountFen),
    index('collections_rep_idx').on(t.repId, t.date),
    check('collections_state_ck', sql`${t.state} in ('posted', 'reversed')`),
    check('collections_method_ck', sql`${t.method} in ('cash', 'transfer', 'draft', 'wechat', 'alipay', 'other')`),
    check('collections_amount_fen_int', sql`typeof(${t.amountFen}) = 'integer' and ${t.amountFen} <> 0`),
  ],
);
