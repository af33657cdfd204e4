import { useEffect, useRef } from 'react';
import type { EmissionSeries } from './api.ts';

/**
 * The target's series as lines (tCO2e location- and market-based on the left axis, tce on the
 * right). ECharts is the console's one build (`map/echarts.ts`), imported when the chart mounts so
 * the figures above it show first. A click on a point opens the trace of that period; the table
 * under the chart offers the same links for the keyboard. Once drawn the element gets `data-ready`
 * (the points per line), the marker the web bench times the dashboard by.
 */
export const SeriesChart = ({
  series,
  label,
  onPick,
}: {
  series: EmissionSeries['series'];
  label: string;
  onPick: (period: string) => void;
}) => {
  const element = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void import('../map/echarts.ts').then(({ echarts, followBox }) => {
      if (disposed || element.current === null) return;
      const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
      chart.setOption({
        baseOption: {
          aria: { enabled: true, label: { description: label } },
          tooltip: { trigger: 'axis' },
          legend: { top: 0 },
          grid: { left: 64, right: 64, top: 40, bottom: 32 },
          xAxis: { type: 'category', data: series.map((p) => p.period) },
          yAxis: [
            { type: 'value', name: 'tCO2e', min: 0 },
            { type: 'value', name: 'tce', min: 0 },
          ],
          series: [
            { type: 'line', name: '碳排放（基于位置）', data: series.map((p) => p.co2eT) },
            { type: 'line', name: '碳排放（基于市场）', data: series.map((p) => p.co2eMarketT) },
            { type: 'line', name: '能耗', yAxisIndex: 1, data: series.map((p) => p.tce) },
          ],
        },
        // On a phone the three legend items take two lines: the plot starts below them, so the
        // axes' names (tCO2e, tce) are not drawn over the second line. Checked again on every resize;
        // the entry without a query is ECharts' default, which puts the desktop grid back when a
        // window grows past 520 px (without it the phone's grid stays).
        media: [
          { query: { maxWidth: 520 }, option: { grid: { left: 48, right: 48, top: 76 } } },
          { option: { grid: { left: 64, right: 64, top: 40 } } },
        ],
      });
      const points = String(series.length);
      chart.on('finished', () => element.current?.setAttribute('data-ready', points));
      chart.on('click', (event) => {
        const period = series[event.dataIndex ?? -1]?.period;
        if (period !== undefined) pick.current(period);
      });
      const unfollow = followBox(chart, element.current);
      cleanup = () => {
        unfollow();
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [series, label]);
  return (
    <div
      ref={element}
      className="qs-series-chart"
      style={{ width: '100%', height: 300 }}
      role="img"
      aria-label={label}
    />
  );
};
