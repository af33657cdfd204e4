import { useEffect, useRef } from 'react';
import { echarts, followBox } from '../map/echarts.ts';

export interface Series {
  name: string;
  values: (number | null)[];
}

/** Rates by month as lines (ECharts); the same figures are in the table beside it. */
export const TrendChart = ({
  months,
  series,
  label,
}: {
  months: string[];
  series: Series[];
  label: string;
}) => {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (element.current === null) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true, label: { description: label } },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${v}%`),
      },
      legend: { top: 0 },
      grid: { left: 48, right: 24, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: series.map((s) => ({ type: 'line', name: s.name, data: s.values, connectNulls: false })),
    });
    const unfollow = followBox(chart, element.current);
    return () => {
      unfollow();
      chart.dispose();
    };
  }, [months, series, label]);
  return <div ref={element} style={{ width: '100%', height: 300 }} role="img" aria-label={label} />;
};
