// 月度会议材料 Monthly meeting pack: one month (optionally one region or team) as pages — a cover, then one chart or
// table each — with a finding per page, all from the analytics and tracking the dashboards use (the same numbers).
import type { Ctx } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import type { MeetingPage } from '../../../../shared/contract/meetingPack';
import type { AnalyticsFilters } from '../../../../shared/contract/analytics';
import { metricDefinitions } from '../../../../shared/domain/targets';
import { parsePeriod } from '../../../../shared/periods';
import { prepared } from '../../db/sql';
import { notFound } from '../../errors';
import { analyticsOverview } from '../analytics/overview';
import { analyticsSales } from '../analytics/sales';
import { receivablesAnalytics } from '../analytics/receivables';
import { activityAnalytics } from '../analytics/activity';
import { tracking } from '../targets/tracking';
import { pipelineFunnel } from '../opportunities/funnel';
import { funnelStages, stageLabels } from '../../../../shared/domain/opportunity';
import { achievementWords, changeWords, comparedWords, listWords, moneyWords, percentWords } from './findings';

type Input = ParsedInput<'meetingPack.data'>;

const ABC_TOP = 20;

export function meetingPackData(ctx: Ctx, input: Input): Output<'meetingPack.data'> {
  const month = parsePeriod(input.month)!;
  const period = { from: month.from, to: month.to };
  const filters: AnalyticsFilters = {};
  let scopeName = '';
  if (input.regionId !== undefined) {
    const r = prepared(ctx.db, 'select name from regions where id = ?').get(input.regionId) as { name: string } | undefined;
    if (!r) throw notFound('区域', input.regionId, 'regionId');
    filters.regionId = input.regionId;
    scopeName = r.name;
  }
  if (input.teamId !== undefined) {
    const t = prepared(ctx.db, 'select name from teams where id = ?').get(input.teamId) as { name: string } | undefined;
    if (!t) throw notFound('团队', input.teamId, 'teamId');
    filters.teamId = input.teamId;
    scopeName = scopeName ? `${scopeName} · ${t.name}` : t.name;
  }
  const who = scopeName || '公司';
  const analyticsInput = { period, filters };
  const overview = analyticsOverview(ctx, analyticsInput);
  const sales = analyticsSales(ctx, analyticsInput);
  const receivables = receivablesAnalytics(ctx, analyticsInput);
  const activity = activityAnalytics(ctx, analyticsInput);
  const within = [
    ...(input.regionId !== undefined ? [{ level: 'region' as const, unitId: input.regionId }] : []),
    ...(input.teamId !== undefined ? [{ level: 'team' as const, unitId: input.teamId }] : []),
  ];
  const repTracking = tracking(ctx, {
    metric: 'sales',
    level: 'rep',
    period: input.month,
    asOf: overview.targets.asOf,
    ...(within.length > 0 ? { within } : {}),
  });
  const companyName =
    (prepared(ctx.db, "select value from settings where key = 'companyName'").get() as { value: string } | undefined)?.value ?? '';
  const [y, m] = [Number(input.month.slice(0, 4)), Number(input.month.slice(5, 7))];
  const pages: MeetingPage[] = [];

  // cover
  pages.push({
    key: 'cover',
    kind: 'cover',
    title: `${y}年${m}月 销售会议${scopeName ? ` · ${scopeName}` : ''}`,
    finding: comparedWords('本月销售额', overview.sales.value, overview.sales.yoyBp, overview.sales.momBp, 'fen'),
    categories: [],
    series: [],
  });

  // the month's figures against last year and last month
  const money = [
    ['销售额', overview.sales],
    ['回款额', overview.collections],
    ['毛利', overview.grossProfit],
    ['应收余额', overview.receivable],
    ['逾期金额', overview.overdue],
  ] as const;
  const shown = money.filter(([, f]) => f !== null);
  pages.push({
    key: 'kpis',
    kind: 'kpis',
    title: '经营概况',
    finding: [
      comparedWords('销售额', overview.sales.value, overview.sales.yoyBp, overview.sales.momBp, 'fen'),
      overview.grossMarginBp === null ? null : `毛利率 ${percentWords(overview.grossMarginBp)}`,
      overview.newCustomersCompared ? `新客户 ${overview.newCustomersCompared.value} 个` : null,
    ]
      .filter(Boolean)
      .join('；'),
    categories: shown.map(([label]) => label),
    series: [
      { name: '本月', unit: 'fen', values: shown.map(([, f]) => f!.value) },
      { name: '去年同期', unit: 'fen', values: shown.map(([, f]) => f!.lastYear) },
      { name: '上月', unit: 'fen', values: shown.map(([, f]) => f!.previous) },
    ],
  });

  // targets against time progress
  const targetRows = overview.targets.rows.filter((r) => r.target > 0);
  const salesTarget = overview.targets.rows.find((r) => r.metric === 'sales');
  pages.push({
    key: 'targets',
    kind: 'bar',
    title: '目标达成与时间进度',
    finding: achievementWords(`${who}销售额`, salesTarget?.achievementBp ?? null, salesTarget?.timeProgressBp ?? null),
    categories: targetRows.map((r) => metricDefinitions[r.metric].label.zh),
    series: [
      { name: '达成率', unit: 'bp', values: targetRows.map((r) => r.achievementBp) },
      { name: '时间进度', unit: 'bp', values: targetRows.map((r) => r.timeProgressBp) },
    ],
  });

  // the year's trend against last year
  const months = sales.monthlyTrend.months;
  const toDate = months.slice(0, m);
  const thisYearToDate = toDate.reduce((s, x) => s + (x.thisYearFen ?? 0), 0);
  const lastYearToDate = toDate.reduce((s, x) => s + x.lastYearFen, 0);
  pages.push({
    key: 'trend',
    kind: 'line',
    title: '月度销售趋势（今年与去年）',
    finding: `今年 1–${m} 月累计 ${moneyWords(thisYearToDate)}，同比${changeWords(lastYearToDate === 0 ? null : Math.round(((thisYearToDate - lastYearToDate) * 10_000) / lastYearToDate))}`,
    categories: months.map((x) => `${Number(x.month.slice(5, 7))}月`),
    series: [
      { name: `${y}年`, unit: 'fen', values: months.map((x) => x.thisYearFen) },
      { name: `${y - 1}年`, unit: 'fen', values: months.map((x) => x.lastYearFen) },
    ],
  });

  // regions
  const regions = [...sales.byRegion.rows].sort((a, b) => b.salesFen - a.salesFen);
  const top = regions[0];
  pages.push({
    key: 'regions',
    kind: 'bar',
    title: scopeName ? `${scopeName}下属区域销售额` : '各区域销售额',
    finding: top
      ? `${top.name}销售额最高，${moneyWords(top.salesFen)}，占 ${percentWords(top.shareBp)}，同比${changeWords(top.yoyBp)}`
      : '本月没有按区域的销售',
    categories: regions.map((r) => r.name),
    series: [
      { name: '本月', unit: 'fen', values: regions.map((r) => r.salesFen) },
      { name: '去年同期', unit: 'fen', values: regions.map((r) => r.lastYearFen) },
    ],
  });

  // reps against their targets
  const reps = repTracking.rows.filter((r) => r.status !== 'noTarget');
  const behind = reps.filter((r) => r.status === 'behind');
  pages.push({
    key: 'reps',
    kind: 'bar',
    title: '业务员销售目标达成',
    finding:
      reps.length === 0
        ? '本月没有业务员的销售目标'
        : behind.length === 0
          ? `${reps.length} 名业务员均未落后时间进度（容差 ${percentWords(repTracking.toleranceBp)}）`
          : `${listWords(behind.map((r) => r.name))}落后时间进度超过 ${(repTracking.toleranceBp / 100).toFixed(1)} 个百分点`,
    categories: reps.map((r) => r.name),
    series: [
      { name: '达成率', unit: 'bp', values: reps.map((r) => r.achievementBp) },
      { name: '时间进度', unit: 'bp', values: reps.map((r) => r.timeProgressBp) },
    ],
  });

  // product ABC
  const a = sales.abc.classes.find((c) => c.abcClass === 'A');
  const abcRows = sales.abc.rows.slice(0, ABC_TOP);
  pages.push({
    key: 'abc',
    kind: 'pareto',
    title: `产品 ABC 分析（前 ${ABC_TOP} 名）`,
    finding: a && a.products > 0 ? `A 类 ${a.products} 个产品贡献 ${percentWords(a.shareBp)} 的销售额` : '本月没有产品销售',
    categories: abcRows.map((r) => r.productName),
    series: [
      { name: '销售额', unit: 'fen', values: abcRows.map((r) => r.salesFen) },
      { name: '累计占比', unit: 'bp', values: abcRows.map((r) => r.cumulativeBp) },
    ],
  });

  // receivables aging
  const edges = receivables.bucketEdges;
  const bucketNames = edges.map((e, i) => `${i === 0 ? 1 : edges[i - 1]! + 1}–${e} 天`).concat(`${edges.at(-1)! + 1} 天以上`);
  const aging = receivables.byRegion;
  const totalOwed = aging.reduce((s, r) => s + r.totalFen, 0);
  const totalOverdue = aging.reduce((s, r) => s + r.overdueFen, 0);
  const worst = receivables.topOverdue[0];
  pages.push({
    key: 'aging',
    kind: 'stackedBar',
    title: '应收账龄（按区域）',
    finding:
      `逾期 ${moneyWords(totalOverdue)}，占应收 ${percentWords(totalOwed > 0 ? Math.round((totalOverdue * 10_000) / totalOwed) : null)}` +
      (worst ? `；逾期最多：${worst.customerName} ${moneyWords(worst.overdueFen)}` : ''),
    categories: aging.map((r) => r.name),
    series: [
      { name: '未到期', unit: 'fen', values: aging.map((r) => r.notDueFen) },
      ...bucketNames.map((name, i) => ({ name, unit: 'fen' as const, values: aging.map((r) => r.bucketsFen[i] ?? 0) })),
    ],
  });

  // the process figures per rep
  const act = activity.reps;
  const lowest = [...act].filter((r) => r.complianceBp !== null).sort((p, q) => p.complianceBp! - q.complianceBp!)[0];
  const perDay = activity.totals.visitsPerDayX100;
  pages.push({
    key: 'activity',
    kind: 'table',
    title: '过程指标（按业务员）',
    finding:
      `人均日拜访 ${perDay === null ? '—' : (perDay / 100).toFixed(2)} 次，报表合规率 ${percentWords(activity.totals.complianceBp)}` +
      (lowest ? `；合规率最低：${lowest.repName} ${percentWords(lowest.complianceBp)}` : ''),
    categories: act.map((r) => r.repName),
    series: [
      { name: '日均拜访', unit: 'x100', values: act.map((r) => r.visitsPerDayX100) },
      { name: '单次拜访收入', unit: 'fen', values: act.map((r) => r.revenuePerVisitFen) },
      { name: '单次拜访费用', unit: 'fen', values: act.map((r) => r.costPerVisitFen) },
      { name: '百次拜访订单', unit: 'x100', values: act.map((r) => r.ordersPer100VisitsX100) },
      { name: '报表合规率', unit: 'bp', values: act.map((r) => r.complianceBp) },
    ],
  });

  // the sales funnel of the twelve months to the month's end (one month's new opportunities are too few to read)
  const yearFrom = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 10);
  const funnel = pipelineFunnel(ctx, { from: yearFrom, to: month.to, ...filters });
  const steps = funnel.stages.filter((s) => s.stage !== 'won');
  const weakest = [...steps].filter((s) => s.conversionBp !== null).sort((p, q) => p.conversionBp! - q.conversionBp!)[0];
  const nextOf = (stage: string) => funnelStages[funnelStages.indexOf(stage as (typeof funnelStages)[number]) + 1]!;
  pages.push({
    key: 'pipeline',
    kind: 'table',
    title: '销售漏斗（近 12 个月新建商机）',
    finding:
      funnel.stages[0]!.entered === 0
        ? '近 12 个月没有新建商机'
        : `新建商机 ${funnel.stages[0]!.entered} 个，赢单率 ${percentWords(funnel.winRateBp)}` +
          (funnel.avgCycleDays !== null ? `，平均成交周期 ${funnel.avgCycleDays.toFixed(1)} 天` : '') +
          (weakest
            ? `；转化最低：${stageLabels[weakest.stage].zh} → ${stageLabels[nextOf(weakest.stage)].zh} ${percentWords(weakest.conversionBp)}`
            : ''),
    categories: funnel.stages.map((s) => stageLabels[s.stage].zh),
    series: [
      { name: '进入数', unit: 'count', values: funnel.stages.map((s) => s.entered) },
      { name: '金额', unit: 'fen', values: funnel.stages.map((s) => s.amountFen) },
      { name: '转化率', unit: 'bp', values: funnel.stages.map((s) => s.conversionBp) },
      { name: '平均停留天数', unit: 'x100', values: funnel.stages.map((s) => (s.avgDays === null ? null : Math.round(s.avgDays * 100))) },
    ],
  });

  return { month: input.month, from: month.from, to: month.to, companyName, scopeName, pages };
}
