import { useEffect, useRef } from 'react';
import district from '../../deputy/map/district.json';
import { echarts, followBox, hasSize } from './echarts.ts';
import type { MapPoint } from './map-point.ts';

/**
 * The district map of the console, offline: the bundled (illustrative) district outline, river and
 * roads — the same GeoJSON as the deputies' app — drawn by ECharts' geo component in WGS-84, with
 * points on top. A click on a point selects it; a click elsewhere picks a place (when `onPick`).
 * The carbon brain's map reuses it: enterprises as points sized by `size`, coloured by `color`, with
 * `tooltip` lines. Once a set of points is drawn the element gets `data-ready` (the count drawn), a
 * marker the browser tests and the web bench wait for.
 */
export type { MapPoint };

interface Props {
  points: readonly MapPoint[];
  label: string;
  onSelect?: (id: string) => void;
  onPick?: (latitude: number, longitude: number) => void;
  /** A circle drawn around a picked place, metres. */
  circle?: { latitude: number; longitude: number; radius: number } | undefined;
  height?: number;
}

const MAP = 'qingshan-district';
type Feature = (typeof district.features)[number];

const registered = (() => {
  const boundary = district.features.filter((f: Feature) => f.geometry.type === 'Polygon');
  echarts.registerMap(MAP, { type: 'FeatureCollection', features: boundary } as never);
  return true;
})();

const TONES = { focus: '#b42318', open: '#c2410c', closed: '#0b6e4f' } as const;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** ECharts renders tooltip text as HTML: every line is escaped. */
const tooltipOf = (p: { name?: string; data?: unknown }) => {
  // Not `tooltip`: on a data item ECharts reads that name as the item's tooltip options.
  const text = (p.data as { text?: readonly string[] } | undefined)?.text;
  return (text ?? [p.name ?? '']).map(escapeHtml).join('<br>');
};

const lines = () =>
  district.features
    .filter((f: Feature) => f.geometry.type === 'LineString')
    .map((f: Feature) => ({
      name: f.properties.name,
      coords: f.geometry.coordinates as number[][],
      lineStyle: {
        color: f.properties.kind === 'river' ? '#5b9bd5' : '#b0b7b3',
        width: f.properties.kind === 'river' ? 3 : 2,
      },
    }));

/** A circle as a polyline of 48 points (equirectangular offsets: fine at district scale). */
const circlePath = (c: NonNullable<Props['circle']>) =>
  Array.from({ length: 49 }, (_, i) => {
    const angle = (i / 48) * 2 * Math.PI;
    const dLat = (c.radius * Math.sin(angle)) / 111_320;
    const dLng = (c.radius * Math.cos(angle)) / (111_320 * Math.cos((c.latitude * Math.PI) / 180));
    return [c.longitude + dLng, c.latitude + dLat];
  });

export const DistrictMap = ({ points, label, onSelect, onPick, circle, height = 320 }: Props) => {
  const element = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onSelect, onPick });
  /** The option set while the box had no size, applied once it has one. */
  const waiting = useRef<Parameters<echarts.ECharts['setOption']>>(undefined);
  handlers.current = { onSelect, onPick };
  useEffect(() => {
    if (element.current === null || !registered) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    // A click on a point selects it; anywhere else on the map it picks that place.
    let pointHit = false;
    chart.on('click', (event) => {
      const id = (event.data as { id?: string } | undefined)?.id;
      if (event.seriesType !== 'scatter' || id === undefined) return;
      pointHit = true;
      handlers.current.onSelect?.(id);
    });
    chart.getZr().on('click', (event) => {
      const pixel = [event.offsetX, event.offsetY];
      setTimeout(() => {
        const hit = pointHit;
        pointHit = false;
        if (hit || handlers.current.onPick === undefined) return;
        const [lng, lat] = chart.convertFromPixel({ geoIndex: 0 }, pixel) as number[];
        if (lng !== undefined && lat !== undefined) handlers.current.onPick(lat, lng);
      }, 0);
    });
    // An option set while the box had no size is applied once it has one (followBox, echarts.ts).
    const unfollow = followBox(chart, element.current, () => {
      if (waiting.current !== undefined) chart.setOption(...waiting.current);
      waiting.current = undefined;
    });
    return () => {
      unfollow();
      chart.dispose();
    };
  }, []);
  useEffect(() => {
    if (element.current === null) return;
    const chart = echarts.getInstanceByDom(element.current);
    const option: Parameters<echarts.ECharts['setOption']> = [
      {
        aria: { enabled: true, label: { description: label } },
        tooltip: { trigger: 'item', formatter: tooltipOf },
        geo: {
          map: MAP,
          roam: true,
          itemStyle: { areaColor: '#eef4f0', borderColor: '#6b8f7a' },
          emphasis: { disabled: true },
          label: { show: false },
        },
        series: [
          { type: 'lines', coordinateSystem: 'geo', polyline: true, silent: true, data: lines() },
          {
            type: 'lines',
            coordinateSystem: 'geo',
            polyline: true,
            silent: true,
            data:
              circle === undefined
                ? []
                : [{ coords: circlePath(circle), lineStyle: { color: '#0b6e4f', type: 'dashed', width: 2 } }],
          },
          {
            type: 'scatter',
            coordinateSystem: 'geo',
            data: points.map((p) => ({
              id: p.id,
              name: p.label,
              value: [p.longitude, p.latitude],
              symbolSize: p.size ?? (p.tone === 'focus' ? 16 : 11),
              itemStyle: { color: p.color ?? TONES[p.tone ?? 'open'], borderColor: '#fff', borderWidth: 1 },
              ...(p.tooltip === undefined ? {} : { text: p.tooltip }),
            })),
          },
        ],
      },
      { replaceMerge: ['series'] },
    ];
    if (hasSize(element.current)) chart?.setOption(...option);
    else waiting.current = option;
    const drawn = String(points.length);
    chart?.off('finished');
    chart?.on('finished', () => element.current?.setAttribute('data-ready', drawn));
  }, [points, label, circle]);
  return <div ref={element} className="qs-map" style={{ height }} role="img" aria-label={label} />;
};

export default DistrictMap;
