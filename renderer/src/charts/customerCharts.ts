// 客户分析's charts: pure builders from analytics.customers' answer to an ECharts option and its 查看数据 table. The
// figures are the core's as given; these only choose names, order and how they are drawn.
import type { Output } from '@shared/contract';
import { customerScaleLabels, customerTypeLabels, lifecycleLabels, type CustomerScale, type CustomerType } from '@shared/domain/customer';
import type { ChartOption } from './echarts';
import { axisValue, exactValue } from './format';
import { axisTooltip, barRankingOption, pieOption } from './options';
import { seriesTable, type DataTable } from './table';
import { decals, markers, palette } from './theme';

export type CustomersAnswer = Output<'analytics.customers'>;
/** vue-i18n's t, or any function of the same shape (tests pass a plain one). */
export type Translate = (key: string, values?: Record<string, unknown>) => string;
export type Lang = 'zh' | 'en';

export interface BuiltChart {
  option: ChartOption;
  table: DataTable;
  /** how many bars / slices: 0 draws the panel's 暂无数据 */
  count: number;
}

const grid = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true };

/** Active customers by grade A–D as a donut; the table adds each grade's share. */
export function gradeChart(a: CustomersAnswer, t: Translate): BuiltChart {
  const names = a.grades.map((g) => t('analytics.cust.gradeN', { grade: g.grade }));
  const total = a.grades.reduce((s, g) => s + g.customers, 0);
  const title = t('analytics.cust.gradeTitle');
  return {
    count: total > 0 ? a.grades.length : 0,
    option: pieOption({
      title,
      seriesName: t('analytics.cust.customersCount'),
      rows: a.grades.map((g, i) => ({ name: names[i]!, value: g.customers })),
      unit: 'count',
    }),
    table: seriesTable(t('analytics.cust.grade'), names, [
      { name: t('analytics.cust.customersCount'), values: a.grades.map((g) => g.customers), unit: 'count' },
      { name: t('analytics.share'), values: a.grades.map((g) => shareBp(g.customers, total)), unit: 'bp' },
    ]),
  };
}

/** Active customers by lifecycle stage, in the stages' order (prospect → loyal, then lost). */
export function lifecycleChart(a: CustomersAnswer, t: Translate, lang: Lang): BuiltChart {
  const names = a.lifecycles.map((l) => lifecycleLabels[l.lifecycle][lang]);
  const total = a.lifecycles.reduce((s, l) => s + l.customers, 0);
  const title = t('analytics.cust.lifecycleTitle');
  return {
    count: total > 0 ? a.lifecycles.length : 0,
    option: barRankingOption({
      title,
      seriesName: t('analytics.cust.customersCount'),
      rows: a.lifecycles.map((l, i) => ({ name: names[i]!, value: l.customers })),
      unit: 'count',
    }),
    table: seriesTable(t('analytics.cust.lifecycle'), names, [
      { name: t('analytics.cust.customersCount'), values: a.lifecycles.map((l) => l.customers), unit: 'count' },
      { name: t('analytics.share'), values: a.lifecycles.map((l) => shareBp(l.customers, total)), unit: 'bp' },
    ]),
  };
}

/** New against lost customers per month: two bars side by side, lost patterned so they part in black and white. */
export function newVsLostChart(a: CustomersAnswer, t: Translate, monthLabel: (ym: string) => string): BuiltChart {
  const months = a.newVsLost.map((m) => monthLabel(m.month));
  const newName = t('analytics.cust.newCustomers');
  const lostName = t('analytics.cust.lostCustomers', { days: a.lostCustomerDays });
  const bar = (name: string, values: number[], i: number) => ({
    type: 'bar' as const,
    name,
    data: values,
    barMaxWidth: 24,
    itemStyle: { color: palette[i], decal: decals[i] },
    label: {
      show: months.length <= 12,
      position: 'top' as const,
      formatter: (p: { value: unknown }) => exactValue('count', Number(p.value) || 0),
    },
  });
  const newValues = a.newVsLost.map((m) => m.newCustomers);
  const lostValues = a.newVsLost.map((m) => m.lostCustomers);
  return {
    count: months.length,
    option: {
      title: { text: t('analytics.cust.newVsLostTitle') },
      legend: { data: [newName, lostName] },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip('count') },
      grid,
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => axisValue('count', v) } },
      series: [bar(newName, newValues, 0), bar(lostName, lostValues, 1)],
    },
    table: seriesTable(t('analytics.monthCol'), months, [
      { name: newName, values: newValues, unit: 'count' },
      { name: lostName, values: lostValues, unit: 'count' },
      { name: t('analytics.cust.netChange'), values: a.newVsLost.map((m) => m.newCustomers - m.lostCustomers), unit: 'count' },
    ]),
  };
}

