// The one chart theme: a sober business palette whose colours also differ in lightness, so on grey paper the series
// stay apart; lines differ by dash and marker, bars and slices by pattern (decal) as well as by colour.

/** Series colours, dark to light, alternating hue so neighbours differ in both colour and grey value. */
export const palette = ['#1f4e79', '#c55a11', '#7f7f7f', '#2e75b6', '#bf9000', '#385723', '#a5a5a5', '#843c0c'] as const;

/** Line dash per series index: solid, dashed, dotted — told apart without colour. */
export const lineDashes = ['solid', 'dashed', 'dotted'] as const;

/** Marker per series index: told apart without colour where lines cross. */
export const markers = ['circle', 'triangle', 'rect', 'diamond', 'emptyCircle', 'emptyTriangle'] as const;

/** Fill patterns per series index for bars and slices (ECharts decal), the first one plain. */
export const decals = [
  { symbol: 'none' },
  { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 4, color: 'rgba(255,255,255,0.55)' },
  { symbol: 'circle', symbolSize: 0.6, dashArrayX: [[4, 4]], dashArrayY: [4, 4], color: 'rgba(255,255,255,0.6)' },
  { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: -Math.PI / 4, color: 'rgba(0,0,0,0.35)' },
  { symbol: 'rect', dashArrayX: [[6, 3]], dashArrayY: [6, 3], color: 'rgba(255,255,255,0.5)' },
  { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [1, 4], rotation: 0, color: 'rgba(0,0,0,0.3)' },
];

/** Reference lines (time progress, A/B/C cut-offs): black dashed, readable on any printer. */
export const referenceLine = { color: '#303133', width: 1.5, type: 'dashed' as const };

export const textColor = '#303133';
export const axisColor = '#909399';
export const splitLineColor = '#ebeef5';

export const chartTheme = {
  color: [...palette],
  backgroundColor: '#ffffff',
  textStyle: { fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif', color: textColor },
  title: { left: 0, textStyle: { fontSize: 14, fontWeight: 600, color: textColor } },
  legend: { top: 2, right: 0, itemWidth: 22, itemHeight: 10, textStyle: { color: textColor } },
  categoryAxis: {
    axisLine: { lineStyle: { color: axisColor } },
    axisTick: { lineStyle: { color: axisColor } },
    axisLabel: { color: textColor },
  },
  valueAxis: {
    axisLine: { show: false },
    axisLabel: { color: textColor },
    splitLine: { lineStyle: { color: splitLineColor } },
  },
  // patterns on bars and slices: the theme's decals, shown always (black-and-white print)
  aria: { enabled: true, decal: { show: true, decals } },
};

export const THEME_NAME = 'salesdesk';
