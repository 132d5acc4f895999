// 销售漏斗's charts: the funnel of opportunities entering each stage, the average days spent in each stage, and the
// weighted pipeline by month against the sales target's remaining gap; with their 查看数据 tables. Pure: the figures
// come from pipeline.funnel as given (counts, 分, basis points, days), only their drawing is decided here.
import type { ChartOption } from './echarts';
import { axisTooltip } from './options';
import { axisValue, count, exactValue, percentBp, tooltipFen } from './format';
import type { DataTable } from './table';
import { decals, palette } from './theme';

export interface FunnelStageRow {
  /** the stage's name on screen (潜在客户识别 …) */
  name: string;
  entered: number;
  amountFen: number;
  /** entered(next) / entered(this); null for the last stage or none entered */
  conversionBp: number | null;
  /** average days spent in the stage; null when nobody left it yet */
  avgDays: number | null;
}

export interface FunnelLabels {
  title: string;
  stage: string;
  entered: string;
  amount: string;
  conversion: string;
  avgDays: string;
  /** "{n} 天" */
  days: (n: number) => string;
}

/** Days with one decimal where there is one: 3 → 3, 2.5 → 2.5, null → —. */
export function daysText(days: number | null | undefined): string {
  if (days === null || days === undefined) return '—';
  return String(Math.round(days * 10) / 10);
}

/** The funnel, widest stage on top in stage order; each layer names its stage, count and amount, the tooltip adds the
 *  conversion to the next stage and the average days in it. Layers are sized by count. */
export function funnelOption(rows: readonly FunnelStageRow[], labels: FunnelLabels): ChartOption {
  const max = Math.max(1, ...rows.map((r) => r.entered));
  return {
    title: { text: labels.title },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const i = (p as { dataIndex?: number }).dataIndex ?? 0;
        const r = rows[i];
        if (!r) return '';
        return [
          r.name,
          `${labels.entered}：${count(r.entered)}`,
          `${labels.amount}：${tooltipFen(r.amountFen)}`,
          `${labels.conversion}：${percentBp(r.conversionBp)}`,
          `${labels.avgDays}：${r.avgDays === null ? '—' : labels.days(Math.round(r.avgDays * 10) / 10)}`,
        ].join('<br/>');
      },
    },
    series: [
      {
        type: 'funnel',
        name: labels.title,
        // stage order, not value order: the funnel never widens (a passed-over stage counts as entered)
        sort: 'none',
        min: 0,
        max,
        minSize: '8%',
        left: '4%',
        width: '62%',
        top: 12,
        bottom: 12,
        gap: 2,
        data: rows.map((r, i) => ({
          name: r.name,
          value: r.entered,
          itemStyle: { color: palette[i % 2 === 0 ? 0 : 3], decal: decals[i % 2 === 0 ? 0 : 1] },
        })),
        label: {
          show: true,
          position: 'right',
          color: '#303133',
          formatter: (p: { dataIndex?: number }) => {
            const r = rows[p.dataIndex ?? 0];
            if (!r) return '';
            const conv = r.conversionBp === null ? '' : `  → ${percentBp(r.conversionBp)}`;
            return `${r.name}  ${count(r.entered)} · ${axisValue('fen', r.amountFen)}${conv}`;
          },
        },
        labelLine: { show: true, length: 12, lineStyle: { color: '#909399' } },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
      },
    ],
  };
}

/** The funnel's figures as a table: stage, entered, amount, conversion, average days. */
export function funnelTable(rows: readonly FunnelStageRow[], labels: FunnelLabels): DataTable {
  return {
    columns: [
      { key: 'c', label: labels.stage, numeric: false },
      { key: 'entered', label: labels.entered, numeric: true },
      { key: 'amount', label: labels.amount, numeric: true },
      { key: 'conversion', label: labels.conversion, numeric: true },
      { key: 'avgDays', label: labels.avgDays, numeric: true },
    ],
    rows: rows.map((r) => ({
      c: r.name,
      entered: count(r.entered),
      amount: tooltipFen(r.amountFen),
      conversion: percentBp(r.conversionBp),
      avgDays: daysText(r.avgDays),
    })),
  };
}

/** Average days in each stage as horizontal bars, the first stage on top, each labelled. */
export function stageDaysOption(
  rows: readonly FunnelStageRow[],
  title: string,
  seriesName: string,
  days: (n: number) => string,
): ChartOption {
  return {
    title: { text: title },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const p = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number };
        const r = rows[p.dataIndex ?? 0];
        return r ? `${r.name}<br/>${seriesName}：${r.avgDays === null ? '—' : days(Math.round(r.avgDays * 10) / 10)}` : '';
      },
    },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name) },
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: rows.map((r) => r.avgDays),
        barMaxWidth: 18,
        itemStyle: { color: palette[0] },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: unknown }) => daysText(typeof p.value === 'number' ? p.value : null),
        },
      },
    ],
  };
}

export interface ForecastMonth {
  /** YYYY-MM */
  month: string;
  weightedFen: number;
  /** the sales target's remaining gap for the month; null where no target is set */
  targetGapFen: number | null;
}

export interface ForecastLabels {
  title: string;
  month: string;
  weighted: string;
  gap: string;
  /** weighted − gap: positive covers the gap */
  cover: string;
  /** 'YYYY-MM' → its axis label (2026年1月 / 2026-01) */
  monthLabel: (ym: string) => string;
}

/** The weighted pipeline of each coming month beside the target's remaining gap, as paired bars. */
export function forecastOption(months: readonly ForecastMonth[], labels: ForecastLabels): ChartOption {
  return {
    title: { text: labels.title },
    legend: { data: [labels.weighted, labels.gap] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip('fen') },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => labels.monthLabel(m.month)) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => axisValue('fen', v) } },
    series: [
      {
        type: 'bar',
        name: labels.weighted,
        data: months.map((m) => m.weightedFen),
        barMaxWidth: 24,
        itemStyle: { color: palette[0], decal: decals[0] },
      },
      {
        type: 'bar',
        name: labels.gap,
        data: months.map((m) => m.targetGapFen),
        barMaxWidth: 24,
        itemStyle: { color: palette[1], decal: decals[1] },
      },
    ],
  };
}

export function forecastTable(months: readonly ForecastMonth[], labels: ForecastLabels): DataTable {
  return {
    columns: [
      { key: 'c', label: labels.month, numeric: false },
      { key: 'weighted', label: labels.weighted, numeric: true },
      { key: 'gap', label: labels.gap, numeric: true },
      { key: 'cover', label: labels.cover, numeric: true },
    ],
    rows: months.map((m) => ({
      c: labels.monthLabel(m.month),
      weighted: exactValue('fen', m.weightedFen),
      gap: exactValue('fen', m.targetGapFen),
      cover: m.targetGapFen === null ? '—' : exactValue('fen', m.weightedFen - m.targetGapFen),
    })),
  };
}