/** A ranking of customers: room for a company's name (the house ranking truncates at 124 px, fit for a rep's). */
export function withNameWidth(option: ChartOption, width = 184): ChartOption {
  const y = option.yAxis as { axisLabel?: Record<string, unknown> };
  y.axisLabel = { ...y.axisLabel, width };
  return option;
}

/** The top customers by sales in the period, the first on top; the table adds grade, share, last year, 同比, 毛利. */
export function topCustomersChart(a: CustomersAnswer, t: Translate): BuiltChart {
  const rows = a.topCustomers;
  const title = t('analytics.cust.topCustomersTitle', { n: rows.length });
  return {
    count: rows.length,
    option: withNameWidth(
      barRankingOption({
        title,
        seriesName: t('analytics.salesFen'),
        rows: rows.map((r) => ({ name: `${r.rank}. ${r.customerName}`, value: r.salesFen })),
        unit: 'fen',
      }),
    ),
    table: seriesTable(
      t('analytics.cust.customer'),
      rows.map((r) => `${r.rank}. ${r.customerName}（${r.customerCode}）`),
      [
        { name: t('analytics.cust.grade'), values: rows.map((r) => r.grade) },
        { name: t('analytics.salesFen'), values: rows.map((r) => r.salesFen), unit: 'fen' },
        { name: t('analytics.share'), values: rows.map((r) => r.shareBp), unit: 'bp' },
        { name: t('analytics.lastYearFen'), values: rows.map((r) => r.lastYearFen), unit: 'fen' },
        { name: t('analytics.yoy'), values: rows.map((r) => r.yoyBp), unit: 'bp' },
        { name: t('analytics.grossProfitFen'), values: rows.map((r) => r.grossProfitFen), unit: 'fen' },
      ],
    ),
  };
}

export const segmentKinds = ['customerType', 'industry', 'scale', 'region'] as const;
export type SegmentKind = (typeof segmentKinds)[number];
type SegmentRow = CustomersAnswer['segments']['region'][number];

/** A segment's name in the reader's language: codes from the label tables, '' as 未设 / 未填, data (industry, region) as is. */
export function segmentName(kind: SegmentKind, row: SegmentRow, t: Translate, lang: Lang): string {
  if (row.key === '') return t(`analytics.cust.segmentUnset.${kind}`);
  if (kind === 'customerType') return customerTypeLabels[row.key as CustomerType]?.[lang] ?? row.name;
  if (kind === 'scale') return customerScaleLabels[row.key as CustomerScale]?.[lang] ?? row.name;
  return row.name;
}

/** One segment dimension: this period's sales and last year's as bars on the money axis, the customer count as
 *  markers on its own axis; the table adds 同比. */
export function segmentChart(a: CustomersAnswer, kind: SegmentKind, t: Translate, lang: Lang): BuiltChart {
  const rows = a.segments[kind];
  const names = rows.map((r) => segmentName(kind, r, t, lang));
  const salesName = t('analytics.salesFen');
  const lastYearName = t('analytics.lastYearFen');
  const customersName = t('analytics.cust.customersCount');
  const many = rows.length > 8;
  return {
    count: rows.length,
    option: {
      title: { text: `${t('analytics.cust.segmentTitle')} · ${t(`analytics.cust.segment.${kind}`)}` },
      legend: { data: [salesName, lastYearName, customersName] },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip(['fen', 'fen', 'count']) },
      grid,
      xAxis: {
        type: 'category',
        data: names,
        axisLabel: { interval: 0, rotate: many ? 30 : 0, width: many ? 72 : 96, overflow: 'truncate' },
      },
      yAxis: [
        { type: 'value', axisLabel: { formatter: (v: number) => axisValue('fen', v) } },
        { type: 'value', minInterval: 1, splitLine: { show: false }, axisLabel: { formatter: (v: number) => axisValue('count', v) } },
      ],
      series: [
        {
          type: 'bar',
          name: salesName,
          data: rows.map((r) => r.salesFen),
          barMaxWidth: 22,
          itemStyle: { color: palette[0], decal: decals[0] },
        },
        {
          type: 'bar',
          name: lastYearName,
          data: rows.map((r) => r.lastYearFen),
          barMaxWidth: 22,
          itemStyle: { color: palette[6], decal: decals[1] },
        },
        {
          type: 'line',
          name: customersName,
          yAxisIndex: 1,
          data: rows.map((r) => r.customers),
          symbol: markers[3],
          symbolSize: 10,
          // the segments have no order: markers only, no line joining them, each with its count
          lineStyle: { opacity: 0 },
          itemStyle: { color: palette[1] },
          label: {
            show: true,
            position: 'top',
            backgroundColor: 'rgba(255,255,255,0.9)',
            padding: [1, 3],
            color: palette[1],
            formatter: (p: { value: unknown }) => axisValue('count', Number(p.value) || 0),
          },
        },
      ],
    },
    table: seriesTable(t(`analytics.cust.segment.${kind}`), names, [
      { name: customersName, values: rows.map((r) => r.customers), unit: 'count' },
      { name: salesName, values: rows.map((r) => r.salesFen), unit: 'fen' },
      { name: lastYearName, values: rows.map((r) => r.lastYearFen), unit: 'fen' },
      { name: t('analytics.yoy'), values: rows.map((r) => r.yoyBp), unit: 'bp' },
    ]),
  };
}

