// 月度会议材料: how each meeting page is drawn — the chart a page gets (from its kind and units), its ECharts option for
// the printed PDF, and its figures as an aligned table. Pure: the page data in, an option or a table out; the figures
// are the core's as given (only 同比/环比 of the 经营概况 table are worked out from the two values it carries).
import type { MeetingPage } from '@shared/contract/meetingPack';
import type { ChartOption } from './echarts';
import { axisValue, changeBp, count, percentBp, tooltipFen } from './format';
import { achievementOption, stackedBarOption, trendOption } from './options';
import { lineDashes, markers } from './theme';

export type PackUnit = MeetingPage['series'][number]['unit'];

/** How a page is laid out: a chart of one of these shapes, a table, or the cover. */
export type PackLayout = 'cover' | 'kpis' | 'table' | 'achievement' | 'groupedBar' | 'stackedBar' | 'line' | 'pareto';

/** A bar page of two rates (达成率 against 时间进度) is the achievement chart: bars with a tick for the time progress. */
export function layoutOf(page: Pick<MeetingPage, 'kind' | 'series'>): PackLayout {
  if (page.kind === 'bar') {
    const rates = page.series.length === 2 && page.series.every((s) => s.unit === 'bp');
    return rates ? 'achievement' : 'groupedBar';
  }
  return page.kind;
}

/** A value written exactly: ¥1,234.56 / 12.3% / 1,234 / 4.81 (a ratio kept ×100); — where there is none. */
export function packValue(unit: PackUnit, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'fen') return tooltipFen(value);
  if (unit === 'bp') return percentBp(value);
  if (unit === 'x100') return (value / 100).toFixed(2);
  return count(value);
}

/** A value on an axis or a bar label: 5710万 / 62.3% / 1,234 / 4.81. */
export function packAxisValue(unit: PackUnit, value: number): string {
  if (unit === 'x100') return (value / 100).toFixed(2);
  return axisValue(unit, value);
}

/** The change from `base` to `value` in basis points (the dashboards' 同比/环比); null without a base. */
export function changeBpOf(value: number | null, base: number | null): number | null {
  if (value === null || base === null || base === 0) return null;
  return Math.round(((value - base) * 10_000) / Math.abs(base));
}

export interface PackTable {
  columns: Array<{ label: string; numeric: boolean }>;
  rows: string[][];
}

/** The 经营概况 page as a table: each figure this month, last year and last month, with 同比 and 环比. */
function kpiTable(page: MeetingPage): PackTable {
  const [now, lastYear, previous] = page.series;
  const unit = now?.unit ?? 'fen';
  return {
    columns: [
      { label: '指标', numeric: false },
      { label: now?.name ?? '本月', numeric: true },
      { label: lastYear?.name ?? '去年同期', numeric: true },
      { label: '同比', numeric: true },
      { label: previous?.name ?? '上月', numeric: true },
      { label: '环比', numeric: true },
    ],
    rows: page.categories.map((name, i) => {
      const v = now?.values[i] ?? null;
      const ly = lastYear?.values[i] ?? null;
      const prev = previous?.values[i] ?? null;
      return [
        name,
        packValue(unit, v),
        packValue(unit, ly),
        changeBp(changeBpOf(v, ly)),
        packValue(unit, prev),
        changeBp(changeBpOf(v, prev)),
      ];
    }),
  };
}

/** A page's figures as a table: one row per category, one column per series, exact values. */
export function packTable(page: MeetingPage, categoryLabel = '项目'): PackTable {
  if (page.kind === 'kpis') return kpiTable(page);
  return {
    columns: [{ label: categoryLabel, numeric: false }, ...page.series.map((s) => ({ label: s.name, numeric: true }))],
    rows: page.categories.map((c, i) => [c, ...page.series.map((s) => packValue(s.unit, s.values[i]))]),
  };
}

/** The first column's heading of a page's table. */
export function categoryLabelOf(page: Pick<MeetingPage, 'key'>): string {
  const labels: Record<string, string> = {
    activity: '业务员',
    reps: '业务员',
    regions: '区域',
    aging: '区域',
    abc: '产品',
    trend: '月份',
    targets: '指标',
  };
  return labels[page.key] ?? '项目';
}

