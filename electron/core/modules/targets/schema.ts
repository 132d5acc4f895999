// 目标 Targets: one row per (metric, level, unit, period range); children made by decomposition point at their
// parent and always sum back to it. Values are integers in the metric's unit (分 or a count).
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { timestamps } from '../../db/columns';

export const targets = sqliteTable(
  'targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    metric: text('metric').notNull(),
    level: text('level').notNull(),
    // '' for the company; the id (as text) for regions, teams, reps, customers, categories, dealers; the code for settlement and channel type
    unitKey: text('unit_key').notNull().default(''),
    // YYYY, YYYY-Qn, YYYY-MM, YYYY-Www or YYYY-MM-DD; a week split by a month end keeps its label with clipped dates
    period: text('period').notNull(),
    periodKind: text('period_kind').notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    value: integer('value').notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => targets.id),
    // how this target's children were made: by time or by unit (null while it has none)
    split: text('split'),
    locked: integer('locked').notNull().default(0),
    note: text('note').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('targets_unit_period_uq').on(t.metric, t.level, t.unitKey, t.fromDate, t.toDate),
    index('targets_parent_idx').on(t.parentId),
    index('targets_lookup_idx').on(t.metric, t.level, t.period),
    check('targets_metric_ck', sql`${t.metric} in ('sales', 'collections', 'grossProfit', 'newCustomers', 'visits', 'expenses')`),
    check(
      'targets_level_ck',
      sql`${t.level} in ('company', 'region', 'team', 'rep', 'customer', 'productCategory', 'dealer', 'settlement', 'channelType')`,
    ),
    check('targets_kind_ck', sql`${t.periodKind} in ('year', 'quarter', 'month', 'week', 'day')`),
    check('targets_split_ck', sql`${t.split} is null or ${t.split} in ('time', 'unit')`),
    check('targets_value_int', sql`typeof(${t.value}) = 'integer' and ${t.value} >= 0`),
    check('targets_locked_ck', sql`${t.locked} in (0, 1)`),
    check('targets_range_ck', sql`${t.fromDate} <= ${t.toDate}`),
  ],
);