/** Rep coverage: on the left each rep's customers split into A/B, other customers and prospects (stacked), on the
 *  right their last 12 months' sales, the reps on one shared row axis so a rep reads across. Prospects are counted
 *  among the customers by the core, so the stack is A/B + others (customers − A/B − prospects) + prospects; a
 *  prospect graded A/B would be counted twice, so the other part never goes below 0 and the table keeps the core's
 *  own figures. */
export function repCoverageChart(a: CustomersAnswer, t: Translate): BuiltChart {
  const rows = a.repCoverage;
  const names = rows.map((r) => r.repName);
  const abName = t('analytics.cust.abCustomers');
  const otherName = t('analytics.cust.otherCustomers');
  const prospectName = t('analytics.cust.prospects');
  const salesName = t('analytics.cust.last12MonthsSales');
  const parts = [
    { name: abName, values: rows.map((r) => r.abCustomers) },
    { name: otherName, values: rows.map((r) => Math.max(0, r.customers - r.abCustomers - r.prospects)) },
    { name: prospectName, values: rows.map((r) => r.prospects) },
  ];
  const category = (gridIndex: number, show: boolean) => ({
    type: 'category' as const,
    gridIndex,
    inverse: true,
    data: names,
    axisLabel: { show, width: 72, overflow: 'truncate' as const },
    axisTick: { show },
  });
  return {
    count: rows.length,
    option: {
      title: { text: t('analytics.cust.repCoverageTitle') },
      legend: { data: [...parts.map((p) => p.name), salesName] },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const list = (Array.isArray(params) ? params : [params]) as Array<{ dataIndex?: number }>;
          const r = rows[list[0]?.dataIndex ?? -1];
          if (!r) return '';
          return [
            `${r.repName}${r.teamName ? ` · ${r.teamName}` : ''}`,
            `${t('analytics.cust.customersCount')}：${exactValue('count', r.customers)}`,
            `${abName}：${exactValue('count', r.abCustomers)}`,
            `${prospectName}：${exactValue('count', r.prospects)}`,
            `${salesName}：${exactValue('fen', r.last12MonthsSalesFen)}`,
          ].join('<br/>');
        },
      },
      grid: [
        { left: 8, width: '52%', top: 40, bottom: 8, containLabel: true },
        { left: '60%', right: 56, top: 40, bottom: 8, containLabel: true },
      ],
      xAxis: [
        { type: 'value', gridIndex: 0, minInterval: 1, axisLabel: { formatter: (v: number) => axisValue('count', v) } },
        { type: 'value', gridIndex: 1, axisLabel: { formatter: (v: number) => axisValue('fen', v) } },
      ],
      yAxis: [category(0, true), category(1, false)],
      series: [
        ...parts.map((p, i) => ({
          type: 'bar' as const,
          name: p.name,
          stack: 'customers',
          xAxisIndex: 0,
          yAxisIndex: 0,
          data: p.values,
          barMaxWidth: 16,
          itemStyle: { color: [palette[0], palette[6], palette[4]][i], decal: decals[i] },
        })),
        {
          type: 'bar' as const,
          name: salesName,
          xAxisIndex: 1,
          yAxisIndex: 1,
          data: rows.map((r) => r.last12MonthsSalesFen),
          barMaxWidth: 16,
          itemStyle: { color: palette[3], decal: decals[3] },
          label: { show: true, position: 'right' as const, formatter: (p: { value: unknown }) => axisValue('fen', Number(p.value) || 0) },
        },
      ],
    },
    table: seriesTable(t('analytics.rep'), names, [
      { name: t('analytics.team'), values: rows.map((r) => r.teamName ?? '') },
      { name: t('analytics.cust.customersCount'), values: rows.map((r) => r.customers), unit: 'count' },
      { name: abName, values: rows.map((r) => r.abCustomers), unit: 'count' },
      { name: prospectName, values: rows.map((r) => r.prospects), unit: 'count' },
      { name: salesName, values: rows.map((r) => r.last12MonthsSalesFen), unit: 'fen' },
    ]),
  };
}

/** part / whole in basis points, null when the whole is 0 (integers, as the core's shares). */
export function shareBp(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part * 10000) / whole) : null;
}
