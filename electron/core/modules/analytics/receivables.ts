// 应收分析 Receivables analytics for a period: aging as of the period end (today while it runs) stacked by region and by rep, and the top
// overdue customers — all receivables/aging.ts itself (region = the customer's, rep / dealer = the document's); the
// collection rate and DSO per month and over the period (PRODUCT §3):
//   回款率 = collections in the period / (receivables at the day before it + sales in the period);
//   DSO    = the average of the daily closing receivables over the period / sales in the period × days in the period.
// Sales and collections are targets/actuals.ts' figures within the filters; the receivables on each day are the
// aging's total at the period end, less the ledger's movements (attributed as the aging does) of the days after.
// The ledger has no product and aging no channel type: those two filters are refused, naming the field.
import type { z } from 'zod';
import type { Ctx } from '../../context';
import { todayLocal } from '../../context';
import type { AnalyticsFilters, AnalyticsInput, analyticsMethods } from '../../../../shared/contract/analytics';
import type { AgingOutput } from '../../../../shared/contract/receivables';
import { addDays, daysBetween } from '../../../../shared/periods';
import { prepared } from '../../db/sql';
import { DomainError } from '../../errors';
import { mulDivRound } from '../orders/amounts';
import { agingOfLedger, ledgerAt, type LedgerAt } from '../receivables/aging';
import { customerOpenReceivables } from '../receivables/balance';
import { dailyActuals, type ScopeUnit } from '../targets/actuals';
import { checkFilters, scopeOf } from './filters';
import { comparisonPeriods, monthsOf, type DateRange } from './period';

type ReceivablesOut = z.output<(typeof analyticsMethods)['analytics.receivables']['output']>;
type Grouping = 'region' | 'rep' | 'customer';

const TOP_OVERDUE = 10;

function refuseUnnarrowable(filters: AnalyticsFilters): void {
  if (filters.productCategoryId !== undefined)
    throw new DomainError('VALIDATION', '品种：应收账款不分品种，应收分析不能按品种筛选', 'filters.productCategoryId');
  if (filters.channelType !== undefined)
    throw new DomainError('VALIDATION', '渠道类型：账龄不能按渠道类型筛选，请改选经销商', 'filters.channelType');
}

/**
 * receivables.aging for the filters from one ledger read as of the date (every grouping of the same date shares it); a
 * team (and no rep) narrows to the documents of its reps, as the sum of one aging per rep would.
 */
export function agingWithin(
  ctx: Ctx,
  ledger: LedgerAt,
  groupBy: Grouping,
  filters: AnalyticsFilters,
  options: { buckets?: number[]; topByOverdue?: number } = {},
): AgingOutput {
  const { buckets, topByOverdue } = options;
  const asOf = ledger.asOf;
  const base = { asOf, groupBy, regionId: filters.regionId, dealerId: filters.dealerId, buckets };
  // the top rows by overdue only: names are read for that page alone
  const page = topByOverdue === undefined ? {} : { sort: { field: 'overdueFen', order: 'desc' } as const, page: 1, pageSize: topByOverdue };
  if (filters.teamId === undefined || filters.repId !== undefined)
    return agingOfLedger(ctx, ledger, { ...base, repId: filters.repId, ...page });
  const reps = new Set(prepared(ctx.db, 'select id from reps where team_id = ?').pluck().all(filters.teamId) as number[]);
  const out = agingOfLedger(ctx, ledger, { ...base, ...page }, reps);
  if (topByOverdue === undefined) out.rows.sort((a, b) => b.totalFen - a.totalFen || a.key - b.key);
  return out;
}

/**
 * The net movement of the receivables within the filters on each day of [from, to], attributed as the aging does: a receivable (and the allocations paying it) to its document's rep and dealer (an opening
 * balance's falling back to the customer's), the unallocated credits — the prepayment — to the customer's rep and
 * dealer; the region is always the customer's. Without a rep, team or dealer filter that is receivables − credits.
 */
