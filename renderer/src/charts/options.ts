// Pure option builders: plain data in, an ECharts option out (no DOM, no core call) — the figures come from the core's
// analytics module, these only decide how they are drawn. Series data is always the input as given.
import type { ChartOption } from './echarts';
import { axisValue, exactValue, percentBp, type ValueUnit } from './format';
import { decals, lineDashes, markers, palette, referenceLine } from './theme';

export interface NamedValue {
  name: string;
  value: number;
}

interface TooltipParam {
  marker?: unknown;
  seriesName?: string;
  name?: string;
  value?: unknown;
  percent?: number;
}

const asArray = (p: unknown): TooltipParam[] => (Array.isArray(p) ? (p as TooltipParam[]) : [p as TooltipParam]);
const numberOf = (v: unknown): number | null => (typeof v === 'number' ? v : Array.isArray(v) && typeof v[1] === 'number' ? v[1] : null);

/** One line per series under the category name, each value exact (¥1,234.56 / 12.3% / 1,234). */
export function axisTooltip(units: ValueUnit | ValueUnit[]) {
  return (params: unknown): string => {
    const list = asArray(params);
    const head = list[0]?.name ?? '';
    const lines = list.map((p, i) => {
      const unit = Array.isArray(units) ? (units[i] ?? units[0]!) : units;
      return `${typeof p.marker === 'string' ? p.marker : ''}${p.seriesName ?? ''}：${exactValue(unit, numberOf(p.value))}`;
    });
    return [head, ...lines].join('<br/>');
  };
}

const grid = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true };

/** A value axis labelled in 万 / 亿 (money, counts) or % (basis points). */
function valueAxis(unit: ValueUnit, extra: Record<string, unknown> = {}) {
  return { type: 'value' as const, axisLabel: { formatter: (v: number) => axisValue(unit, v) }, ...extra };
}

export interface TrendInput {
  title: string;
  /** category labels, one per month (1月 … 12月) */
  months: string[];
  thisYear: { name: string; values: Array<number | null> };
  lastYear: { name: string; values: Array<number | null> };
  unit: ValueUnit;
}

/** This year against last year by month: this year solid with round markers, last year dashed with triangles. */
export function trendOption(input: TrendInput): ChartOption {
  const line = (s: { name: string; values: Array<number | null> }, i: number) => ({
    type: 'line' as const,
    name: s.name,
    data: s.values,
    symbol: markers[i],
    symbolSize: 7,
    lineStyle: { type: lineDashes[i], width: 2, color: palette[i] },
    itemStyle: { color: palette[i] },
  });
  return {
    title: { text: input.title },
    legend: { data: [input.thisYear.name, input.lastYear.name] },
    tooltip: { trigger: 'axis', formatter: axisTooltip(input.unit) },
    grid,
    xAxis: { type: 'category', data: input.months, boundaryGap: false },
    yAxis: valueAxis(input.unit),
    series: [line(input.thisYear, 0), line(input.lastYear, 1)],
  };
}

export interface RankingInput {
  title: string;
  seriesName: string;
  /** in display order, first on top */
  rows: NamedValue[];
  unit: ValueUnit;
}

/** Horizontal bars, the first row on top, each labelled with its value. */
export function barRankingOption(input: RankingInput): ChartOption {
  return {
    title: { text: input.title },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip(input.unit) },
    grid: { ...grid, right: 56 },
    xAxis: valueAxis(input.unit),
    yAxis: { type: 'category', inverse: true, data: input.rows.map((r) => r.name), axisLabel: { width: 124, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: input.seriesName,
        data: input.rows.map((r) => r.value),
        barMaxWidth: 22,
        itemStyle: { color: palette[0] },
        label: { show: true, position: 'right', formatter: (p: { value: unknown }) => axisValue(input.unit, numberOf(p.value) ?? 0) },
      },
    ],
  };
}

export interface PieInput {
  title: string;
  seriesName: string;
  rows: NamedValue[];
  unit: ValueUnit;
  donut?: boolean;
}

/** A distribution as a donut (or a pie): every slice labelled with its name and share, patterns for print. */
export function pieOption(input: PieInput): ChartOption {
  return {
    title: { text: input.title },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const it = p as TooltipParam;
        return `${it.name ?? ''}<br/>${exactValue(input.unit, numberOf(it.value))}（${(it.percent ?? 0).toFixed(1)}%）`;
      },
    },
    series: [
      {
        type: 'pie',
        name: input.seriesName,
        radius: input.donut === false ? ['0%', '62%'] : ['38%', '62%'],
        center: ['50%', '56%'],
        data: input.rows.map((r) => ({ name: r.name, value: r.value })),
        label: { formatter: (p: { name?: string; percent?: number }) => `${p.name ?? ''}\n${(p.percent ?? 0).toFixed(1)}%` },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
      },
    ],
  };
}

export type AbcClass = 'A' | 'B' | 'C';

export interface ParetoInput {
  title: string;
  valueName: string;
  cumulativeName: string;
  /** largest first, each with its class as the core assigned it */
  rows: Array<{ name: string; valueFen: number; abcClass: AbcClass }>;
  /** the cumulative shares where A and B end, in basis points (e.g. 7000 and 9000) */
  cutoffsBp: { a: number; b: number };
}

/** Cumulative share in basis points after each row (integers; the last is 10000 when the total is positive). */
export function cumulativeBp(values: number[]): number[] {
  const total = values.reduce((s, v) => s + v, 0);
  let running = 0;
  return values.map((v) => {
    running += v;
    return total > 0 ? Math.round((running * 10000) / total) : 0;
  });
}

