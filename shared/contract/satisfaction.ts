// 客户满意度 Satisfaction: a 1–5 score with a comment, after a complaint is closed, at a visit or in a survey.
import { z } from 'zod';
import { satisfactionSources } from '../domain/satisfaction';
import { dateSchema, idSchema, pageInput, text } from './common';

const satisfactionRow = z.object({
  id: z.int(),
  customerId: z.int(),
  customerName: z.string(),
  score: z.int(),
  comment: z.string(),
  source: z.enum(satisfactionSources),
  complaintId: z.int().nullable(),
  complaintCode: z.string().nullable(),
  dailyReportLineId: z.int().nullable(),
  /** the date of the daily report the visit line is on */
  reportDate: z.string().nullable(),
  /** the rep responsible: the visit's rep, the complaint's, else the customer's when scored */
  repId: z.int().nullable(),
  repName: z.string().nullable(),
  scoredOn: z.string(),
  operatorName: z.string().nullable(),
  createdAt: z.string(),
});
export type SatisfactionRow = z.infer<typeof satisfactionRow>;

const filters = {
  customerId: idSchema.optional(),
  repId: idSchema.optional(),
  /** the customer's region and its subtree */
  regionId: idSchema.optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
};

/** Σ scores / count to two decimals; null without scores. */
const average = z.number().nullable();
const group = z.object({ id: z.int().nullable(), name: z.string(), count: z.int(), average: z.number(), lowCount: z.int() });
export type SatisfactionGroup = z.infer<typeof group>;

export const satisfactionMethods = {
  'satisfaction.save': {
    input: z
      .object({
        customerId: idSchema,
        score: z.int().min(1, '评分应为 1–5 分').max(5, '评分应为 1–5 分'),
        comment: text(500).default(''),
        source: z.enum(satisfactionSources),
        /** required for a score after a complaint: the closed complaint of this customer */
        complaintId: idSchema.optional(),
        /** a visit line of this customer on a daily report */
        dailyReportLineId: idSchema.optional(),
        /** default today; never in the future */
        scoredOn: dateSchema.optional(),
      })
      .strict(),
    output: satisfactionRow,
  },
  // newest first
  'satisfaction.list': {
    input: z
      .object({ page: pageInput.page, pageSize: pageInput.pageSize, ...filters, source: z.enum(satisfactionSources).optional() })
      .strict(),
    output: z.object({ rows: z.array(satisfactionRow), total: z.int(), average, lowCount: z.int() }),
  },
  // averages of the period by the customer's top-level region below the one asked for (or its own) and by rep
  'satisfaction.summary': {
    input: z.object({ from: dateSchema, to: dateSchema, regionId: idSchema.optional(), repId: idSchema.optional() }).strict(),
    output: z.object({
      count: z.int(),
      average,
      lowCount: z.int(),
      byRegion: z.array(group),
      byRep: z.array(group),
    }),
  },
} as const;
