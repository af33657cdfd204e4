import { describe, expect, it } from 'vitest';
import { nearbyOpenCaseRanges } from '../../../shared/adapters/dynamodb/case-index.ts';
import { encodeGeohash } from '../../../shared/domain/geo/geohash.ts';

/** Deterministic points over several geohash-6 cells near Wuhan (610 m × 1 km there), 78 m apart. */
const points = () => {
  const all = [];
  for (let i = 0; i < 40; i++)
    for (let j = 0; j < 40; j++) all.push({ latitude: 30.52 + i * 0.0007, longitude: 114.31 + j * 0.0007 });
  return all;
};

/** 16 points 49.9 m from `p`, all around it. */
const around = (p: { latitude: number; longitude: number }) =>
  Array.from({ length: 16 }, (_, k) => {
    const angle = (k * Math.PI) / 8;
    const dLat = (49.9 / 111_195) * Math.sin(angle);
    const dLng = ((49.9 / 111_195) * Math.cos(angle)) / Math.cos((p.latitude * Math.PI) / 180);
    return { latitude: p.latitude + dLat, longitude: p.longitude + dLng };
  });

describe('where duplicate detection reads (LIST#GEO, case-index.ts)', () => {
  it('reaches the partition and sort key of every case within 50 m, across large-cell edges', () => {
    for (const centre of points()) {
      const ranges = nearbyOpenCaseRanges('noise', centre, 50);
      for (const other of around(centre)) {
        const cell = encodeGeohash(other, 7);
        // The snapshot's keys, as caseListingItems writes them.
        const key = {
          partition: `CASES#GEO#noise#${cell.slice(0, 6)}`,
          sort: `${cell}#2026-12-07T00:00:00.000Z#id`,
        };
        const hit = ranges.some(
          (r) => r.partition === key.partition && r.from <= key.sort && key.sort <= r.to,
        );
        expect(hit, `${JSON.stringify(centre)} → ${cell}`).toBe(true);
      }
    }
  });

  it('is one Query for most points', () => {
    const all = points();
    const queries = all.reduce((sum, point) => sum + nearbyOpenCaseRanges('noise', point, 50).length, 0);
    expect(queries / all.length).toBeLessThan(1.5);
  });
});
