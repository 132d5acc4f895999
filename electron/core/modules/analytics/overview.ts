// 总览 Overview: sales, collections, gross profit, receivables, overdue and new customers for the period and filters,
// each with its 同比 and 环比, and target achievement against time progress per metric. Every figure is the tables'
// own: targets/actuals.ts for the period figures, receivables/aging.ts for the balances, targets/tracking.ts for the
// targets — nothing re-defined here.
import type { Ctx } from '../../context';
import { todayLocal } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import type { AnalyticsFilters } from '../../../../shared/contract/analytics';
import { metricDefinitions, targetMetrics, type TargetMetric } from '../../../../shared/domain/targets';
import { timeProgressBp } from '../../../../shared/calendar';
import { prepared } from '../../db/sql';
import { repLeaveDays, workCalendar } from '../calendar/calendar';
import { receivablesAging, recentLedgerDate } from '../receivables/aging';
import { figure, trackingToleranceBp } from '../targets/tracking';
import { TargetForest } from '../targets/resolve';
import type { ScopeUnit } from '../targets/actuals';
import { checkFilters, metricFilterable, salesGroups, scopeOf, totalOf } from './filters';
import { comparisonPeriods, compared, shareBp, shiftYears, trackingLabel, type DateRange } from './period';

type Input = ParsedInput<'analytics.overview'>;
type Out = Output<'analytics.overview'>;

const minDate = (a: string, b: string) => (a < b ? a : b);

/**
 * The receivable balance and its overdue part as of each date, without a filter or within a region — as the aging
 * gives them (its total is every customer's balance, Σ receivables − Σ credits dated on or before the date; its overdue
 * the unpaid parts of the receivables open then and due before it, prepayments only ever taking off 未到期) — in
 * set-based sums: each ledger row read once over all the dates, the open receivables once per date.
 */
/** The ids of the customers in a region's subtree, as a JSON array for `json_each`. */
function regionCustomerIds(ctx: Ctx, regionId: number): string {
  const ids = prepared(
    ctx.db,
    `select c.id from customers c where c.region_id in
       (select s.id from regions s where s.path like (select q.path from regions q where q.id = ?) || '%')`,
  )
    .pluck()
    .all(regionId) as number[];
  return JSON.stringify(ids);
}

function balancesAt(ctx: Ctx, dates: readonly string[], regionId: number | undefined): Array<{ totalFen: number; overdueFen: number }> {
  // the region's customers read once, then handed to each sum (a dozen of them) instead of each reading them again
  const inRegion = regionId === undefined ? '' : `and customer_id in (select value from json_each(@regionCustomers))`;
  const region: Record<string, string> = regionId === undefined ? {} : { regionCustomers: regionCustomerIds(ctx, regionId) };
  const ascending = [...new Set(dates)].sort();
  const totals = new Map<string, number>();
  if (regionId === undefined) {
    // the whole ledger: Σ over the ranges between the dates, each a plain range of a date index
    const net = prepared(
      ctx.db,
      `select (select coalesce(sum(amount_fen), 0) from receivables where date > @lo and date <= @hi)
            - (select coalesce(sum(amount_fen), 0) from credits where date > @lo and date <= @hi)`,
    ).pluck();
    let running = 0;
    let lo = '';
    for (const hi of ascending) {
      running += net.get({ lo, hi }) as number;
      totals.set(hi, running);
      lo = hi;
    }
  } else {
    // a recent date: the region's customers' balances today (customer_balances) less their ledger rows dated after it
    const recent = ascending.filter((d) => recentLedgerDate(ctx, d));
    if (recent.length) {
      const today = prepared(
        ctx.db,
        `select coalesce(sum(receivables_fen - credits_fen), 0) from customer_balances where 1 = 1 ${inRegion}`,
      )
        .pluck()
        .get(region) as number;
      const after = prepared(
        ctx.db,
        `select (select coalesce(sum(amount_fen), 0) from receivables indexed by receivables_date_idx where date > @asOf ${inRegion})
              - (select coalesce(sum(amount_fen), 0) from credits indexed by credits_date_idx where date > @asOf ${inRegion})`,
      ).pluck();
      for (const d of recent) totals.set(d, today - (after.get({ asOf: d, ...region }) as number));
    }
    // the other dates: each customer's rows read once through its customer index, summed for every such date
    const older = ascending.filter((d) => !totals.has(d));
    if (older.length) {
      const params: Record<string, string | number> = { ...region, last: older.at(-1)! };
      older.forEach((d, i) => (params[`d${i}`] = d));
      const sums = older.map((_d, i) => `coalesce(sum(case when date <= @d${i} then amount_fen end), 0)`);
      const read = (table: 'receivables' | 'credits') =>
        prepared(ctx.db, `select ${sums.join(', ')} from ${table} where date <= @last ${inRegion}`)
          .raw()
          .get(params) as number[];
      const debits = read('receivables');
      const credits = read('credits');
      older.forEach((d, i) => totals.set(d, debits[i]! - credits[i]!));
    }
  }
  const unpaid = `amount_fen - coalesce((select sum(a.amount_fen) from allocations a where a.receivable_id = r.id and a.date <= @asOf), 0)`;
  const overdue = prepared(
    ctx.db,
    `select coalesce(sum(u), 0) from (
       select ${unpaid} as u from receivables r where settled_date is null and date <= @asOf and due_date < @asOf ${inRegion}
       union all
       select ${unpaid} from receivables r where settled_date > @asOf and date <= @asOf and due_date < @asOf ${inRegion})`,
  ).pluck();
  // a recent date: the receivables unpaid today (open_receivables) with the allocations dated after it added back —
  // no allocation summed per receivable
  const recentOverdue = prepared(
    ctx.db,
    `select coalesce(sum(u), 0) from (
       select unpaid_fen as u from open_receivables where date <= @asOf and due_date < @asOf ${inRegion}
       union all
       select a.amount_fen from allocations a indexed by allocations_date_idx cross join receivables r on r.id = a.receivable_id
       where a.date > @asOf and r.date <= @asOf and r.due_date < @asOf ${inRegion.replace('customer_id in', 'r.customer_id in')})`,
  ).pluck();
  const overdueAt = new Map(
    ascending.map((asOf) => [asOf, (recentLedgerDate(ctx, asOf) ? recentOverdue : overdue).get({ asOf, ...region }) as number]),
  );
  return dates.map((asOf) => ({ totalFen: totals.get(asOf)!, overdueFen: overdueAt.get(asOf)! }));
}