/**
 * Fills of the printed charts, told apart by lightness (a black-and-white printer's grey), never by hue alone: bars
 * side by side dark then light; parts of a stack (aging buckets, in order) from light to dark, so the older the darker.
 * No fill patterns on paper: Chromium turns every patterned area into an image in the PDF (most of its time and size).
 */
export const pairFills = ['#1f4e79', '#9dc3e6', '#595959', '#d9d9d9'] as const;
export const rampFills = ['#dfe9f5', '#f4c78a', '#e8903f', '#c0504d', '#8b2b2b', '#3b0f0f'] as const;
/** The parts from the fourth on are dark: their labels are white. */
const DARK_FROM = 3;

/** Printed charts: a larger type than on screen, no animation (the page prints what is drawn at once). */
const PRINT_TEXT = { fontSize: 13 };

const values = (page: MeetingPage, i: number) => page.series[i]?.values ?? [];
const zeroed = (v: Array<number | null>) => v.map((x) => x ?? 0);

/** Bars side by side per category (this month against last year): pattern and shade per series, values on top. */
function groupedBarOption(page: MeetingPage): ChartOption {
  const unit = page.series[0]?.unit ?? 'fen';
  const many = page.categories.length > 8;
  return {
    legend: { data: page.series.map((s) => s.name), textStyle: PRINT_TEXT },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: page.categories,
      axisLabel: { ...PRINT_TEXT, interval: 0, rotate: many ? 30 : 0, width: 110, overflow: 'truncate' },
    },
    yAxis: { type: 'value', axisLabel: { ...PRINT_TEXT, formatter: (v: number) => packAxisValue(unit, v) } },
    series: page.series.map((s, i) => ({
      type: 'bar' as const,
      name: s.name,
      data: s.values,
      barMaxWidth: 48,
      itemStyle: { color: pairFills[i % pairFills.length], borderColor: '#000', borderWidth: 0.8 },
      label: {
        show: true,
        position: 'top' as const,
        fontSize: many ? 10 : 12,
        formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? packAxisValue(s.unit, p.value) : ''),
      },
    })),
  };
}

/** Pareto: the values as bars, the cumulative share as a line on a 0–100% axis, each point labelled. */
function paretoPackOption(page: MeetingPage): ChartOption {
  const bars = page.series[0];
  const line = page.series[1];
  return {
    legend: { data: page.series.map((s) => s.name), textStyle: PRINT_TEXT },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: page.categories,
      axisLabel: { fontSize: 11, interval: 0, rotate: 35, width: 120, overflow: 'truncate' },
    },
    yAxis: [
      { type: 'value', axisLabel: { ...PRINT_TEXT, formatter: (v: number) => packAxisValue(bars?.unit ?? 'fen', v) } },
      {
        type: 'value',
        min: 0,
        max: 10_000,
        interval: 2_500,
        splitLine: { show: false },
        axisLabel: { ...PRINT_TEXT, formatter: (v: number) => packAxisValue('bp', v) },
      },
    ],
    series: [
      {
        type: 'bar',
        name: bars?.name ?? '',
        data: values(page, 0),
        barMaxWidth: 36,
        // light bars: the black cumulative line stays clear over them
        itemStyle: { color: pairFills[1], borderColor: '#000', borderWidth: 0.8 },
      },
      {
        type: 'line',
        name: line?.name ?? '',
        yAxisIndex: 1,
        data: values(page, 1),
        symbol: markers[1],
        symbolSize: 7,
        lineStyle: { color: '#000', width: 2, type: lineDashes[1] },
        itemStyle: { color: '#000' },
        label: {
          show: true,
          position: 'top',
          fontSize: 10,
          backgroundColor: '#fff',
          padding: [1, 2],
          formatter: (p: { value: unknown }) => percentBp(p.value as number),
        },
      },
    ],
  };
}

