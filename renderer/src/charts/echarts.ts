// ECharts from echarts/core with only the charts and components the dashboards draw, registered once (STACK.md: the
// full import is a 5 MB bundle). The theme is registered here too.
import { init, registerTheme, use, type ComposeOption, type ECharts } from 'echarts/core';
import { BarChart, LineChart, PieChart, type BarSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import { FunnelChart, type FunnelSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TitleComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { chartTheme, THEME_NAME } from './theme';

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | FunnelSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

let registered = false;

function register(): void {
  if (registered) return;
  use([
    BarChart,
    LineChart,
    PieChart,
    FunnelChart,
    AriaComponent,
    GridComponent,
    LegendComponent,
    MarkLineComponent,
    TitleComponent,
    TooltipComponent,
    CanvasRenderer,
  ]);
  registerTheme(THEME_NAME, chartTheme);
  registered = true;
}

/** A chart on `el` in the house theme. */
export function createChart(el: HTMLElement): ECharts {
  register();
  return init(el, THEME_NAME, { renderer: 'canvas' });
}

export type { ECharts };
