// 目标 Targets: set once a year, decomposed by time and by responsibility (always summing back exactly), tracked
// against the working-day time progress. Values are integers in the metric's unit: 分 for money, a count otherwise.
import { z } from 'zod';
import { channelTypes } from '../domain/dealer';
import { settlements } from '../domain/money';
import { decomposeMethods, targetLevels, targetMetrics } from '../domain/targets';
import { parsePeriod } from '../periods';
import { fileBase64Schema, fileOutput, formatError, idSchema, requiredText, text } from './common';

const PERIOD_MESSAGE = '期间不存在（应为 YYYY、YYYY-Qn、YYYY-MM、YYYY-Www 或 YYYY-MM-DD）';
export const periodSchema = z.string(formatError(PERIOD_MESSAGE)).refine((p) => parsePeriod(p) !== null, PERIOD_MESSAGE);

/** A unit: the id of a region, team, rep, customer, product category or dealer; the code of a settlement or channel type. */
export const unitIdSchema = z.union([idSchema, z.enum([...settlements, ...channelTypes])]);
export const targetValueSchema = z.int('必须是整数').min(0, '不能为负数').max(1_000_000_000_000);

export const targetRow = z.object({
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

const gridCell = z.object({
  /** null when the row has no child for this period yet */
  id: z.int().nullable(),
  period: z.string(),
  value: z.int().nullable(),
  locked: z.boolean(),
});
export const targetGrid = z.object({
  parent: targetRow,
  columns: z.array(
    z.object({
      period: z.string(),
      from: z.string(),
      to: z.string(),
      /** Σ the column's cells */
      total: z.int(),
    }),
  ),
  rows: z.array(
    z.object({
      id: z.int(),
      unitId: unitIdSchema.nullable(),
      unitName: z.string(),
      /** the row's target (its total) */
      value: z.int(),
      locked: z.boolean(),
      /** value − Σ cells (0 once the row is decomposed) */
      unallocated: z.int(),
      cells: z.array(gridCell),
    }),
  ),
  /** parent value − Σ rows */
  unallocated: z.int(),
});
export type TargetGrid = z.infer<typeof targetGrid>;

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
  /** the top targets (no parent), for the list page; newest period first */
  'targets.roots': {
    input: z
      .object({
        metric: z.enum(targetMetrics).optional(),
        year: z.int().min(1900).max(2999).optional(),
        level: z.enum(targetLevels).optional(),
      })
      .strict(),
    output: z.object({ rows: z.array(targetRow) }),
  },
  /** a target and its whole subtree, audited; refused when anything in it is locked */
  'targets.delete': {
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ id: z.int(), deleted: z.int() }),
  },
  /** rows = the parent's unit children, columns = their time children of one kind (months by default) */
  'targets.grid': {
    input: z
      .object({
        parentId: idSchema,
        /** the columns' period kind (default month; a month parent defaults to weeks) */
        periodKind: z.enum(['quarter', 'month', 'week', 'day']).optional(),
      })
      .strict(),
    output: targetGrid,
  },
  /** one cell of the grid changes; the rest of its row (row total fixed) or of its column (column total fixed) absorbs it */
  'targets.setCell': {
    input: z.object({ id: idSchema, value: targetValueSchema, rebalance: z.enum(['row', 'column']) }).strict(),
    output: targetGrid,
  },
  /** the target and its subtree scaled by factorBp / 10000 (exact sums, locked children keep their values); the parent follows */
  'targets.scale': {
    input: z.object({ id: idSchema, factorBp: z.int().min(0, '比例不能为负数').max(1_000_000) }).strict(),
    output: targetRow,
  },
  /** last year's tree under the same metric / level / unit, its shape copied onto this target's value (children replaced) */
  'targets.copyLastYear': {
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ rows: z.array(targetRow) }),
  },
  /** the grid as an .xlsx: 编号, 单位, one column per period, 合计 (money in 元) */
  'targets.exportGrid': {
    input: z.object({ parentId: idSchema, periodKind: z.enum(['quarter', 'month', 'week', 'day']).optional() }).strict(),
    output: fileOutput,
  },
  /**
   * An exported grid read back through the importer's file checks: a preview of every row (commit: false), or the
   * cells written in one transaction (commit: true; refused while any row has an error).
   */
  'targets.importGrid': {
    input: z
      .object({
        parentId: idSchema,
        fileName: requiredText(200),
        base64: fileBase64Schema,
        commit: z.boolean().default(false),
        /** as exported (default month) */
        periodKind: z.enum(['quarter', 'month', 'week', 'day']).optional(),
      })
      .strict(),
    output: z.object({
      columns: z.array(z.string()),
      rows: z.array(
        z.object({
          rowNumber: z.int(),
          /** the grid row it updates; null when the unit is not a row of the grid */
          id: z.int().nullable(),
          unitId: unitIdSchema.nullable(),
          unitName: z.string(),
          cells: z.array(z.int().nullable()),
          total: z.int(),
          status: z.enum(['same', 'changed', 'error']),
          errors: z.array(z.object({ column: z.string(), message: z.string() })),
        }),
      ),
      counts: z.object({ total: z.int(), changed: z.int(), error: z.int() }),
      committed: z.boolean(),
    }),
  },
} as const;
