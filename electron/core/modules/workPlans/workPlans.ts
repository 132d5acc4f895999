// 周计划 / 月度总结: one record per rep and period — get (null when none), save (create or replace its text, one
// transaction with its audit entry) and a paged, sorted, filtered list. The rep must be active; a supervisor works
// only for their own team (the same rule as the daily forms).
import type { Ctx } from '../../context';
import { nowIso } from '../../context';
import { count, prepared } from '../../db/sql';
import { DomainError, notFound } from '../../errors';
import type { MonthlySummaryDetail, Output, ParsedInput, WeeklyPlanDetail } from '../../../../shared/contract';
import { isMonday } from '../../../../shared/contract/workPlans';
import { recordAudit } from '../audit/audit';
import { haystack, Where } from '../complaints/handling';
import { assertRoleMay, assertScopeMay } from '../dailyForms/access';
import { usableRep } from '../dailyForms/forms';

interface PeriodKind {
  entity: 'weeklyPlan' | 'monthlySummary';
  word: string;
  table: 'weekly_plans' | 'monthly_summaries';
  /** the period column and its contract name */
  period: 'week_start' | 'month';
  periodKey: 'weekStart' | 'month';
  /** the text columns: contract name → column */
  texts: Record<string, string>;
}

const weekly: PeriodKind = {
  entity: 'weeklyPlan',
  word: '周计划',
  table: 'weekly_plans',
  period: 'week_start',
  periodKey: 'weekStart',
  texts: { review: 'review', goals: 'goals', actions: 'actions', keyPoints: 'key_points' },
};
const monthly: PeriodKind = {
  entity: 'monthlySummary',
  word: '月度总结',
  table: 'monthly_summaries',
  period: 'month',
  periodKey: 'month',
  texts: { achievements: 'achievements', problems: 'problems', keyPoints: 'key_points' },
};

const selectOf = (k: PeriodKind) =>
  `select x.id, x.rep_id as repId, r.code as repCode, r.name as repName, t.name as teamName, x.${k.period} as ${k.periodKey},
     ${Object.entries(k.texts)
       .map(([key, col]) => `x.${col} as ${key}`)
       .join(', ')}, x.created_at as createdAt, x.updated_at as updatedAt
   from ${k.table} x join reps r on r.id = x.rep_id left join teams t on t.id = r.team_id`;

function byId<T>(ctx: Ctx, k: PeriodKind, id: number): T {
  const row = prepared(ctx.db, `${selectOf(k)} where x.id = ?`).get(id) as T | undefined;
  if (!row) throw notFound(k.word, id, 'id');
  return row;
}

function idOf(ctx: Ctx, k: PeriodKind, repId: number, period: string): number | undefined {
  return prepared(ctx.db, `select id from ${k.table} where rep_id = ? and ${k.period} = ?`).pluck().get(repId, period) as
    number | undefined;
}

function assertRepExists(ctx: Ctx, repId: number): void {
  if (prepared(ctx.db, 'select 1 from reps where id = ?').get(repId) === undefined) throw notFound('业务员', repId, 'repId');
}

function getRecord<T>(ctx: Ctx, k: PeriodKind, repId: number, period: string): T | null {
  assertRepExists(ctx, repId);
  const id = idOf(ctx, k, repId, period);
  return id === undefined ? null : byId<T>(ctx, k, id);
}

/** The period is checked again here: services are also called in-process, past the contract. */
function assertPeriod(k: PeriodKind, period: string): void {
  if (k === weekly) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(period) || Number.isNaN(Date.parse(`${period}T00:00:00Z`)) || !isMonday(period)) {
      throw new DomainError('VALIDATION', `周开始日期：必须是星期一（${period} 不是）`, 'weekStart');
    }
  } else if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) {
    throw new DomainError('VALIDATION', `月份：格式应为 YYYY-MM（${period}）`, 'month');
  }
}

