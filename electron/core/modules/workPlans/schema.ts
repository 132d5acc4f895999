// 周计划 / 月总结: a rep's weekly action plan and monthly work summary, each with the next period's key points.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamps } from '../../db/columns';
import { reps } from '../reps/schema';

export const weeklyPlans = sqliteTable(
  'weekly_plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    repId: integer('rep_id')
      .notNull()
      .references(() => reps.id),
    // the Monday of the week, YYYY-MM-DD
    weekStart: text('week_start').notNull(),
    review: text('review').notNull().default(''),
    goals: text('goals').notNull().default(''),
    actions: text('actions').notNull().default(''),
    keyPoints: text('key_points').notNull().default(''),
    ...timestamps,
  },
  (t) => [uniqueIndex('weekly_plans_rep_week_uq').on(t.repId, t.weekStart), index('weekly_plans_week_idx').on(t.weekStart)],
);

export const monthlySummaries = sqliteTable(
  'monthly_summaries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    repId: integer('rep_id')
      .notNull()
      .references(() => reps.id),
    // YYYY-MM
    month: text('month').notNull(),
    achievements: text('achievements').notNull().default(''),
    problems: text('problems').notNull().default(''),
    keyPoints: text('key_points').notNull().default(''),
    ...timestamps,
  },
  (t) => [uniqueIndex('monthly_summaries_rep_month_uq').on(t.repId, t.month), index('monthly_summaries_month_idx').on(t.month)],
);