function ledgerMoves(ctx: Ctx, from: string, to: string, filters: AnalyticsFilters): Map<string, number> {
  const params: Record<string, string | number> = { from, to };
  const region: string[] = [];
  if (filters.regionId !== undefined) {
    region.push(
      "c.region_id in (select s.id from regions s where s.path like (select q.path from regions q where q.id = @regionId) || '%')",
    );
    params.regionId = filters.regionId;
  }
  // the document's attribution (r = receivable) and the customer's (c)
  const byDocument: string[] = [];
  const byCustomer: string[] = [];
  const docRep = "(case when r.source_kind = 'opening' then coalesce(r.rep_id, c.rep_id) else r.rep_id end)";
  const docDealer = "(case when r.source_kind = 'opening' then coalesce(r.dealer_id, c.dealer_id) else r.dealer_id end)";
  if (filters.repId !== undefined) {
    byDocument.push(`${docRep} = @repId`);
    byCustomer.push('c.rep_id = @repId');
    params.repId = filters.repId;
  } else if (filters.teamId !== undefined) {
    byDocument.push(`${docRep} in (select t.id from reps t where t.team_id = @teamId)`);
    byCustomer.push('c.rep_id in (select t.id from reps t where t.team_id = @teamId)');
    params.teamId = filters.teamId;
  }
  if (filters.dealerId !== undefined) {
    byDocument.push(`${docDealer} = @dealerId`);
    byCustomer.push('c.dealer_id = @dealerId');
    params.dealerId = filters.dealerId;
  }
  const cond = (range: string, extra: string[]) => [range, ...region, ...extra].join(' and ');
  const parts = (range: (col: string) => string) =>
    byDocument.length === 0
      ? [
          `select r.date as d, r.amount_fen as v from receivables r ${region.length ? 'join customers c on c.id = r.customer_id' : ''} where ${cond(range('r.date'), [])}`,
          `select k.date, -k.amount_fen from credits k ${region.length ? 'join customers c on c.id = k.customer_id' : ''} where ${cond(range('k.date'), [])}`,
        ]
      : [
          `select r.date as d, r.amount_fen as v from receivables r join customers c on c.id = r.customer_id where ${cond(range('r.date'), byDocument)}`,
          `select a.date, -a.amount_fen from allocations a join receivables r on r.id = a.receivable_id join customers c on c.id = r.customer_id
           where ${cond(range('a.date'), byDocument)}`,
          `select k.date, -k.amount_fen from credits k join customers c on c.id = k.customer_id where ${cond(range('k.date'), byCustomer)}`,
          `select a.date, a.amount_fen from allocations a join receivables r on r.id = a.receivable_id join customers c on c.id = r.customer_id
           where ${cond(range('a.date'), byCustomer)}`,
        ];
  const rows = prepared(ctx.db, `select d, sum(v) from (${parts((col) => `${col} between @from and @to`).join(' union all ')}) group by d`)
    .raw()
    .all(params) as Array<[string, number]>;
  return new Map(rows);
}

/** Receivables at the end of each day of [from, to] (index 0 = from), from the opening and each day's movement. */
export function dailyBalances(opening: number, moves: ReadonlyMap<string, number>, from: string, to: string): number[] {
  const days: number[] = [];
  let balance = opening;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    balance += moves.get(d) ?? 0;
    days.push(balance);
  }
  return days;
}

/** 回款率 in bp: collections / (opening + sales); null when the base is ≤ 0. */
export function collectionRateBp(collections: number, opening: number, sales: number): number | null {
  const base = opening + sales;
  return base > 0 ? mulDivRound(collections, 10_000, base) : null;
}

/** DSO in whole days: average daily receivables / sales × days; null when sales ≤ 0. */
export function dsoDays(balances: readonly number[], sales: number): number | null {
  if (sales <= 0 || balances.length === 0) return null;
  const sum = balances.reduce((s, v) => s + v, 0);
  // (sum / n) / sales × n = sum / sales
  return mulDivRound(sum, 1, sales);
}

function sumByMonth(daily: ReadonlyMap<string, number>, months: ReadonlyArray<DateRange & { month: string }>): number[] {
  return months.map((m) => {
    let s = 0;
    for (const [d, v] of daily) if (d >= m.from && d <= m.to) s += v;
    return s;
  });
}

const amountsOf = (a: AgingOutput['totals']) => ({
  notDueFen: a.notDueFen,
  bucketsFen: a.bucketsFen,
  totalFen: a.totalFen,
  overdueFen: a.overdueFen,
});