/**
 * The receivable balance (owed − prepayment) and its overdue part as of each date within the filters, as the aging
 * gives them: without a filter or within a region in set-based sums; rep / dealer narrow the aging directly; a team sums
 * its reps' rows, a channel type its dealers' rows (direct: the row without a dealer too). Null when the filters cannot
 * narrow a balance (a product category; a team together with a channel type).
 */
export function receivablesAt(
  ctx: Ctx,
  dates: readonly string[],
  filters: AnalyticsFilters | undefined,
): Array<{ totalFen: number; overdueFen: number } | null> {
  const f = filters ?? {};
  if (f.productCategoryId !== undefined || (f.teamId !== undefined && f.channelType !== undefined)) return dates.map(() => null);
  if (f.teamId === undefined && f.channelType === undefined && f.repId === undefined && f.dealerId === undefined)
    return balancesAt(ctx, dates, f.regionId);
  const narrow = { regionId: f.regionId, repId: f.repId, dealerId: f.dealerId };
  if (f.teamId === undefined && f.channelType === undefined) {
    return dates.map((asOf) => {
      const { totals } = receivablesAging(ctx, { asOf, groupBy: 'customer', ...narrow, page: 1, pageSize: 1 });
      return { totalFen: totals.totalFen, overdueFen: totals.overdueFen };
    });
  }
  let keep: Set<number>;
  let groupBy: 'rep' | 'dealer';
  if (f.teamId !== undefined) {
    groupBy = 'rep';
    keep = new Set(prepared(ctx.db, 'select id from reps where team_id = ?').pluck().all(f.teamId) as number[]);
  } else {
    groupBy = 'dealer';
    keep = new Set(prepared(ctx.db, 'select id from dealers where channel_type = ?').pluck().all(f.channelType) as number[]);
    if (f.channelType === 'direct') keep.add(0);
  }
  return dates.map((asOf) => {
    const { rows } = receivablesAging(ctx, { asOf, groupBy, ...narrow });
    const out = { totalFen: 0, overdueFen: 0 };
    for (const r of rows)
      if (keep.has(r.key)) {
        out.totalFen += r.totalFen;
        out.overdueFen += r.overdueFen;
      }
    return out;
  });
}

/** receivablesAt for one date. */
export function receivableAt(
  ctx: Ctx,
  asOf: string,
  filters: AnalyticsFilters | undefined,
): { totalFen: number; overdueFen: number } | null {
  return receivablesAt(ctx, [asOf], filters)[0]!;
}

