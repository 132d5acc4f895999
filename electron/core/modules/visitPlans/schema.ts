// 每日拜访计划表: one plan per rep per day, its visit lines, and its signature. Signed rows are locked by triggers
// (migration 0002): only an unsign (state signed → draft, content unchanged) may touch a signed header.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { signColumns, timestamps } from '../../db/columns';
import { customers } from '../customers/schema';
import { reps } from '../reps/schema';

export const visitPlans = sqliteTable(
  'visit_plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    repId: integer('rep_id')
      .notNull()
      .references(() => reps.id),
    date: text('date').notNull(),
    notes: text('notes').notNull().default(''),
    ...signColumns,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('visit_plans_rep_date_uq').on(t.repId, t.date),
    index('visit_plans_date_idx').on(t.date, t.state),
    check('visit_plans_state_ck', sql`${t.state} in ('draft', 'submitted', 'signed')`),
  ],
);

export const visitPlanLines = sqliteTable(
  'visit_plan_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => visitPlans.id),
    seq: integer('seq').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    plannedTime: text('planned_time'),
    // JSON array of purpose codes: develop, research, collect, service, complaint, order, other
    purposes: text('purposes').notNull().default('[]'),
    contact: text('contact').notNull().default(''),
    notes: text('notes').notNull().default(''),
  },
  (t) => [index('visit_plan_lines_plan_idx').on(t.planId, t.seq), index('visit_plan_lines_customer_idx').on(t.customerId)],
);