const classShade: Record<AbcClass, string> = { A: palette[0], B: palette[3], C: palette[6] };
const classDecal: Record<AbcClass, (typeof decals)[number]> = { A: decals[0]!, B: decals[1]!, C: decals[2]! };

/** Product ABC: bars by value (shaded and patterned by class), the cumulative share as a line on a % axis, dashed
 *  horizontal lines at the A and B cut-offs and vertical ones where the classes change. */
export function paretoOption(input: ParetoInput): ChartOption {
  const names = input.rows.map((r) => r.name);
  const cumulative = cumulativeBp(input.rows.map((r) => r.valueFen));
  const lastOf = (c: AbcClass) => {
    let at = -1;
    input.rows.forEach((r, i) => {
      if (r.abcClass === c) at = i;
    });
    return at;
  };
  const boundaries = (['A', 'B'] as const)
    .map((c) => ({ c, at: lastOf(c) }))
    .filter((b) => b.at >= 0 && b.at < input.rows.length - 1)
    .map((b) => ({ xAxis: b.at, label: { formatter: `${b.c} | ${b.c === 'A' ? 'B' : 'C'}`, position: 'end' as const } }));
  return {
    title: { text: input.title },
    legend: { data: [input.valueName, input.cumulativeName] },
    tooltip: { trigger: 'axis', formatter: axisTooltip(['fen', 'bp']) },
    grid: { ...grid, right: 8 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 'auto', rotate: 30, width: 72, overflow: 'truncate' } },
    yAxis: [valueAxis('fen'), valueAxis('bp', { min: 0, max: 10000, interval: 2500, splitLine: { show: false } })],
    series: [
      {
        type: 'bar',
        name: input.valueName,
        data: input.rows.map((r) => ({ value: r.valueFen, itemStyle: { color: classShade[r.abcClass], decal: classDecal[r.abcClass] } })),
        barMaxWidth: 18,
        itemStyle: { color: palette[0] },
      },
      {
        type: 'line',
        name: input.cumulativeName,
        yAxisIndex: 1,
        data: cumulative,
        symbol: markers[1],
        symbolSize: 5,
        lineStyle: { color: textOnWhite, width: 2 },
        itemStyle: { color: textOnWhite },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: referenceLine,
          data: [
            { yAxis: input.cutoffsBp.a, label: { formatter: `A ${percentBp(input.cutoffsBp.a)}`, position: 'insideEndTop' as const } },
            { yAxis: input.cutoffsBp.b, label: { formatter: `B ${percentBp(input.cutoffsBp.b)}`, position: 'insideEndTop' as const } },
            ...boundaries,
          ],
        },
      },
    ],
  };
}
const textOnWhite = '#303133';

export interface StackedBarInput {
  title: string;
  categories: string[];
  /** one series per stack part (e.g. aging buckets), values aligned with the categories */
  series: Array<{ name: string; values: number[] }>;
  unit: ValueUnit;
  horizontal?: boolean;
}

/** Stacked bars (aging by region or rep): each part its own colour and pattern. */
export function stackedBarOption(input: StackedBarInput): ChartOption {
  const category = { type: 'category' as const, data: input.categories };
  return {
    title: { text: input.title },
    legend: { data: input.series.map((s) => s.name) },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip(input.unit) },
    grid,
    xAxis: input.horizontal ? valueAxis(input.unit) : category,
    yAxis: input.horizontal ? { ...category, inverse: true } : valueAxis(input.unit),
    series: input.series.map((s, i) => ({
      type: 'bar' as const,
      name: s.name,
      stack: 'total',
      data: s.values,
      barMaxWidth: 28,
      itemStyle: { color: palette[i % palette.length], decal: decals[i % decals.length] },
    })),
  };
}

export interface AchievementInput {
  title: string;
  achievementName: string;
  timeProgressName: string;
  /** one row per metric (or unit): achievement and the period's time progress, both in basis points */
  rows: Array<{ name: string; achievementBp: number | null; timeProgressBp: number | null }>;
}

/** Achievement against time progress: a bar per metric for the achievement, a black tick for the time progress,
 *  each bar labelled with its percentage; a bar left of its tick is behind. */
export function achievementOption(input: AchievementInput): ChartOption {
  return {
    title: { text: input.title },
    legend: { data: [input.achievementName, input.timeProgressName] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip('bp') },
    grid: { ...grid, right: 56 },
    xAxis: valueAxis('bp', { min: 0, max: (v: { max: number }) => Math.max(10000, Math.ceil(v.max / 2500) * 2500) }),
    yAxis: { type: 'category', inverse: true, data: input.rows.map((r) => r.name) },
    series: [
      {
        type: 'bar',
        name: input.achievementName,
        data: input.rows.map((r) => r.achievementBp),
        barMaxWidth: 20,
        itemStyle: { color: palette[0] },
        label: { show: true, position: 'right', formatter: (p: { value: unknown }) => percentBp(numberOf(p.value)) },
      },
      {
        // the time progress as a scatter of thin vertical ticks over the bars
        type: 'line',
        name: input.timeProgressName,
        data: input.rows.map((r) => r.timeProgressBp),
        symbol: 'rect',
        symbolSize: [3, 26],
        lineStyle: { opacity: 0 },
        itemStyle: { color: referenceLine.color },
        z: 5,
      },
    ],
  };
}
