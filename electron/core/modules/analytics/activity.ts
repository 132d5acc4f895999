// 过程分析 Activity analytics: per rep visits per working day, revenue and cost per visit, orders per 100 visits, and
// plan / report compliance — evaluations/figures.ts' repActivityFigures (the part of the evaluation's figures it needs)
// with the evaluation's own arithmetic (ratioHalfUp), so every number equals the rep's 业绩考核 figure for the same
// period. Totals are the same ratios of the reps' sums.
// The reps are the active ones within the team / rep filter, and with a region filter those assigned a region in its
// subtree; a rep's figures cover all their work, so dealer, channel type and product category filters are refused.
import type { z } from 'zod';
import type { Ctx } from '../../context';
import type { AnalyticsFilters, AnalyticsInput, analyticsMethods } from '../../../../shared/contract/analytics';
import { ratioHalfUp } from '../../../../shared/domain/evaluations';
import { prepared } from '../../db/sql';
import { DomainError } from '../../errors';
import { workCalendar } from '../calendar/calendar';
import { countedTo, repActivityFigures, type ActivityFigures } from '../evaluations/figures';
import { checkFilters } from './filters';
import { comparisonPeriods } from './period';

type ActivityOut = z.output<(typeof analyticsMethods)['analytics.activity']['output']>;

const refusals: Array<[keyof AnalyticsFilters, string]> = [
  ['dealerId', '经销商'],
  ['channelType', '渠道类型'],
  ['productCategoryId', '品种'],
];

interface RepRow {
  repId: number;
  repName: string;
  teamName: string | null;
}

function repsWithin(ctx: Ctx, filters: AnalyticsFilters): RepRow[] {
  const where = ['r.active = 1'];
  const params: Record<string, number> = {};
  if (filters.teamId !== undefined) {
    where.push('r.team_id = @teamId');
    params.teamId = filters.teamId;
  }
  if (filters.repId !== undefined) {
    where.push('r.id = @repId');
    params.repId = filters.repId;
  }
  if (filters.regionId !== undefined) {
    where.push(`exists (select 1 from rep_regions rr join regions g on g.id = rr.region_id
      where rr.rep_id = r.id and g.path like (select q.path from regions q where q.id = @regionId) || '%')`);
    params.regionId = filters.regionId;
  }
  return prepared(
    ctx.db,
    `select r.id as repId, r.name as repName, t.name as teamName from reps r left join teams t on t.id = r.team_id
     where ${where.join(' and ')} order by r.team_id is null, r.team_id, r.code, r.id`,
  ).all(params) as RepRow[];
}

/** The ratios of one rep's (or the reps' summed) figures, as 业绩考核 computes them. */
export function activityRatios(
  f: Pick<ActivityFigures, 'visits' | 'visitsWithOrder' | 'attendedDays' | 'salesFen' | 'expensesFen'> & {
    plansOnTime: number;
    reportsOnTime: number;
    plansExpected: number;
    reportsExpected: number;
  },
) {
  return {
    visitsPerDayX100: ratioHalfUp(f.visits, f.attendedDays, 100),
    revenuePerVisitFen: ratioHalfUp(f.salesFen, f.visits, 1),
    costPerVisitFen: ratioHalfUp(f.expensesFen, f.visits, 1),
    ordersPer100VisitsX100: ratioHalfUp(f.visitsWithOrder, f.visits, 10000),
    complianceBp: ratioHalfUp(f.plansOnTime + f.reportsOnTime, f.plansExpected + f.reportsExpected, 10000),
  };
}

export function activityAnalytics(ctx: Ctx, input: AnalyticsInput): ActivityOut {
  const filters = input.filters ?? {};
  checkFilters(ctx, input.filters);
  for (const [field, label] of refusals) {
    if (filters[field] !== undefined)
      throw new DomainError('VALIDATION', `${label}：过程指标按业务员统计，不能按${label}筛选`, `filters.${field}`);
  }
  const periods = comparisonPeriods(input.period);
  const { from, to } = periods.current;
  const reps = repsWithin(ctx, filters);
  const figures = repActivityFigures(
    ctx,
    reps.map((r) => r.repId),
    { from, to },
  );
  const sum = {
    visits: 0,
    visitsWithOrder: 0,
    attendedDays: 0,
    salesFen: 0,
    expensesFen: 0,
    plansExpected: 0,
    plansOnTime: 0,
    reportsExpected: 0,
    reportsOnTime: 0,
  };
  const rows = reps.map((r) => {
    const f = figures.get(r.repId)!;
    for (const k of Object.keys(sum) as Array<keyof typeof sum>) sum[k] += f[k];
    return {
      repId: r.repId,
      repName: r.repName,
      teamName: r.teamName,
      visits: f.visits,
      visitsWithOrder: f.visitsWithOrder,
      attendedDays: f.attendedDays,
      salesFen: f.salesFen,
      expensesFen: f.expensesFen,
      ...activityRatios(f),
      plansExpected: f.plansExpected,
      plansOnTime: f.plansOnTime,
      reportsExpected: f.reportsExpected,
      reportsOnTime: f.reportsOnTime,
    };
  });
  const last = countedTo(ctx, to);
  const workingDays = last >= from ? workCalendar(ctx).workingDays(from, last).length : 0;
  const { revenuePerVisitFen, costPerVisitFen, visitsPerDayX100, ordersPer100VisitsX100, complianceBp } = activityRatios(sum);
  return {
    periods,
    workingDays,
    totals: {
      visits: sum.visits,
      visitsWithOrder: sum.visitsWithOrder,
      attendedDays: sum.attendedDays,
      visitsPerDayX100,
      revenuePerVisitFen,
      costPerVisitFen,
      ordersPer100VisitsX100,
      complianceBp,
    },
    reps: rows,
  };
}
