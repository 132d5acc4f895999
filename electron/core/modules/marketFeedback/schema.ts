// 市场状况反映表 Market feedback: what reps hear in the market, routed to a handler until handled.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamps } from '../../db/columns';
import { customers } from '../customers/schema';
import { dealers } from '../dealers/schema';
import { orders } from '../orders/schema';
import { products } from '../products/schema';
import { regions } from '../regions/schema';
import { reps } from '../reps/schema';

export const marketFeedback = sqliteTable(
  'market_feedback',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    date: text('date').notNull(),
    repId: integer('rep_id').references(() => reps.id),
    // consumer, competitor, dealer, violation, other
    type: text('type').notNull(),
    urgency: text('urgency').notNull().default('normal'),
    title: text('title').notNull().default(''),
    content: text('content').notNull(),
    competitor: text('competitor').notNull().default(''),
    productId: integer('product_id').references(() => products.id),
    dealerId: integer('dealer_id').references(() => dealers.id),
    customerId: integer('customer_id').references(() => customers.id),
    regionId: integer('region_id').references(() => regions.id),
    // the 窜货 order (posted) the report is about, from the 窜货预警 list or picked in the form
    orderId: integer('order_id').references(() => orders.id),
    status: text('status').notNull().default('open'),
    handler: text('handler').notNull().default(''),
    response: text('response').notNull().default(''),
    handledDate: text('handled_date'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('market_feedback_code_uq').on(t.code),
    index('market_feedback_date_idx').on(t.date),
    index('market_feedback_status_idx').on(t.status, t.date),
    index('market_feedback_order_idx').on(t.orderId),
    check('market_feedback_type_ck', sql`${t.type} in ('consumer', 'competitor', 'dealer', 'violation', 'other')`),
    check('market_feedback_urgency_ck', sql`${t.urgency} in ('normal', 'urgent', 'critical')`),
    check('market_feedback_status_ck', sql`${t.status} in ('open', 'handled')`),
  ],
);
