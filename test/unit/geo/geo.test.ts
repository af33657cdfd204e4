import { describe, expect, it } from 'vitest';
import { haversineMeters, offsetNorth } from '../../../shared/domain/geo/distance.ts';
import {
  decodeGeohashCell,
  encodeGeohash,
  geohashWithNeighbours,
} from '../../../shared/domain/geo/geohash.ts';

describe('geohash', () => {
  it('encodes the published example point', () => {
    // Wikipedia "Geohash": 57.64911, 10.40744 → u4pruydqqvj
    expect(encodeGeohash({ latitude: 57.64911, longitude: 10.40744 }, 11)).toBe('u4pruydqqvj');
    expect(encodeGeohash({ latitude: 57.64911, longitude: 10.40744 }, 7)).toBe('u4pruyd');
  });

  it('decodes a cell that contains the point, of the size precision 7 implies', () => {
    const point = { latitude: 30.5, longitude: 114.3 };
    const cell = decodeGeohashCell(encodeGeohash(point, 7));
    expect(cell.south).toBeLessThanOrEqual(point.latitude);
    expect(cell.north).toBeGreaterThan(point.latitude);
    expect(cell.west).toBeLessThanOrEqual(point.longitude);
    expect(cell.east).toBeGreaterThan(point.longitude);
    // 35 bits: 18 for longitude (360 / 2^18 = 0.001373°), 17 for latitude (180 / 2^17 = 0.001373°)
    expect(cell.east - cell.west).toBeCloseTo(360 / 2 ** 18, 12);
    expect(cell.north - cell.south).toBeCloseTo(180 / 2 ** 17, 12);
  });

  it('lists the cell and its eight distinct neighbours, which tile a 3 × 3 block', () => {
    const hash = encodeGeohash({ latitude: 30.5, longitude: 114.3 }, 7);
    const cells = geohashWithNeighbours(hash);
    expect(cells).toHaveLength(9);
    expect(cells[0]).toBe(hash);
    const bounds = cells.map(decodeGeohashCell);
    const south = Math.min(...bounds.map((b) => b.south));
    const north = Math.max(...bounds.map((b) => b.north));
    const centre = decodeGeohashCell(hash);
    expect(north - south).toBeCloseTo(3 * (centre.north - centre.south), 12);
  });

  it('finds a point 50 m away in every direction inside the block, even across a cell edge', () => {
    const hash = 'wt3mgr9'; // any precision-7 cell near Wuhan
    const cell = decodeGeohashCell(hash);
    const corner = { latitude: cell.north - 1e-7, longitude: cell.east - 1e-7 };
    const block = new Set(geohashWithNeighbours(encodeGeohash(corner, 7)));
    const north = offsetNorth(corner, 50);
    const east = {
      latitude: corner.latitude,
      longitude: corner.longitude + 50 / (111_195 * Math.cos((corner.latitude * Math.PI) / 180)),
    };
    expect(block.has(encodeGeohash(north, 7))).toBe(true);
    expect(block.has(encodeGeohash(east, 7))).toBe(true);
    expect(encodeGeohash(north, 7)).not.toBe(encodeGeohash(corner, 7));
  });

  it('wraps longitude at the antimeridian and stops at the pole', () => {
    const east = encodeGeohash({ latitude: 0.0001, longitude: 179.9999 }, 7);
    const across = encodeGeohash({ latitude: 0.0001, longitude: -179.9999 }, 7);
    expect(geohashWithNeighbours(east)).toContain(across);
    expect(geohashWithNeighbours(encodeGeohash({ latitude: 89.9999, longitude: 0 }, 7))).toHaveLength(6);
  });

  it('refuses bad input', () => {
    expect(() => encodeGeohash({ latitude: 91, longitude: 0 }, 7)).toThrow(RangeError);
    expect(() => encodeGeohash({ latitude: 0, longitude: 0 }, 0)).toThrow(RangeError);
    expect(() => decodeGeohashCell('ab!')).toThrow(RangeError);
  });
});

describe('haversineMeters', () => {
  it('measures one degree of latitude as 2πR / 360', () => {
    // 2π × 6 371 008.8 / 360 = 6 371 008.8 × 0.01745329 = 111 195.08 m
    expect(haversineMeters({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(
      111_195.08,
      1,
    );
  });

  it('shrinks a degree of longitude by cos(latitude)', () => {
    // At 60° a degree of longitude is 111 195.08 × cos 60° ≈ 55 597.5 m (chord vs arc differs by < 1 m)
    const d = haversineMeters({ latitude: 60, longitude: 0 }, { latitude: 60, longitude: 1 });
    expect(d).toBeGreaterThan(55_590);
    expect(d).toBeLessThan(55_600);
  });

  it('is zero for the same point and symmetric', () => {
    const a = { latitude: 30.5, longitude: 114.3 };
    const b = { latitude: 30.5004, longitude: 114.3003 };
    expect(haversineMeters(a, a)).toBe(0);
    expect(haversineMeters(a, b)).toBeCloseTo(haversineMeters(b, a), 9);
  });

  it('places offsetNorth points at the distance asked for', () => {
    const a = { latitude: 30.5, longitude: 114.3 };
    expect(haversineMeters(a, offsetNorth(a, 50))).toBeCloseTo(50, 6);
    expect(haversineMeters(a, offsetNorth(a, 80))).toBeCloseTo(80, 6);
  });
});
