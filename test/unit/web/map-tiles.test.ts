import { describe, expect, it } from 'vitest';
import {
  fromMapCoords,
  fromWorldPixel,
  tileUrl,
  toMapCoords,
  worldPixel,
} from '../../../web/src/deputy/map/tiles.ts';

const metres = (a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) => {
  const k = Math.cos((a.latitude * Math.PI) / 180);
  return Math.hypot((a.latitude - b.latitude) * 111_320, (a.longitude - b.longitude) * 111_320 * k);
};

describe('base map coordinates', () => {
  const wuhan = { latitude: 30.5201, longitude: 114.3102 };

  it('shifts WGS-84 into GCJ-02 for AMap and Tencent (hundreds of metres in China) and back', () => {
    for (const kind of ['amap', 'tencent'] as const) {
      const shown = toMapCoords(kind, wuhan.latitude, wuhan.longitude);
      expect(metres(shown, wuhan)).toBeGreaterThan(100);
      expect(metres(shown, wuhan)).toBeLessThan(1000);
      expect(metres(fromMapCoords(kind, shown.latitude, shown.longitude), wuhan)).toBeLessThan(1);
    }
  });

  it('leaves Tianditu (CGCS2000) positions as they are', () => {
    expect(toMapCoords('tianditu', wuhan.latitude, wuhan.longitude)).toEqual(wuhan);
  });

  it('projects to web-Mercator pixels and back', () => {
    const pixel = worldPixel(wuhan.latitude, wuhan.longitude, 15);
    const back = fromWorldPixel(pixel.x, pixel.y, 15);
    expect(metres(back, wuhan)).toBeLessThan(0.01);
  });

  it('asks Tencent for TMS rows (counted from the south) and the others for XYZ rows', () => {
    expect(tileUrl('tencent', 'k', 3, 1, 2)).toContain('y=2');
    expect(tileUrl('amap', 'k', 3, 1, 2)).toContain('y=1');
    expect(tileUrl('tianditu', 'secret key', 3, 1, 2)).toContain('tk=secret%20key');
  });
});
