// 客户满意度 Satisfaction: a 1–5 score with a comment, given after a complaint is closed, at a visit or in a survey.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { complaints } from '../complaints/schema';
import { customers } from '../customers/schema';
import { dailyReportLines } from '../dailyReports/schema';
import { operators } from '../operators/schema';
import { reps } from '../reps/schema';

export const satisfactionScores = sqliteTable(
  'satisfaction_scores',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
    source: text('source').notNull(),
    complaintId: integer('complaint_id').references(() => complaints.id),
    dailyReportLineId: integer('daily_report_line_id').references(() => dailyReportLines.id),
    repId: integer('rep_id').references(() => reps.id),
    scoredOn: text('scored_on').notNull(),
    operatorId: integer('operator_id').references(() => operators.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('satisfaction_scores_customer_idx').on(t.customerId, t.scoredOn),
    index('satisfaction_scores_date_idx').on(t.scoredOn),
    check('satisfaction_scores_score_ck', sql`typeof(${t.score}) = 'integer' and ${t.score} between 1 and 5`),
    check('satisfaction_scores_source_ck', sql`${t.source} in ('complaint', 'visit', 'survey')`),
  ],
);
