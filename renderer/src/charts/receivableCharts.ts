// 应收分析's charts: pure builders from analytics.receivables' answer to an ECharts option and its 查看数据 table. The
// figures are the core's as given; these only choose names, order and how they are drawn.
import type { Output } from '@shared/contract';
import { agingBucketLabels } from '@shared/domain/money';
import type { ChartOption } from './echarts';
import { axisValue, percentBp } from './format';
import { axisTooltip, barRankingOption, stackedBarOption } from './options';
import { seriesTable } from './table';
import { decals, markers, palette } from './theme';
import { withNameWidth, type BuiltChart, type Lang, type Translate } from './customerCharts';

export type ReceivablesAnswer = Output<'analytics.receivables'>;
type AgingRow = ReceivablesAnswer['byRegion'][number];

/** 未到期 light, then each older bucket darker and redder: the age reads as lightness in grey print too. */
export const agingShades = ['#9dc3e6', '#f8cbad', '#f4b183', '#ed7d31', '#c55a11', '#843c0c', '#4d2207'] as const;

/** The shade of part i of `parts` (未到期 first): the overdue buckets spread over the darker shades, the last the darkest. */
export function shadeOf(i: number, parts: number): string {
  if (i === 0 || parts < 2) return agingShades[0];
  const last = agingShades.length - 1;
  return agingShades[Math.min(last, Math.round((i * last) / (parts - 1)))] ?? '#4d2207';
}

/** The bucket names for the core's edges: 未到期, 1–30天, …, 180天以上. */
export function agingLabels(a: ReceivablesAnswer, lang: Lang): string[] {
  return agingBucketLabels(a.bucketEdges, lang);
}

/** Aging stacked per row (region or rep): 未到期 then each overdue bucket; the table adds 逾期合计 and the balance
 *  (owed less prepayments, so it can differ from the stack's length by the prepayments). */
export function agingChart(
  a: ReceivablesAnswer,
  rows: readonly AgingRow[],
  opts: { title: string; rowLabel: string; noneName: string; t: Translate; lang: Lang; chartRows?: number },
): BuiltChart & { charted: number } {
  const labels = agingLabels(a, opts.lang);
  const names = rows.map((r) => (r.key === 0 ? opts.noneName : r.name));
  const series = labels.map((name, i) => ({ name, values: rows.map((r) => (i === 0 ? r.notDueFen : (r.bucketsFen[i - 1] ?? 0))) }));
  // a long list (50 reps) charts its first rows as given (the core's order: balance descending); the table keeps all
  const charted = Math.min(rows.length, opts.chartRows ?? rows.length);
  const option = stackedBarOption({
    title: opts.title,
    categories: names.slice(0, charted),
    series: series.map((s) => ({ name: s.name, values: s.values.slice(0, charted) })),
    unit: 'fen',
    horizontal: true,
  });
  // the house stacked bars colour by series index; aging colours by age
  (option.series as Array<{ itemStyle: { color: string } }>).forEach((s, i) => (s.itemStyle.color = shadeOf(i, labels.length)));
  // six buckets: the legend from the left edge (the panel shows the title) and room for it on two lines in a narrow panel
  option.legend = { ...(option.legend as object), left: 0, right: 'auto' };
  option.grid = { left: 8, right: 16, top: 56, bottom: 8, containLabel: true };
  return {
    count: rows.length,
    charted,
    option,
    table: seriesTable(opts.rowLabel, names, [
      ...series.map((s) => ({ ...s, unit: 'fen' as const })),
      { name: opts.t('analytics.recv.overdueFen'), values: rows.map((r) => r.overdueFen), unit: 'fen' },
      { name: opts.t('analytics.recv.balanceFen'), values: rows.map((r) => r.totalFen), unit: 'fen' },
    ]),
  };
}

/** Collection rate (bars, % axis) and DSO (dashed line with markers, days axis) per month; the table adds the
 *  month's opening, sales, collections and closing receivables the rate is computed from. */
