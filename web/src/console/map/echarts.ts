import { LineChart, LinesChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * The one ECharts build of the console: only the parts its maps and trend charts draw, with the SVG
 * renderer (crisp at any zoom, and its marks are DOM nodes). Modules that chart (performance, the
 * carbon brain) import from here so the library is bundled once.
 */
echarts.use([
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  AriaComponent,
  ScatterChart,
  LinesChart,
  LineChart,
  SVGRenderer,
]);

/** The box is laid out: it has a width and a height. */
export const hasSize = (box: HTMLElement | null): box is HTMLElement =>
  box !== null && box.clientWidth > 0 && box.clientHeight > 0;

/**
 * Keeps `chart` the size of its box, not of the window: the console's menu opens or closes after
 * the window's resize event (antd's sider crosses its breakpoint and slides), and a page's columns
 * may settle after the chart is made. A box of no width or height (a dialog or a column not laid out
 * yet) is skipped: a map at zero scale cannot be inverted, and ECharts throws on its next roam or
 * resize. `sized` runs after each resize. Returns what stops following.
 */
export const followBox = (chart: echarts.ECharts, box: HTMLElement, sized?: () => void): (() => void) => {
  const observer = new ResizeObserver(() => {
    if (!hasSize(box)) return;
    chart.resize();
    sized?.();
  });
  observer.observe(box);
  return () => observer.disconnect();
};

export { echarts };
