// 业绩考核 Rep evaluation: every figure computed from documents for a month or quarter, plus the supervisor's scores.
import { z } from 'zod';
import { idSchema, text } from './common';
import { parsePeriod } from '../periods';
import { evaluationComponents } from '../domain/evaluations';

export const evaluationPeriodSchema = z
  .string()
  .refine((p) => ['month', 'quarter'].includes(parsePeriod(p)?.kind ?? ''), '考核期间应为 YYYY-MM 或 YYYY-Qn');
const score = z.int('必须是 1–5 的整数').min(1, '评分应在 1–5 之间').max(5, '评分应在 1–5 之间');

/** A ratio of a count or amount: null when its denominator is 0 (shown as —). */
const ratio = z.int().nullable();

/** Plans and reports expected on the rep's attended working days, how many were submitted, how many on time and signed. */
const compliance = z.object({
  plansExpected: z.int(),
  plansSubmitted: z.int(),
  /** submitted by the deadline (PLAN_DUE_HOUR of its day) and signed */
  plansOnTime: z.int(),
  reportsExpected: z.int(),
  reportsSubmitted: z.int(),
  /** submitted by the deadline (REPORT_DUE_HOUR of the next day) and signed */
  reportsOnTime: z.int(),
  /** (plansOnTime + reportsOnTime) ÷ (2 × attended working days) */
  complianceBp: ratio,
});

const scores = z.object({
  cooperation: z.int(),
  enthusiasm: z.int(),
  responsibility: z.int(),
  comment: z.string(),
  scoredByName: z.string(),
  updatedAt: z.string(),
});

const component = z.object({
  key: z.enum(evaluationComponents),
  weightBp: z.int(),
  /** the actual figure the rate comes from, in its own unit (bp, visits/day ×100, score 1–5); null when not rated */
  actual: z.int().nullable(),
  /** the rate of full marks, 0–10000; null when it cannot be rated (no target, not yet scored) */
  rateBp: ratio,
  /** rate × weight ÷ the weights of the rated components: its share of the total, in bp of full marks */
  pointsBp: ratio,
});

export const evaluationRow = z.object({
  repId: z.int(),
  repCode: z.string(),
  repName: z.string(),
  teamId: z.int().nullable(),
  teamName: z.string().nullable(),
  period: z.string(),
  from: z.string(),
  to: z.string(),
  /** the last day whose working days and forms count: the period end, or today while the period runs */
  countedTo: z.string(),
  /** orders (a 红冲 negative) − returns, by document date, of orders taken by the rep */
  salesFen: z.int(),
  collectionsFen: z.int(),
  grossProfitFen: z.int(),
  /** customers with a posted, unreversed order of the rep in the period */
  customerCount: z.int(),
  /** customers whose first (unreversed) order ever is the rep's and falls in the period */
  newCustomers: z.int(),
  /** customers the rep took an order from in the 12 months up to the period end, with no order at all in its last N days */
  lostCustomers: z.int(),
  lostCustomerDays: z.int(),
  /** completed visits (done lines) of the rep's submitted or signed daily reports in the period */
  visits: z.int(),
  /** completed visits that produced an order (see figures.ts) */
  visitsWithOrder: z.int(),
  /** company working days in the period */
  workingDays: z.int(),
  /** of those, days the rep reported 请假 */
  leaveDays: z.int(),
  attendedDays: z.int(),
  /** visits ÷ attended days, ×100 (625 = 6.25 visits a day) */
  visitsPerDayX100: ratio,
  revenuePerVisitFen: ratio,
  costPerVisitFen: ratio,
  /** visits with an order ÷ visits × 100, ×100 (3750 = 37.5 orders per 100 visits) */
  ordersPer100VisitsX100: ratio,
  expensesFen: z.int(),
  /** expenses ÷ sales; null when sales ≤ 0 */
  expenseRatioBp: ratio,
  /** the rep's sales target for the period (null without one) and sales ÷ target (null without a target or for 0) */
  salesTargetFen: z.int().nullable(),
  achievementBp: ratio,
  collectionsTargetFen: z.int().nullable(),
  collectionsAchievementBp: ratio,
  compliance,
  scores: scores.nullable(),
  components: z.array(component),
  /** weighted total in bp of full marks (10000 = 100 分); null when nothing can be rated */
  totalScoreBp: ratio,
  /** rank by total within the rep's team (reps without a team rank among themselves) and among every active rep */
  teamRank: ratio,
  teamSize: z.int(),
  rank: ratio,
});
export type EvaluationRow = z.infer<typeof evaluationRow>;

const weightsShape = z
  .object(
    Object.fromEntries(evaluationComponents.map((c) => [c, z.int().min(0, '权重不能为负').max(10000, '权重不能超过 100%')])) as {
      [K in (typeof evaluationComponents)[number]]: z.ZodInt;
    },
  )
  .strict();

export const evaluationScheme = z.object({
  /** bp per component, summing to 10000 */
  weights: weightsShape,
  /** visits per attended working day that earn full marks, ×100 */
  standardVisitsPerDayX100: z.int(),
  lostCustomerDays: z.int(),
});
export type EvaluationScheme = z.infer<typeof evaluationScheme>;

export const evaluationMethods = {
  'evaluations.get': {
    input: z.object({ repId: idSchema, period: evaluationPeriodSchema }).strict(),
    output: evaluationRow,
  },
  'evaluations.list': {
    input: z.object({ period: evaluationPeriodSchema, teamId: idSchema.optional() }).strict(),
    /** every active rep (of the team), ordered by team, then rank, then code */
    output: z.object({ period: z.string(), from: z.string(), to: z.string(), rows: z.array(evaluationRow), scheme: evaluationScheme }),
  },
  'evaluations.weights': {
    input: z.object({}).strict(),
    output: evaluationScheme,
  },
  'evaluations.saveWeights': {
    input: z
      .object({
        weights: weightsShape.refine((w) => Object.values(w).reduce((a, b) => a + b, 0) === 10000, '各项权重合计应为 100%（10000 基点）'),
        standardVisitsPerDayX100: z.int().min(1, '标准日均拜访应大于 0').max(10000, '标准日均拜访不能超过 100'),
        lostCustomerDays: z.int().min(1, '流失天数应在 1–365 之间').max(365, '流失天数应在 1–365 之间'),
      })
      .strict(),
    output: evaluationScheme,
  },
  'evaluations.saveScores': {
    input: z
      .object({
        repId: idSchema,
        period: evaluationPeriodSchema,
        cooperation: score,
        enthusiasm: score,
        responsibility: score,
        comment: text(500).default(''),
      })
      .strict(),
    output: z.object({ repId: z.int(), period: z.string() }),
  },
} as const;