/** The ECharts option of a chart page as printed (no title: the sheet prints it above the chart). */
export function packChartOption(page: MeetingPage): ChartOption | null {
  const layout = layoutOf(page);
  let option: ChartOption;
  if (layout === 'achievement') {
    option = achievementOption({
      title: '',
      achievementName: page.series[0]!.name,
      timeProgressName: page.series[1]!.name,
      rows: page.categories.map((name, i) => ({
        name,
        achievementBp: values(page, 0)[i] ?? null,
        timeProgressBp: values(page, 1)[i] ?? null,
      })),
    });
    option.yAxis = { type: 'category', inverse: true, data: page.categories, axisLabel: PRINT_TEXT };
    // on paper: thicker bars, the percentage inside a long bar at its start (clear of the tick, which sits near the
    // bar's end when on track), a tick taller than the bar
    const band = Math.max(16, Math.min(44, Math.round(400 / Math.max(1, page.categories.length))));
    const [bars, ticks] = option.series as Array<Record<string, unknown>>;
    bars!.barMaxWidth = band;
    bars!.data = values(page, 0).map((v) => {
      const inside = v !== null && v >= 2_500;
      return {
        value: v,
        label: { position: inside ? 'insideLeft' : 'right', color: inside ? '#fff' : '#000', fontWeight: 600, padding: [0, 4] },
      };
    });
    bars!.label = { ...(bars!.label as object), fontSize: 12 };
    ticks!.symbolSize = [4, band + 12];
    option.xAxis = {
      ...(option.xAxis as object),
      interval: 2_500,
      axisLabel: { ...PRINT_TEXT, formatter: (v: number) => packAxisValue('bp', v) },
    };
  } else if (layout === 'line') {
    const [thisYear, lastYear] = page.series;
    option = trendOption({
      title: '',
      months: page.categories,
      thisYear: { name: thisYear?.name ?? '', values: thisYear?.values ?? [] },
      lastYear: { name: lastYear?.name ?? '', values: lastYear?.values ?? [] },
      unit: thisYear?.unit === 'x100' ? 'count' : (thisYear?.unit ?? 'fen'),
    });
    const unit = thisYear?.unit ?? 'fen';
    // this year's points carry their values: the figure the meeting talks about is read off the page
    const series = option.series as Array<Record<string, unknown>>;
    series[0]!.label = {
      show: true,
      position: 'top',
      fontSize: 11,
      formatter: (p: { value: unknown }) => packAxisValue(unit, p.value as number),
    };
  } else if (layout === 'stackedBar') {
    option = stackedBarOption({
      title: '',
      categories: page.categories,
      series: page.series.map((s) => ({ name: s.name, values: zeroed(s.values) })),
      unit: page.series[0]?.unit === 'x100' ? 'count' : (page.series[0]?.unit ?? 'fen'),
    });
    const series = option.series as Array<Record<string, unknown>>;
    const unit = page.series[0]?.unit ?? 'fen';
    const totals = page.categories.map((_, i) => page.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
    // a part tall enough carries its value (a twentieth of the tallest stack)
    const labelFrom = Math.max(0, ...totals) / 20;
    series.forEach((s, i) => {
      s.barMaxWidth = 64;
      s.itemStyle = { color: rampFills[Math.min(i, rampFills.length - 1)], borderColor: '#000', borderWidth: 0.8 };
      s.label = {
        show: true,
        position: 'inside',
        fontSize: 11,
        color: i >= DARK_FROM ? '#fff' : '#000',
        formatter: (p: { value: unknown }) => (typeof p.value === 'number' && p.value >= labelFrom ? packAxisValue(unit, p.value) : ''),
      };
    });
    // each stack's total above it: an empty part on top that only carries the label (not in the legend)
    series.push({
      type: 'bar',
      name: '合计',
      stack: 'total',
      data: totals.map(() => 0),
      label: {
        show: true,
        position: 'top',
        fontSize: 12,
        fontWeight: 600,
        formatter: (p: { dataIndex: number }) => packAxisValue(unit, totals[p.dataIndex] ?? 0),
      },
      itemStyle: { color: 'transparent' },
      silent: true,
    });
  } else if (layout === 'pareto') {
    option = paretoPackOption(page);
  } else if (layout === 'groupedBar') {
    option = groupedBarOption(page);
  } else {
    return null;
  }
  delete option.title;
  delete option.tooltip;
  return {
    ...option,
    animation: false,
    textStyle: { fontSize: PRINT_TEXT.fontSize },
    legend: { ...(option.legend as object), top: 0, right: 0, textStyle: PRINT_TEXT, itemWidth: 28, itemHeight: 14 },
    // the theme's fill patterns off on paper (see pairFills)
    aria: { enabled: true, decal: { show: false } },
  };
}
