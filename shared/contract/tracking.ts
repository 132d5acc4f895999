// 目标达成 Target tracking: actual against target and against the working-day time progress, for any level and period.
import { z } from 'zod';
import { targetLevels, targetMetrics, trackingStatuses, type TargetLevel, type TargetMetric } from '../domain/targets';
import { parsePeriod } from '../periods';
import { dateSchema, formatError, idSchema } from './common';
import { unitIdSchema } from './targets';

/** Tracking periods: a year, a quarter or a month. */
export const trackingPeriodSchema = z
  .string(formatError('期间应为 YYYY、YYYY-Qn 或 YYYY-MM'))
  .refine((p) => ['year', 'quarter', 'month'].includes(parsePeriod(p)?.kind ?? ''), '期间应为 YYYY、YYYY-Qn 或 YYYY-MM');

/**
 * The levels each metric can be attributed to. Order figures carry a settlement and lines carry products; collections,
 * visits and expenses reach a dealer and a channel type only through the customer's serving dealer.
 */
export const metricLevels: Record<TargetMetric, readonly TargetLevel[]> = {
  sales: targetLevels,
  grossProfit: targetLevels,
  newCustomers: ['company', 'region', 'team', 'rep', 'customer', 'dealer', 'settlement', 'channelType'],
  collections: ['company', 'region', 'team', 'rep', 'customer', 'dealer', 'channelType'],
  visits: ['company', 'region', 'team', 'rep', 'customer', 'dealer', 'channelType'],
  expenses: ['company', 'region', 'team', 'rep', 'customer', 'dealer', 'channelType'],
};

export const metricLevelSupported = (metric: TargetMetric, level: TargetLevel): boolean => metricLevels[metric].includes(level);

export const trackingRow = z.object({
  /** null for the company row */
  unitId: unitIdSchema.nullable(),
  name: z.string(),
  target: z.int(),
  actual: z.int(),
  /** actual / target in bp; null when the target is 0 */
  achievementBp: z.int().nullable(),
  /** working days elapsed (asOf included) / working days in the period, in bp */
  timeProgressBp: z.int().nullable(),
  /** target − actual (negative when exceeded); for the expense budget: the budget left */
  gap: z.int(),
  /** what must still be done per remaining working day (0 when none remain or nothing is left to do) */
  requiredPerDay: z.int(),
  status: z.enum(trackingStatuses),
  /** 1 = best among the rows (by achievement; for the expense budget the lowest use ranks first); null without a target */
  rank: z.int().nullable(),
  /** the target row behind it, for drill-down; null when none is set */
  targetId: z.int().nullable(),
});
export type TrackingRow = z.infer<typeof trackingRow>;

export const trackingMethods = {
  'targets.tracking': {
    input: z
      .object({
        metric: z.enum(targetMetrics),
        level: z.enum(targetLevels),
        period: trackingPeriodSchema,
        asOf: dateSchema,
        /** the units under this target (drill-down); default every unit of the level with a target or an actual */
        parentId: idSchema.optional(),
        /** the drill-down's breadcrumb, top-down (region 华东 › rep 李娜): only documents within every unit count, and
         *  rows are the units whose targets hang below the last one, or that have documents within them */
        within: z
          .array(z.object({ level: z.enum(targetLevels), unitId: unitIdSchema.nullable() }).strict())
          .max(8)
          .optional(),
      })
      .strict(),
    output: z.object({
      unit: z.enum(['fen', 'count']),
      from: z.string(),
      to: z.string(),
      workingDays: z.int(),
      workingDaysElapsed: z.int(),
      /** the 正常 band: behind the time progress by at most this many bp (settings trackingToleranceBp) */
      toleranceBp: z.int(),
      /** years of the period whose official holiday schedule is not known (the calendar counts weekdays there) */
      yearsWithoutSchedule: z.array(z.int()),
      rows: z.array(trackingRow),
      /** the unit the rows lie within (parent target's or the breadcrumb's last), with its own target and actual
       *  (within its ancestors' units); null without one */
      scope: trackingRow
        .omit({ rank: true })
        .extend({ level: z.enum(targetLevels) })
        .nullable(),
      /** the sum of the rows */
      total: trackingRow.omit({ unitId: true, rank: true, targetId: true }),
    }),
  },
} as const;
