// 过程分析's charts: one rep metric per chart (visits per day, revenue and cost per visit, orders per 100 visits, plan
// and report on-time rates) as ranked horizontal bars with the reps' overall figure as a dashed reference line, and
// their 查看数据 tables. Pure: the figures come from analytics.activity as given; ratios kept ×100 are written here.
import type { ChartOption } from './echarts';
import { axisTooltip } from './options';
import { axisValue, exactValue, type ValueUnit } from './format';
import type { DataTable } from './table';
import { palette, referenceLine } from './theme';

/** How an activity figure is kept: money in 分, a count, basis points, or a ratio ×100 (8.25 visits a day = 825). */
export type ActivityUnit = ValueUnit | 'x100';

/** A ratio kept ×100 with its two decimals: 825 → 8.25, 2350 → 23.50, -5 → -0.05. */
function hundredths(value: number): string {
  const abs = Math.abs(Math.round(value));
  const sign = value < 0 && abs > 0 ? '-' : '';
  return `${sign}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** Exact, for tooltips and tables: ¥ with 分, % with one decimal, counts with separators, ×100 ratios with two decimals. */
export function activityValue(unit: ActivityUnit, value: number | null | undefined): string {
  if (unit !== 'x100') return exactValue(unit, value);
  if (value === null || value === undefined) return '—';
  return hundredths(value);
}

/** Short, for axes and bar labels: 万 / 亿 for money, % for rates, ×100 ratios without trailing zeros (8.5, 12). */
export function activityAxisValue(unit: ActivityUnit, value: number): string {
  // money per visit is often a few 元: below 100 元 keep the 角 and 分 (¥0.39 must not read 0)
  if (unit === 'x100' || (unit === 'fen' && Math.abs(value) < 100_00)) return hundredths(value).replace(/\.?0+$/, '');
  return axisValue(unit, value);
}

export interface RepValue {
  name: string;
  value: number | null;
}

/** Largest first, reps without the figure (no visits, nothing expected) last; ties keep their order. */
export function rankedRows<T extends { value: number | null }>(rows: readonly T[]): T[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      if (a.r.value === null || b.r.value === null) return (a.r.value === null ? 1 : 0) - (b.r.value === null ? 1 : 0) || a.i - b.i;
      return b.r.value - a.r.value || a.i - b.i;
    })
    .map((x) => x.r);
}

export interface RepMetricInput {
  title: string;
  seriesName: string;
  /** in display order, first on top */
  rows: RepValue[];
  unit: ActivityUnit;
  /** the reps' figure taken together, drawn as a dashed line when there is one */
  overall?: { name: string; value: number | null };
}

/** Reps as horizontal bars, each labelled with its value, the overall figure a dashed vertical line. */
export function repMetricOption(input: RepMetricInput): ChartOption {
  const unit = input.unit;
  const tooltipUnit: ValueUnit = unit === 'x100' ? 'count' : unit;
  const overall = input.overall && input.overall.value !== null ? input.overall : null;
  return {
    title: { text: input.title },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      // a ×100 ratio is not a count: its own exact text, else the shared formatter
      formatter:
        unit === 'x100'
          ? (params: unknown) => {
              const p = (Array.isArray(params) ? params[0] : params) as { name?: string; seriesName?: string; value?: unknown };
              return `${p.name ?? ''}<br/>${p.seriesName ?? ''}：${activityValue('x100', typeof p.value === 'number' ? p.value : null)}`;
            }
          : axisTooltip(tooltipUnit),
    },
    grid: { left: 8, right: 56, top: overall ? 24 : 8, bottom: 8, containLabel: true },
    // rates run 0–100 %; the other figures step by whole units (a ×100 ratio of 0 must not read 0, 0, 0.01)
    xAxis: {
      type: 'value',
      // …and a ×100 ratio axis spans at least one whole visit / order, so all zeros read 0 and 1
      ...(unit === 'bp' ? { min: 0, max: 10000 } : { minInterval: 1 }),
      ...(unit === 'x100' ? { max: (v: { max: number }) => (v.max < 100 ? 100 : null) } : {}),
      axisLabel: { formatter: (v: number) => activityAxisValue(unit, v) },
    },
    yAxis: { type: 'category', inverse: true, data: input.rows.map((r) => r.name), axisLabel: { width: 96, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: input.seriesName,
        data: input.rows.map((r) => r.value),
        barMaxWidth: 16,
        itemStyle: { color: palette[0] },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? activityAxisValue(unit, p.value) : ''),
        },
        ...(overall
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: referenceLine,
                data: [
                  {
                    xAxis: overall.value as number,
                    // above the bars (the category axis runs top down, so its start is the top)
                    label: { formatter: `${overall.name} ${activityAxisValue(unit, overall.value as number)}`, position: 'start' as const },
                  },
                ],
              },
            }
          : {}),
      },
    ],
  };
}

export interface ActivityColumn {
  name: string;
  values: Array<number | null>;
  unit: ActivityUnit;
}

/** 查看数据: reps down the first column, each figure across, written exactly. */
export function activityTable(categoryLabel: string, names: string[], columns: ActivityColumn[]): DataTable {
  return {
    columns: [
      { key: 'c', label: categoryLabel, numeric: false },
      ...columns.map((c, i) => ({ key: `s${i}`, label: c.name, numeric: true })),
    ],
    rows: names.map((name, r) => {
      const row: Record<string, string> = { c: name };
      columns.forEach((c, i) => (row[`s${i}`] = activityValue(c.unit, c.values[r])));
      return row;
    }),
  };
}
