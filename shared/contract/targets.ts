// 目标 Targets: set once a year, decomposed by time and by responsibility (always summing back exactly), tracked
// against the working-day time progress. Values are integers in the metric's unit: 分 for money, a count otherwise.
import { z } from 'zod';
import { channelTypes } from '../domain/dealer';
import { settlements } from '../domain/money';
import { decomposeMethods, targetLevels, targetMetrics } from '../domain/targets';
import { parsePeriod } from '../periods';
import { formatError, idSchema, text } from './common';

const PERIOD_MESSAGE = '期间不存在（应为 YYYY、YYYY-Qn、YYYY-MM、YYYY-Www 或 YYYY-MM-DD）';
export const periodSchema = z.string(formatError(PERIOD_MESSAGE)).refine((p) => parsePeriod(p) !== null, PERIOD_MESSAGE);

/** A unit: the id of a region, team, rep, customer, product category or dealer; the code of a settlement or channel type. */
export const unitIdSchema = z.union([idSchema, z.enum([...settlements, ...channelTypes])]);
export const targetValueSchema = z.int('必须是整数').min(0, '不能为负数').max(1_000_000_000_000);

const targetRow = z.object({
  id: z.int(),
  metric: z.enum(targetMetrics),
  level: z.enum(targetLevels),
  /** null for the company */
  unitId: unitIdSchema.nullable(),
  unitName: z.string(),
  period: z.string(),
  periodKind: z.enum(['year', 'quarter', 'month', 'week', 'day']),
  from: z.string(),
  to: z.string(),
  value: z.int(),
  parentId: z.int().nullable(),
  /** how its children were made; null while it has none */
  split: z.enum(['time', 'unit']).nullable(),
  locked: z.boolean(),
  childCount: z.int(),
  /** Σ children (equals value once decomposed; less while children are being entered by hand) */
  childrenSum: z.int(),
  note: z.string(),
});
export type TargetRow = z.infer<typeof targetRow>;

export const targetMethods = {
  'targets.save': {
    input: z
      .object({
        id: idSchema.optional(),
        metric: z.enum(targetMetrics),
        level: z.enum(targetLevels),
        unitId: unitIdSchema.optional(),
        period: periodSchema,
        value: targetValueSchema,
        parentId: idSchema.optional(),
        /** when an existing child changes: its unlocked siblings absorb the difference (default), or the parent follows */
        rebalance: z.enum(['siblings', 'parent']).optional(),
        note: text(200).optional(),
      })
      .strict(),
    output: z.object({ id: z.int() }),
  },
  'targets.get': { input: z.object({ id: idSchema }).strict(), output: targetRow },
  'targets.children': { input: z.object({ parentId: idSchema }).strict(), output: z.object({ rows: z.array(targetRow) }) },
  'targets.decompose': {
    input: z
      .object({
        parentId: idSchema,
        by: z.enum(['time', 'unit']),
        method: z.enum(decomposeMethods),
        /** by time: one weight per child period in order; by unit: { unitId: weight } as [unitId, weight] pairs */
        weights: z
          .array(z.union([z.int().min(0, '权重不能为负数'), z.tuple([unitIdSchema, z.int().min(0, '权重不能为负数')])]))
          .max(10_000)
          .optional(),
        /** by time: the children's period kind (default the next finer: year → quarter → month → week → day) */
        periodKind: z.enum(['quarter', 'month', 'week', 'day']).optional(),
        /** by unit: the children's level (default the next level down) */
        level: z.enum(targetLevels).optional(),
        /** by unit: which units (default every active unit of that level under the parent's unit) */
        unitIds: z.array(unitIdSchema).max(100_000).optional(),
      })
      .strict(),
    output: z.object({ rows: z.array(targetRow) }),
  },
  'targets.lock': {
    input: z.object({ id: idSchema, locked: z.boolean() }).strict(),
    output: z.object({ id: z.int(), locked: z.boolean() }),
  },
} as const;
