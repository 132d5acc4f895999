// The meeting pack's printed charts: ECharts with the SVG renderer (vector in the PDF, sharp on any printer), the house
// theme, drawn at once (no animation), so the page is ready to print as soon as it is mounted.
import { init, registerTheme, use, type ECharts } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { chartTheme, THEME_NAME } from '@/charts/theme';
import type { ChartOption } from '@/charts/echarts';

let registered = false;

/** Draws `option` on `el` as SVG, at the element's size. */
export function drawPrintChart(el: HTMLElement, option: ChartOption): ECharts {
  if (!registered) {
    use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);
    registerTheme(THEME_NAME, chartTheme);
    registered = true;
  }
  const chart = init(el, THEME_NAME, { renderer: 'svg' });
  chart.setOption(option);
  return chart;
}