export function receivablesAnalytics(ctx: Ctx, input: AnalyticsInput): ReceivablesOut {
  const filters = input.filters ?? {};
  checkFilters(ctx, input.filters);
  refuseUnnarrowable(filters);
  const periods = comparisonPeriods(input.period);
  const { from, to } = periods.current;
  // as of the period end, or today while the period runs (the overview's rule); a period not begun has no days yet
  const today = todayLocal(ctx);
  const asOf = to < today ? to : today;
  const end = asOf < from ? null : asOf;

  const ledger = ledgerAt(ctx, asOf);
  const byRegion = agingWithin(ctx, ledger, 'region', filters);
  const byRep = agingWithin(ctx, ledger, 'rep', filters);
  const byCustomer = agingWithin(ctx, ledger, 'customer', filters, { topByOverdue: TOP_OVERDUE });

  const scope: ScopeUnit[] = scopeOf(filters);
  const range = end === null ? null : { from, to: end };
  const sales = range ? dailyActuals(ctx, { metric: 'sales', ...range, scope }) : new Map<string, number>();
  const collections = range ? dailyActuals(ctx, { metric: 'collections', ...range, scope }) : new Map<string, number>();
  // the as-of date's receivables are the aging's total; each day before it, that less the movements since
  const moves = range ? ledgerMoves(ctx, range.from, range.to, filters) : new Map<string, number>();
  let opening = byRegion.totals.totalFen;
  for (const v of moves.values()) opening -= v;
  const days = range ? dailyBalances(opening, moves, range.from, range.to) : [];

  const months = range ? monthsOf(range) : [];
  const monthSales = sumByMonth(sales, months);
  const monthCollections = sumByMonth(collections, months);
  const trend = months.map((m, i) => {
    const first = daysBetween(from, m.from);
    const last = daysBetween(from, m.to);
    const openingFen = first === 0 ? opening : days[first - 1]!;
    return {
      month: m.month,
      openingFen,
      salesFen: monthSales[i]!,
      collectionsFen: monthCollections[i]!,
      closingFen: days[last]!,
      collectionRateBp: collectionRateBp(monthCollections[i]!, openingFen, monthSales[i]!),
      dsoDays: dsoDays(days.slice(first, last + 1), monthSales[i]!),
    };
  });
  const totalSales = monthSales.reduce((s, v) => s + v, 0);
  const totalCollections = monthCollections.reduce((s, v) => s + v, 0);

  const overdue = byCustomer.rows
    .filter((r) => r.overdueFen > 0)
    .sort((a, b) => b.overdueFen - a.overdueFen || a.key - b.key)
    .slice(0, TOP_OVERDUE);
  const info = new Map(
    (
      prepared(
        ctx.db,
        `select c.id, c.code, c.name, r.name as repName from customers c left join reps r on r.id = c.rep_id
         where c.id in (select value from json_each(?))`,
      ).all(JSON.stringify(overdue.map((r) => r.key))) as Array<{ id: number; code: string; name: string; repName: string | null }>
    ).map((c) => [c.id, c]),
  );
  const topOverdue = overdue.map((r, i) => {
    const open = customerOpenReceivables(ctx, r.key, asOf);
    const oldestDue = open.reduce<string | null>((m, o) => (m === null || o.dueDate < m ? o.dueDate : m), null);
    return {
      rank: i + 1,
      customerId: r.key,
      customerCode: info.get(r.key)?.code ?? '',
      customerName: info.get(r.key)?.name ?? '',
      repName: info.get(r.key)?.repName ?? null,
      overdueFen: r.overdueFen,
      totalFen: r.totalFen,
      maxOverdueDays: oldestDue === null ? 0 : Math.max(0, daysBetween(oldestDue, asOf)),
    };
  });

  return {
    periods,
    asOf,
    bucketEdges: byRegion.bucketEdges,
    totals: amountsOf(byRegion.totals),
    byRegion: byRegion.rows.map((r) => ({ key: r.key, name: r.name, ...amountsOf(r) })),
    byRep: byRep.rows.map((r) => ({ key: r.key, name: r.name, ...amountsOf(r) })),
    collectionRateBp: range ? collectionRateBp(totalCollections, opening, totalSales) : null,
    dsoDays: dsoDays(days, totalSales),
    trend,
    topOverdue,
  };
}
