import type { MouseEvent } from 'react';
import district from './district.json';

/**
 * The offline base layer: the bundled (illustrative) district outline, roads and river drawn as SVG
 * in WGS-84, with points on top. It needs no tiles and no network. Coordinates are stored and shown
 * in WGS-84; a configured GCJ-02 base map (AMap, Tencent) would convert with gcoord at display.
 */
export interface MapPoint {
  id: string;
  latitude: number;
  longitude: number;
  label: string;
  tone?: 'open' | 'closed' | 'mine';
}

interface Props {
  points?: readonly MapPoint[];
  pin?: { latitude: number; longitude: number } | undefined;
  onPick?: (latitude: number, longitude: number) => void;
  onSelect?: (id: string) => void;
  label: string;
}

const WIDTH = 360;
const HEIGHT = 280;
type Feature = (typeof district.features)[number];

const BOUNDS = (() => {
  const coords = district.features.flatMap((f: Feature) =>
    f.geometry.type === 'Polygon'
      ? (f.geometry.coordinates as number[][][]).flat()
      : (f.geometry.coordinates as number[][]),
  );
  const lngs = coords.map((c) => c[0] ?? 0);
  const lats = coords.map((c) => c[1] ?? 0);
  return {
    west: Math.min(...lngs),
    east: Math.max(...lngs),
    south: Math.min(...lats),
    north: Math.max(...lats),
  };
})();

/** Equirectangular around the district's middle latitude: fine at district scale. */
const projection = (bounds: typeof BOUNDS) => {
  const k = Math.cos((((bounds.north + bounds.south) / 2) * Math.PI) / 180);
  const spanX = (bounds.east - bounds.west) * k;
  const spanY = bounds.north - bounds.south;
  const scale = Math.min((WIDTH - 24) / spanX, (HEIGHT - 24) / spanY);
  const offsetX = (WIDTH - spanX * scale) / 2;
  const offsetY = (HEIGHT - spanY * scale) / 2;
  return {
    toXY: (lat: number, lng: number) =>
      [offsetX + (lng - bounds.west) * k * scale, offsetY + (bounds.north - lat) * scale] as const,
    toLatLng: (x: number, y: number) =>
      [bounds.north - (y - offsetY) / scale, bounds.west + (x - offsetX) / (k * scale)] as const,
  };
};

/** The district, grown to take in every point and the pin. */
const boundsFor = (points: readonly { latitude: number; longitude: number }[]) => ({
  west: Math.min(BOUNDS.west, ...points.map((p) => p.longitude - 0.002)),
  east: Math.max(BOUNDS.east, ...points.map((p) => p.longitude + 0.002)),
  south: Math.min(BOUNDS.south, ...points.map((p) => p.latitude - 0.002)),
  north: Math.max(BOUNDS.north, ...points.map((p) => p.latitude + 0.002)),
});

const TONES = { open: '#c0262d', closed: '#4a4a4a', mine: '#0b6e4f' } as const;

export const VectorMap = ({ points = [], pin, onPick, onSelect, label }: Props) => {
  const project = projection(boundsFor(pin === undefined ? points : [...points, pin]));
  const path = (coords: number[][]) =>
    coords.map((c, i) => `${i === 0 ? 'M' : 'L'}${project.toXY(c[1] ?? 0, c[0] ?? 0).join(',')}`).join(' ');
  const pick = (event: MouseEvent<SVGSVGElement>) => {
    if (onPick === undefined) return;
    const box = event.currentTarget.getBoundingClientRect();
    const [lat, lng] = project.toLatLng(
      ((event.clientX - box.left) / box.width) * WIDTH,
      ((event.clientY - box.top) / box.height) * HEIGHT,
    );
    onPick(Number(lat.toFixed(6)), Number(lng.toFixed(6)));
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard and screen-reader users type the coordinates below the map
    <svg className="qs-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} onClick={pick}>
      {district.features.map((feature: Feature) => {
        const kind = feature.properties.kind;
        const d =
          feature.geometry.type === 'Polygon'
            ? `${path((feature.geometry.coordinates as number[][][])[0] ?? [])} Z`
            : path(feature.geometry.coordinates as number[][]);
        const style =
          kind === 'boundary'
            ? { fill: '#fbfdfb', stroke: '#4f7a65', strokeWidth: 2, strokeDasharray: '6 3' }
            : kind === 'river'
              ? { fill: 'none', stroke: '#6aa7d8', strokeWidth: 5 }
              : { fill: 'none', stroke: '#c9cfcb', strokeWidth: 3 };
        return <path key={feature.properties.name} d={d} {...style} />;
      })}
      {points.map((point) => (
        <Marker
          key={point.id}
          point={point}
          xy={project.toXY(point.latitude, point.longitude)}
          onSelect={onSelect}
        />
      ))}
      {pin !== undefined && <Pin xy={project.toXY(pin.latitude, pin.longitude)} />}
    </svg>
  );
};

const Marker = ({
  point,
  xy: [x, y],
  onSelect,
}: {
  point: MapPoint;
  xy: readonly [number, number];
  onSelect: ((id: string) => void) | undefined;
}) => {
  const dot = (
    <>
      <circle cx={x} cy={y} r={14} fill="transparent" />
      <circle cx={x} cy={y} r={7} fill={TONES[point.tone ?? 'open']} stroke="#fff" strokeWidth={2} />
    </>
  );
  if (onSelect === undefined) return <g aria-label={point.label}>{dot}</g>;
  // An SVG link: focusable and announced as a link to the case, large enough to tap.
  return (
    <a
      href={`#${point.id}`}
      aria-label={point.label}
      onClick={(event) => {
        event.preventDefault();
        event.stopPropagation();
        onSelect(point.id);
      }}
    >
      {dot}
    </a>
  );
};

const Pin = ({ xy: [x, y] }: { xy: readonly [number, number] }) => (
  <path d={`M${x},${y} l-9,-16 a10,10 0 1,1 18,0 z`} fill="#0b6e4f" stroke="#fff" strokeWidth={2} />
);