function saveRecord<T extends { id: number }>(ctx: Ctx, k: PeriodKind, repId: number, period: string, values: Record<string, unknown>): T {
  const id = ctx.db.transaction(() => {
    assertRoleMay(ctx, 'save', k.word);
    assertPeriod(k, period);
    const rep = usableRep(ctx, repId);
    assertScopeMay(ctx, 'save', rep, k.word);
    const existing = idOf(ctx, k, repId, period);
    const snap = (id: number) => {
      const { repId: r, [k.periodKey]: p, ...rest } = byId<Record<string, unknown>>(ctx, k, id);
      const texts = Object.fromEntries(Object.keys(k.texts).map((key) => [key, rest[key]]));
      return { repId: r, [k.periodKey]: p, ...texts };
    };
    const before = existing === undefined ? undefined : snap(existing);
    const keys = Object.keys(k.texts);
    const cols = keys.map((key) => k.texts[key]!);
    const vals = keys.map((key) => (values[key] as string | undefined) ?? '');
    const now = nowIso(ctx);
    let rowId: number;
    if (existing === undefined) {
      rowId = Number(
        prepared(
          ctx.db,
          `insert into ${k.table} (rep_id, ${k.period}, ${cols.join(', ')}, created_at, updated_at)
           values (?, ?, ${cols.map(() => '?').join(', ')}, ?, ?)`,
        ).run(repId, period, ...vals, now, now).lastInsertRowid,
      );
    } else {
      rowId = existing;
      prepared(ctx.db, `update ${k.table} set ${cols.map((c) => `${c} = ?`).join(', ')}, updated_at = ? where id = ?`).run(
        ...vals,
        now,
        rowId,
      );
    }
    recordAudit(ctx, { action: before ? 'update' : 'create', entity: k.entity, entityId: rowId, before, after: snap(rowId) });
    return rowId;
  })();
  return byId<T>(ctx, k, id);
}

function listRecords<T>(
  ctx: Ctx,
  k: PeriodKind,
  input: {
    page: number;
    pageSize: number;
    search?: string;
    from?: string;
    to?: string;
    repId?: number;
    teamId?: number;
    sort?: { field: string; order: 'asc' | 'desc' };
  },
): { rows: T[]; total: number } {
  const where = new Where()
    .range(`x.${k.period}`, input.from, input.to)
    .eq('x.rep_id', input.repId)
    .eq('r.team_id', input.teamId)
    .search(haystack('r.name', 'r.pinyin', 'r.initials', 'r.code', ...Object.values(k.texts).map((c) => `x.${c}`)), input.search);
  const sortSql: Record<string, string> = { [k.periodKey]: `x.${k.period}`, repName: 'r.pinyin', updatedAt: 'x.updated_at' };
  const order = input.sort
    ? `${sortSql[input.sort.field] ?? `x.${k.period}`} ${input.sort.order}, x.id ${input.sort.order}`
    : `x.${k.period} desc, r.code, x.id`;
  const total = count(ctx.db, `select count(*) as n from ${k.table} x join reps r on r.id = x.rep_id ${where.sql}`, where.params);
  const rows = prepared(ctx.db, `${selectOf(k)} ${where.sql} order by ${order} limit ? offset ?`).all(
    ...where.params,
    input.pageSize,
    (input.page - 1) * input.pageSize,
  ) as T[];
  return { rows, total };
}

export const getWeeklyPlan = (ctx: Ctx, input: ParsedInput<'weeklyPlans.get'>): Output<'weeklyPlans.get'> =>
  getRecord<WeeklyPlanDetail>(ctx, weekly, input.repId, input.weekStart);

export const saveWeeklyPlan = (ctx: Ctx, input: ParsedInput<'weeklyPlans.save'>): Output<'weeklyPlans.save'> =>
  saveRecord<WeeklyPlanDetail>(ctx, weekly, input.repId, input.weekStart, input);

export const listWeeklyPlans = (ctx: Ctx, input: ParsedInput<'weeklyPlans.list'>): Output<'weeklyPlans.list'> =>
  listRecords<WeeklyPlanDetail>(ctx, weekly, input);

export const getMonthlySummary = (ctx: Ctx, input: ParsedInput<'monthlySummaries.get'>): Output<'monthlySummaries.get'> =>
  getRecord<MonthlySummaryDetail>(ctx, monthly, input.repId, input.month);

export const saveMonthlySummary = (ctx: Ctx, input: ParsedInput<'monthlySummaries.save'>): Output<'monthlySummaries.save'> =>
  saveRecord<MonthlySummaryDetail>(ctx, monthly, input.repId, input.month, input);

export const listMonthlySummaries = (ctx: Ctx, input: ParsedInput<'monthlySummaries.list'>): Output<'monthlySummaries.list'> =>
  listRecords<MonthlySummaryDetail>(ctx, monthly, input);
