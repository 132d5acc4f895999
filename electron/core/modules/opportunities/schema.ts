// 商机 Opportunities: one sale being worked through the stages, its products of interest and every stage change with
// its business date (days in each stage come from consecutive changes; the first row, from null, is the creation).
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamps } from '../../db/columns';
import { customers } from '../customers/schema';
import { dailyReportLines } from '../dailyReports/schema';
import { operators } from '../operators/schema';
import { orders } from '../orders/schema';
import { products } from '../products/schema';
import { reps } from '../reps/schema';

const stageList = sql.raw(`'identify','contact','needs','demo','quote','negotiate','won','lost'`);

export const opportunities = sqliteTable(
  'opportunities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    title: text('title').notNull(),
    amountFen: integer('amount_fen').notNull().default(0),
    expectedCloseDate: text('expected_close_date').notNull(),
    stage: text('stage').notNull().default('identify'),
    probabilityBp: integer('probability_bp').notNull(),
    // 1: typed by hand, kept when the stage moves; 0: follows the stage's default
    probabilityManual: integer('probability_manual').notNull().default(0),
    repId: integer('rep_id')
      .notNull()
      .references(() => reps.id),
    nextStep: text('next_step').notNull().default(''),
    nextStepDate: text('next_step_date'),
    competitor: text('competitor').notNull().default(''),
    source: text('source').notNull().default(''),
    lostReason: text('lost_reason'),
    lostNote: text('lost_note').notNull().default(''),
    // the draft sales order it was won into (a deleted draft leaves the opportunity won, without the link)
    orderId: integer('order_id').references(() => orders.id, { onDelete: 'set null' }),
    // the business date it was entered, and the date it entered its current stage (the last change's)
    createdOn: text('created_on').notNull(),
    stageSince: text('stage_since').notNull(),
    closedOn: text('closed_on'),
    ...timestamps,
  },
  (t) => [
    // the kanban of one rep: open stages by stage, the closed of the last 30 days by closed_on
    index('opportunities_board_idx').on(t.repId, t.stage, t.closedOn),
    index('opportunities_customer_idx').on(t.customerId),
    index('opportunities_next_step_idx').on(t.repId, t.nextStepDate),
    index('opportunities_created_idx').on(t.createdOn),
    index('opportunities_closed_idx').on(t.closedOn, t.stage),
    index('opportunities_close_date_idx').on(t.expectedCloseDate),
    index('opportunities_updated_idx').on(t.updatedAt),
    index('opportunities_amount_idx').on(t.amountFen),
    check('opportunities_stage_ck', sql`${t.stage} in (${stageList})`),
    check('opportunities_amount_fen_int', sql`typeof(${t.amountFen}) = 'integer' and ${t.amountFen} >= 0`),
    check('opportunities_probability_ck', sql`typeof(${t.probabilityBp}) = 'integer' and ${t.probabilityBp} between 0 and 10000`),
    check('opportunities_probability_manual_ck', sql`${t.probabilityManual} in (0, 1)`),
    check(
      'opportunities_lost_reason_ck',
      sql`${t.lostReason} is null or ${t.lostReason} in ('price','competitor','cancelled','noBudget','unreachable','other')`,
    ),
    // closed ones carry their closing date, open ones none; a lost one its reason
    check('opportunities_closed_ck', sql`(${t.stage} in ('won','lost')) = (${t.closedOn} is not null)`),
    check('opportunities_lost_ck', sql`(${t.stage} = 'lost') = (${t.lostReason} is not null)`),
    check('opportunities_close_date_ck', sql`${t.expectedCloseDate} >= ${t.createdOn}`),
  ],
);

/** 意向产品 products of interest (a won opportunity's draft order gets one line each). */
export const opportunityProducts = sqliteTable(
  'opportunity_products',
  {
    opportunityId: integer('opportunity_id')
      .notNull()
      .references(() => opportunities.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    seq: integer('seq').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.opportunityId, t.productId] }), index('opportunity_products_product_idx').on(t.productId)],
);

export const opportunityStageChanges = sqliteTable(
  'opportunity_stage_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    opportunityId: integer('opportunity_id')
      .notNull()
      .references(() => opportunities.id),
    // null on the creation row
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    changedOn: text('changed_on').notNull(),
    operatorId: integer('operator_id').references(() => operators.id),
    // the operator's name as the audit log records it (the system's work has no operator row)
    operatorName: text('operator_name').notNull(),
    // the daily report visit line that moved it
    dailyReportLineId: integer('daily_report_line_id').references(() => dailyReportLines.id),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('opportunity_stage_changes_opp_idx').on(t.opportunityId, t.changedOn),
    index('opportunity_stage_changes_line_idx').on(t.dailyReportLineId),
    check('opportunity_stage_changes_from_ck', sql`${t.fromStage} is null or ${t.fromStage} in (${stageList})`),
    check('opportunity_stage_changes_to_ck', sql`${t.toStage} in (${stageList})`),
  ],
);
