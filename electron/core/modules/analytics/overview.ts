// 总览 Overview: sales, collections, gross profit, receivables, overdue and new customers for the period and filters,
// each with its 同比 and 环比, and target achievement against time progress per metric. Every figure is the tables'
// own: targets/actuals.ts for the period figures, receivables/aging.ts for the balances, targets/tracking.ts for the
// targets — nothing re-defined here.
import type { Ctx } from '../../context';
import { todayLocal } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import type { AnalyticsFilters, TargetProgress } from '../../../../shared/contract/analytics';
import { targetMetrics, type TargetLevel } from '../../../../shared/domain/targets';
import { prepared } from '../../db/sql';
import { workCalendar } from '../calendar/calendar';
import { receivablesAging } from '../receivables/aging';
import { tracking } from '../targets/tracking';
import type { ScopeUnit } from '../targets/actuals';
import { checkFilters, metricFilterable, scopeOf, totalOf } from './filters';
import { comparisonPeriods, compared, shareBp, shiftYears, trackingLabel, type DateRange } from './period';

type Input = ParsedInput<'analytics.overview'>;
type Out = Output<'analytics.overview'>;

const minDate = (a: string, b: string) => (a < b ? a : b);

/**
 * The receivable balance (owed − prepayment) and its overdue part as of a date within the filters, from the aging:
 * region / rep / dealer narrow it directly; a team sums its reps' rows, a channel type its dealers' rows (direct: the
 * row without a dealer too). Null when the filters cannot narrow a balance (a product category; a team together with a
 * channel type).
 */
export function receivableAt(
  ctx: Ctx,
  asOf: string,
  filters: AnalyticsFilters | undefined,
): { totalFen: number; overdueFen: number } | null {
  const f = filters ?? {};
  if (f.productCategoryId !== undefined || (f.teamId !== undefined && f.channelType !== undefined)) return null;
  const narrow = { regionId: f.regionId, repId: f.repId, dealerId: f.dealerId };
  if (f.teamId === undefined && f.channelType === undefined) {
    const { totals } = receivablesAging(ctx, { asOf, groupBy: 'customer', ...narrow, page: 1, pageSize: 1 });
    return { totalFen: totals.totalFen, overdueFen: totals.overdueFen };
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
  const { rows } = receivablesAging(ctx, { asOf, groupBy, ...narrow });
  const out = { totalFen: 0, overdueFen: 0 };
  for (const r of rows)
    if (keep.has(r.key)) {
      out.totalFen += r.totalFen;
      out.overdueFen += r.overdueFen;
    }
  return out;
}

/** The filters as tracking's breadcrumb, broadest first: the target is the last (most specific) unit's. */
function trackingWithin(scope: readonly ScopeUnit[]) {
  const idLevels = new Set<TargetLevel>(['region', 'team', 'rep', 'dealer', 'productCategory']);
  return scope.map((s) => ({ level: s.level, unitId: idLevels.has(s.level) ? Number(s.unitKey) : s.unitKey }));
}

/** Achievement vs time progress per metric for the filters' unit, when the period is a whole month, quarter or year. */
export function targetProgress(ctx: Ctx, period: DateRange, scope: readonly ScopeUnit[], asOf: string): Out['targets'] {
  const label = trackingLabel(period);
  const calendar = workCalendar(ctx);
  const out: Out['targets'] = {
    period: label,
    asOf,
    workingDays: calendar.countWorkingDays(period.from, period.to),
    workingDaysElapsed: calendar.elapsedWorkingDays(period.from, period.to, asOf),
    rows: [],
  };
  if (!label) return out;
  const within = trackingWithin(scope) as Parameters<typeof tracking>[1]['within'];
  for (const metric of targetMetrics) {
    if (!metricFilterable(metric, scope)) continue;
    const t = tracking(ctx, { metric, level: 'company', period: label, asOf, within });
    const row = t.scope ?? t.total;
    const r: TargetProgress = {
      metric,
      unit: t.unit,
      target: row.target,
      actual: row.actual,
      achievementBp: row.achievementBp,
      timeProgressBp: row.timeProgressBp,
      gap: row.gap,
      requiredPerDay: row.requiredPerDay,
      status: row.status,
    };
    out.rows.push(r);
  }
  return out;
}

export function analyticsOverview(ctx: Ctx, input: Input): Out {
  checkFilters(ctx, input.filters);
  const periods = comparisonPeriods(input.period);
  const scope = scopeOf(input.filters);
  const ranges = [periods.current, periods.lastYear, periods.previous];
  const figure = (metric: 'sales' | 'collections' | 'grossProfit' | 'newCustomers') => {
    const [v, y, p] = ranges.map((r) => totalOf(ctx, metric, r, scope));
    return v === null || v === undefined ? null : compared(v, y!, p!);
  };
  const sales = figure('sales')!;
  const grossProfit = figure('grossProfit')!;
  const collections = figure('collections');
  const newCustomers = figure('newCustomers');

  // balances as of the period end — or today while the period runs; 同比 the same day a year before
  const today = todayLocal(ctx);
  const asOf = minDate(periods.current.to, today);
  const balances = [asOf, shiftYears(asOf, -1), minDate(periods.previous.to, today)].map((d) => receivableAt(ctx, d, input.filters));
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
    targets: targetProgress(ctx, periods.current, scope, asOf),
  };
}