/**
 * Achievement vs time progress per metric for the filters' unit (the most specific filter; the company without one),
 * when the period is a whole month, quarter or year — targets.tracking's figures for that unit: its target as the
 * target trees give it, its actual within all the filters up to the as-of date, the working-day time progress (a rep's
 * leave taken off), the status against the tracking tolerance. `known` holds actuals already counted to `asOf`.
 */
export function targetProgress(
  ctx: Ctx,
  period: DateRange,
  scope: readonly ScopeUnit[],
  asOf: string,
  known: Partial<Record<TargetMetric, number | null>> = {},
): Out['targets'] {
  const label = trackingLabel(period);
  const { from, to } = period;
  const anchor: ScopeUnit = scope.at(-1) ?? { level: 'company', unitKey: '' };
  const repId = Number(anchor.unitKey);
  const leave = anchor.level === 'rep' ? repLeaveDays(ctx, [repId], from, to).get(repId) : undefined;
  const calendar = workCalendar(ctx);
  const days = {
    total: calendar.countWorkingDays(from, to, leave),
    elapsed: calendar.elapsedWorkingDays(from, to, asOf, leave),
    progressBp: timeProgressBp(calendar, from, to, asOf, leave),
  };
  const out: Out['targets'] = { period: label, asOf, workingDays: days.total, workingDaysElapsed: days.elapsed, rows: [] };
  if (!label) return out;
  const tolerance = trackingToleranceBp(ctx);
  const countedTo = minDate(asOf, to);
  for (const metric of targetMetrics) {
    if (!metricFilterable(metric, scope)) continue;
    const actual = known[metric] ?? totalOf(ctx, metric, { from, to: countedTo }, scope) ?? 0;
    const target = TargetForest.load(ctx, metric, from, to).resolve(anchor.level, anchor.unitKey, from, to);
    const f = figure(metric, { target: target ? target.value : null, actual, ...days }, tolerance);
    out.rows.push({ metric, unit: metricDefinitions[metric].unit, ...f });
  }
  return out;
}

export function analyticsOverview(ctx: Ctx, input: Input): Out {
  checkFilters(ctx, input.filters);
  const periods = comparisonPeriods(input.period);
  const scope = scopeOf(input.filters);
  const ranges = [periods.current, periods.lastYear, periods.previous];
  // sales and gross profit in one pass per period (the same rows analytics.sales rolls up)
  const totals = ranges.map((r) =>
    salesGroups(ctx, r, input.filters).reduce((a, g) => ({ s: a.s + g.salesFen, g: a.g + g.grossProfitFen }), { s: 0, g: 0 }),
  );
  const sales = compared(totals[0]!.s, totals[1]!.s, totals[2]!.s);
  const grossProfit = compared(totals[0]!.g, totals[1]!.g, totals[2]!.g);
  const figure = (metric: 'collections' | 'newCustomers') => {
    const [v, y, p] = ranges.map((r) => totalOf(ctx, metric, r, scope));
    return v === null || v === undefined ? null : compared(v, y!, p!);
  };
  const collections = figure('collections');
  const newCustomers = figure('newCustomers');

  // balances as of the period end — or today while the period runs; 同比 the same day a year before
  const today = todayLocal(ctx);
  const asOf = minDate(periods.current.to, today);
  const balances = receivablesAt(ctx, [asOf, shiftYears(asOf, -1), minDate(periods.previous.to, today)], input.filters);
  const [b, by, bp] = balances;
  const receivable = b ? compared(b.totalFen, by!.totalFen, bp!.totalFen) : null;
  const overdue = b ? compared(b.overdueFen, by!.overdueFen, bp!.overdueFen) : null;

  return {
    periods,
    salesFen: sales.value,
    collectionsFen: collections?.value ?? null,
    grossProfitFen: grossProfit.value,
    receivableFen: receivable?.value ?? null,
    overdueFen: overdue?.value ?? null,
    newCustomers: newCustomers?.value ?? null,
    sales,
    collections,
    grossProfit,
    receivable,
    overdue,
    newCustomersCompared: newCustomers,
    grossMarginBp: shareBp(grossProfit.value, sales.value),
    // the period's own figures count to its end; while it runs, up to today is the same documents
    targets: targetProgress(
      ctx,
      periods.current,
      scope,
      asOf,
      asOf === periods.current.to
        ? { sales: sales.value, grossProfit: grossProfit.value, collections: collections?.value, newCustomers: newCustomers?.value }
        : {},
    ),
  };
}
