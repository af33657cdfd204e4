import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../../shared/domain/geo/distance.ts';
import {
  decodeGeohashCell,
  encodeGeohash,
  geohashCellsWithin,
  geohashWithNeighbours,
} from '../../../shared/domain/geo/geohash.ts';

/** A deterministic spread of points (no randomness in tests): a grid over a few cells near Wuhan. */
const grid = (step: number) => {
  const points = [];
  for (let i = 0; i < 40; i++)
    for (let j = 0; j < 40; j++) points.push({ latitude: 30.52 + i * step, longitude: 114.31 + j * step });
  return points;
};

describe('geohash cells within a radius', () => {
  it('never misses the cell of a point within 50 m, over points all around cell edges', () => {
    const centres = grid(0.00011);
    const around = (p: { latitude: number; longitude: number }) =>
      Array.from({ length: 16 }, (_, k) => {
        const angle = (k * Math.PI) / 8;
        const dLat = (49.9 / 111_195) * Math.sin(angle);
        const dLng = ((49.9 / 111_195) * Math.cos(angle)) / Math.cos((p.latitude * Math.PI) / 180);
        return { latitude: p.latitude + dLat, longitude: p.longitude + dLng };
      });
    for (const centre of centres) {
      const cells = new Set(geohashCellsWithin(centre, 7, 50));
      for (const other of around(centre)) {
        expect(haversineMeters(centre, other)).toBeLessThanOrEqual(50);
        expect(cells.has(encodeGeohash(other, 7))).toBe(true);
      }
    }
  });

  it('reads far fewer cells than the block of nine on average, and only cells of that block', () => {
    const points = grid(0.00013);
    let total = 0;
    for (const point of points) {
      const cells = geohashCellsWithin(point, 7, 50);
      const block = new Set(geohashWithNeighbours(encodeGeohash(point, 7)));
      for (const cell of cells) expect(block.has(cell)).toBe(true);
      total += cells.length;
    }
    expect(total / points.length).toBeLessThan(4);
  });

  it('gives a point in the middle of its cell just that cell', () => {
    const cell = decodeGeohashCell('wt3mgr9');
    const middle = { latitude: (cell.north + cell.south) / 2, longitude: (cell.east + cell.west) / 2 };
    expect(geohashCellsWithin(middle, 7, 50)).toEqual(['wt3mgr9']);
  });

  it('falls back to the block of nine when the radius is wider than a cell', () => {
    expect(geohashCellsWithin({ latitude: 30.5, longitude: 114.3 }, 7, 500)).toHaveLength(9);
  });
});
