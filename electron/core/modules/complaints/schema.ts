// 客诉 Complaints: received from a customer about a product, handled with a resolution.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamps } from '../../db/columns';
import { customers } from '../customers/schema';
import { products } from '../products/schema';
import { reps } from '../reps/schema';

export const complaints = sqliteTable(
  'complaints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    receivedDate: text('received_date').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    productId: integer('product_id').references(() => products.id),
    repId: integer('rep_id').references(() => reps.id),
    content: text('content').notNull(),
    urgency: text('urgency').notNull().default('normal'),
    status: text('status').notNull().default('open'),
    handler: text('handler').notNull().default(''),
    response: text('response').notNull().default(''),
    handledDate: text('handled_date'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('complaints_code_uq').on(t.code),
    index('complaints_date_idx').on(t.receivedDate),
    index('complaints_customer_idx').on(t.customerId),
    index('complaints_status_idx').on(t.status, t.receivedDate),
    check('complaints_status_ck', sql`${t.status} in ('open', 'handled')`),
    check('complaints_urgency_ck', sql`${t.urgency} in ('normal', 'urgent', 'critical')`),
  ],
);