export function collectionTrendChart(a: ReceivablesAnswer, t: Translate, monthLabel: (ym: string) => string): BuiltChart {
  const months = a.trend.map((m) => monthLabel(m.month));
  const rateName = t('analytics.recv.collectionRate');
  const dsoName = t('analytics.recv.dso');
  // a year's twelve labels side by side in a half-width panel: a size smaller
  const labelSize = months.length > 6 ? 10 : 12;
  const option: ChartOption = {
    title: { text: t('analytics.recv.collectionTrendTitle') },
    legend: { data: [rateName, dsoName] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip(['bp', 'count']) },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: [
      { type: 'value', min: 0, axisLabel: { formatter: (v: number) => axisValue('bp', v) } },
      {
        type: 'value',
        min: 0,
        minInterval: 1,
        splitLine: { show: false },
        axisLabel: { formatter: (v: number) => t('analytics.recv.daysN', { n: v }) },
      },
    ],
    series: [
      {
        type: 'bar',
        name: rateName,
        data: a.trend.map((m) => m.collectionRateBp),
        barMaxWidth: 28,
        itemStyle: { color: palette[0], decal: decals[0] },
        label: {
          show: months.length <= 12,
          position: 'top',
          fontSize: labelSize,
          formatter: (p: { value: unknown }) => percentBp(p.value as number | null),
        },
      },
      {
        type: 'line',
        name: dsoName,
        yAxisIndex: 1,
        data: a.trend.map((m) => m.dsoDays),
        symbol: markers[1],
        symbolSize: 8,
        lineStyle: { type: 'dashed', width: 2, color: palette[1] },
        itemStyle: { color: palette[1] },
        // beside the marker on a white box, readable where it crosses a bar and apart from the rate's own label
        label: {
          show: months.length <= 12,
          position: 'right',
          fontSize: labelSize,
          distance: 4,
          backgroundColor: 'rgba(255,255,255,0.9)',
          padding: [1, 3],
          color: palette[1],
          formatter: (p: { value: unknown }) => (p.value == null ? '' : t('analytics.recv.daysN', { n: p.value })),
        },
      },
    ],
  };
  return {
    count: months.length,
    option,
    table: seriesTable(t('analytics.monthCol'), months, [
      { name: t('analytics.recv.openingFen'), values: a.trend.map((m) => m.openingFen), unit: 'fen' },
      { name: t('analytics.salesFen'), values: a.trend.map((m) => m.salesFen), unit: 'fen' },
      { name: t('analytics.recv.collectionsFen'), values: a.trend.map((m) => m.collectionsFen), unit: 'fen' },
      { name: t('analytics.recv.closingFen'), values: a.trend.map((m) => m.closingFen), unit: 'fen' },
      { name: rateName, values: a.trend.map((m) => m.collectionRateBp), unit: 'bp' },
      { name: dsoName, values: a.trend.map((m) => m.dsoDays), unit: 'count' },
    ]),
  };
}

/** The customers most overdue, the first on top; the table adds the rep, the balance and the oldest overdue days. */
export function topOverdueChart(a: ReceivablesAnswer, t: Translate): BuiltChart {
  const rows = a.topOverdue;
  return {
    count: rows.length,
    option: withNameWidth(
      barRankingOption({
        title: t('analytics.recv.topOverdueTitle', { n: rows.length }),
        seriesName: t('analytics.recv.overdueFen'),
        rows: rows.map((r) => ({ name: `${r.rank}. ${r.customerName}`, value: r.overdueFen })),
        unit: 'fen',
      }),
    ),
    table: seriesTable(
      t('analytics.recv.customer'),
      rows.map((r) => `${r.rank}. ${r.customerName}（${r.customerCode}）`),
      [
        { name: t('analytics.rep'), values: rows.map((r) => r.repName ?? '') },
        { name: t('analytics.recv.overdueFen'), values: rows.map((r) => r.overdueFen), unit: 'fen' },
        { name: t('analytics.recv.balanceFen'), values: rows.map((r) => r.totalFen), unit: 'fen' },
        { name: t('analytics.recv.maxOverdueDays'), values: rows.map((r) => r.maxOverdueDays), unit: 'count' },
      ],
    ),
  };
}
