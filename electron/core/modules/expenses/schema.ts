// 销售费用 Expenses: what a rep spent, by category, in integer 分.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamps } from '../../db/columns';
import { customers } from '../customers/schema';
import { reps } from '../reps/schema';

export const expenses = sqliteTable(
  'expenses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    repId: integer('rep_id')
      .notNull()
      .references(() => reps.id),
    date: text('date').notNull(),
    // travel, entertainment, transport, promotion, other
    category: text('category').notNull(),
    amountFen: integer('amount_fen').notNull(),
    customerId: integer('customer_id').references(() => customers.id),
    note: text('note').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    index('expenses_date_idx').on(t.date),
    index('expenses_rep_idx').on(t.repId, t.date),
    check('expenses_category_ck', sql`${t.category} in ('travel', 'entertainment', 'transport', 'promotion', 'other')`),
    check('expenses_amount_fen_int', sql`typeof(${t.amountFen}) = 'integer' and ${t.amountFen} > 0`),
  ],
);
