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

export { echarts };
