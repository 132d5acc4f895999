// 每日销售报告表: one report per rep per day, a line per visit (planned or not), and its signature. Locked when
// signed, like the plan (triggers in migration 0002).
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { signColumns, timestamps } from '../../db/columns';
import { complaints } from '../complaints/schema';
import { customers } from '../customers/schema';
import { opportunities } from '../opportunities/schema';
import { reps } from '../reps/schema';
import { visitPlanLines } from '../visitPlans/schema';

export const dailyReports = sqliteTable(
  'daily_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    repId: integer('rep_id')
      .notNull()
      .references(() => reps.id),
    date: text('date').notNull(),
    attendance: text('attendance').notNull().default('present'),
    problems: text('problems').notNull().default(''),
    tomorrowPlan: text('tomorrow_plan').notNull().default(''),
    ...signColumns,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('daily_reports_rep_date_uq').on(t.repId, t.date),
    index('daily_reports_date_idx').on(t.date, t.state),
    check('daily_reports_state_ck', sql`${t.state} in ('draft', 'submitted', 'signed')`),
    check('daily_reports_attendance_ck', sql`${t.attendance} in ('present', 'out', 'leave', 'off')`),
  ],
);

export const dailyReportLines = sqliteTable(
  'daily_report_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => dailyReports.id),
    seq: integer('seq').notNull(),
    // the plan line this visit fulfils; null for an unplanned visit
    planLineId: integer('plan_line_id').references(() => visitPlanLines.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    done: integer('done').notNull().default(1),
    reason: text('reason').notNull().default(''),
    outcome: text('outcome').notNull().default(''),
    nextStep: text('next_step').notNull().default(''),
    orderFen: integer('order_fen').notNull().default(0),
    collectedFen: integer('collected_fen').notNull().default(0),
    complaintId: integer('complaint_id').references(() => complaints.id),
    // the 商机 this visit worked on, and the stage the visit moved it to (null: only named); checked by the service (a
    // CHECK here would make drizzle-kit rebuild the table and drop migration 0002's signed-lock triggers)
    opportunityId: integer('opportunity_id').references((): AnySQLiteColumn => opportunities.id),
    opportunityStage: text('opportunity_stage'),
  },
  (t) => [
    index('daily_report_lines_report_idx').on(t.reportId, t.seq),
    index('daily_report_lines_customer_idx').on(t.customerId),
    index('daily_report_lines_opportunity_idx').on(t.opportunityId),
    check('daily_report_lines_done_ck', sql`${t.done} in (0, 1)`),
    check('daily_report_lines_order_fen_int', sql`typeof(${t.orderFen}) = 'integer' and ${t.orderFen} >= 0`),
    check('daily_report_lines_collected_fen_int', sql`typeof(${t.collectedFen}) = 'integer' and ${t.collectedFen} >= 0`),
  ],
);
