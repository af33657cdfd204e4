import type { MouseEvent } from 'react';
import {
  type BaseMapKind,
  fromMapCoords,
  fromWorldPixel,
  TILE_SIZE,
  tileUrl,
  toMapCoords,
  worldPixel,
} from './tiles.ts';
import type { MapPoint } from './VectorMap.tsx';

const WIDTH = 360;
const HEIGHT = 280;
const ZOOM = 15;

interface Props {
  baseMap: { kind: BaseMapKind; key: string };
  centre: { latitude: number; longitude: number };
  points?: readonly MapPoint[];
  pin?: { latitude: number; longitude: number } | undefined;
  onPick?: (latitude: number, longitude: number) => void;
  onSelect?: (id: string) => void;
  label: string;
}

/** A configured provider's tiles around `centre`, with the points shifted into its coordinates. */
export const TileMap = ({ baseMap, centre, points = [], pin, onPick, onSelect, label }: Props) => {
  const c = toMapCoords(baseMap.kind, centre.latitude, centre.longitude);
  const origin = worldPixel(c.latitude, c.longitude, ZOOM);
  const left = origin.x - WIDTH / 2;
  const top = origin.y - HEIGHT / 2;
  const place = (p: { latitude: number; longitude: number }) => {
    const m = toMapCoords(baseMap.kind, p.latitude, p.longitude);
    const w = worldPixel(m.latitude, m.longitude, ZOOM);
    return { x: w.x - left, y: w.y - top };
  };
  const tiles: { x: number; y: number }[] = [];
  for (let x = Math.floor(left / TILE_SIZE); x <= Math.floor((left + WIDTH) / TILE_SIZE); x++)
    for (let y = Math.floor(top / TILE_SIZE); y <= Math.floor((top + HEIGHT) / TILE_SIZE); y++)
      tiles.push({ x, y });
  const pick = (event: MouseEvent<SVGSVGElement>) => {
    if (onPick === undefined) return;
    const box = event.currentTarget.getBoundingClientRect();
    const shown = fromWorldPixel(
      left + ((event.clientX - box.left) / box.width) * WIDTH,
      top + ((event.clientY - box.top) / box.height) * HEIGHT,
      ZOOM,
    );
    const wgs = fromMapCoords(baseMap.kind, shown.latitude, shown.longitude);
    onPick(Number(wgs.latitude.toFixed(6)), Number(wgs.longitude.toFixed(6)));
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard and screen-reader users type the coordinates below the map
    <svg className="qs-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} onClick={pick}>
      {tiles.map(({ x, y }) => (
        <image
          key={`${x}-${y}`}
          href={tileUrl(baseMap.kind, baseMap.key, x, y, ZOOM)}
          x={x * TILE_SIZE - left}
          y={y * TILE_SIZE - top}
          width={TILE_SIZE}
          height={TILE_SIZE}
        />
      ))}
      {points.map((point) => {
        const { x, y } = place(point);
        return (
          <a
            key={point.id}
            href={`#${point.id}`}
            aria-label={point.label}
            onClick={(event) => {
              event.preventDefault();
              event.stopPropagation();
              onSelect?.(point.id);
            }}
          >
            <circle cx={x} cy={y} r={14} fill="transparent" />
            <circle cx={x} cy={y} r={7} fill="#c0262d" stroke="#fff" strokeWidth={2} />
          </a>
        );
      })}
      {pin !== undefined &&
        (() => {
          const { x, y } = place(pin);
          return (
            <path d={`M${x},${y} l-9,-16 a10,10 0 1,1 18,0 z`} fill="#0b6e4f" stroke="#fff" strokeWidth={2} />
          );
        })()}
    </svg>
  );
};
