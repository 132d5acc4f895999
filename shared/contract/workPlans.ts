// 周计划 / 月度总结: per rep, a weekly action plan (week = Monday YYYY-MM-DD) and a monthly work summary (YYYY-MM), each
// with the next period's key points. One record per rep and period: save creates it or replaces its text.
import { z } from 'zod';
import { dateSchema, formatError, idSchema, pageInput, sortInput, text } from './common';

/** YYYY-MM-DD that falls on a Monday (the week's first day). */
export function isMonday(date: string): boolean {
  return new Date(`${date}T00:00:00Z`).getUTCDay() === 1;
}
export const weekStartSchema = dateSchema.refine(isMonday, '周开始日期必须是星期一');
export const monthSchema = z
  .string(formatError('月份格式应为 YYYY-MM'))
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
  .refine((m) => m >= '0001-01', '月份格式应为 YYYY-MM');

const section = text(4000).default('');

const repFields = {
  id: z.int(),
  repId: z.int(),
  repCode: z.string(),
  repName: z.string(),
  teamName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const weeklyPlanDetail = z.object({
  ...repFields,
  weekStart: z.string(),
  review: z.string(),
  goals: z.string(),
  actions: z.string(),
  keyPoints: z.string(),
});
export type WeeklyPlanDetail = z.infer<typeof weeklyPlanDetail>;

export const monthlySummaryDetail = z.object({
  ...repFields,
  month: z.string(),
  achievements: z.string(),
  problems: z.string(),
  keyPoints: z.string(),
});
export type MonthlySummaryDetail = z.infer<typeof monthlySummaryDetail>;

export const weeklyPlanSortFields = ['weekStart', 'repName', 'updatedAt'] as const;
export const monthlySummarySortFields = ['month', 'repName', 'updatedAt'] as const;

export const workPlanMethods = {
  /** null when the rep has no plan for that week */
  'weeklyPlans.get': { input: z.object({ repId: idSchema, weekStart: weekStartSchema }).strict(), output: weeklyPlanDetail.nullable() },
  /** creates the rep's plan for the week or replaces its text */
  'weeklyPlans.save': {
    input: z
      .object({ repId: idSchema, weekStart: weekStartSchema, review: section, goals: section, actions: section, keyPoints: section })
      .strict(),
    output: weeklyPlanDetail,
  },
  'weeklyPlans.list': {
    input: z
      .object({
        ...pageInput,
        /** weeks starting in this range, both ends included */
        from: dateSchema.optional(),
        to: dateSchema.optional(),
        repId: idSchema.optional(),
        teamId: idSchema.optional(),
        sort: sortInput(weeklyPlanSortFields),
      })
      .strict(),
    output: z.object({ rows: z.array(weeklyPlanDetail), total: z.int() }),
  },
  /** null when the rep has no summary for that month */
  'monthlySummaries.get': { input: z.object({ repId: idSchema, month: monthSchema }).strict(), output: monthlySummaryDetail.nullable() },
  'monthlySummaries.save': {
    input: z.object({ repId: idSchema, month: monthSchema, achievements: section, problems: section, keyPoints: section }).strict(),
    output: monthlySummaryDetail,
  },
  'monthlySummaries.list': {
    input: z
      .object({
        ...pageInput,
        from: monthSchema.optional(),
        to: monthSchema.optional(),
        repId: idSchema.optional(),
        teamId: idSchema.optional(),
        sort: sortInput(monthlySummarySortFields),
      })
      .strict(),
    output: z.object({ rows: z.array(monthlySummaryDetail), total: z.int() }),
  },
} as const;
