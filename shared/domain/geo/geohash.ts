/**
 * Geohash (G. Niemeyer, 2008; public domain): a point becomes a base-32 string by bisecting longitude
 * and latitude in turn, longitude first. Nearby points share prefixes, so a prefix names a cell that
 * can key an index. Precision 7 cells are about 153 m tall and 153 m × cos(latitude) wide.
 *
 * Encoding and cell bounds come from `latlon-geohash`, not `ngeohash`: ngeohash puts a point that
 * lies exactly on a cell edge into the lower cell (2,183 of 57,799 whole-degree points, 58 of 100,000
 * random ones encoded differently), latlon-geohash into the upper one as this module always did, so
 * the cells already stored in the case index keep their keys. Neighbours stay ours: the package's
 * table walk wraps across a pole to the other hemisphere, where we want no cell at all.
 */
import Geohash from 'latlon-geohash';

export interface LatLng {
  latitude: number;
  longitude: number;
}

export interface GeohashCell {
  south: number;
  north: number;
  west: number;
  east: number;
}

export const encodeGeohash = ({ latitude, longitude }: LatLng, precision: number): string => {
  if (!Number.isInteger(precision) || precision < 1 || precision > 12) {
    throw new RangeError(`geohash precision must be 1–12, not ${precision}`);
  }
  if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) {
    throw new RangeError(`not a coordinate: ${latitude}, ${longitude}`);
  }
  return Geohash.encode(latitude, longitude, precision);
};

export const decodeGeohashCell = (hash: string): GeohashCell => {
  // The package lower-cases its input; a geohash here is lower case only.
  if (!/^[0-9b-hjkmnp-z]+$/.test(hash)) throw new RangeError(`not a geohash: ${hash}`);
  const { sw, ne } = Geohash.bounds(hash);
  return { south: sw.lat, north: ne.lat, west: sw.lon, east: ne.lon };
};

/**
 * The cell and its (up to) eight neighbours, found by stepping one cell height/width from the
 * centre. Longitude wraps at ±180°; there is nothing beyond the poles.
 */
export const geohashWithNeighbours = (hash: string): string[] =>
  cellsAround(decodeGeohashCell(hash), [0, 1, -1], [0, 1, -1], hash.length);

/** Degrees of latitude per metre on the mean sphere (distance.ts's radius, inlined to avoid a cycle). */
const DEGREES_PER_METER = 180 / Math.PI / 6_371_008.8;

/**
 * The cells a circle of `meters` around `point` can reach: its own cell and only those neighbours
 * whose edge lies within `meters` of the point (a corner cell when both of its edges do) — usually
 * 1 to 4 of the 9, never missing one, as long as the radius is below a cell's width. Wider radii get
 * the full block of nine.
 */
export const geohashCellsWithin = (point: LatLng, precision: number, meters: number): string[] => {
  const hash = encodeGeohash(point, precision);
  const cell = decodeGeohashCell(hash);
  const dLat = meters * DEGREES_PER_METER;
  const cosLat = Math.cos((point.latitude * Math.PI) / 180);
  const dLng = cosLat > 1e-9 ? dLat / cosLat : 360;
  if (dLat >= cell.north - cell.south || dLng >= cell.east - cell.west) return geohashWithNeighbours(hash);
  const rows = reached(point.latitude - cell.south, cell.north - point.latitude, dLat);
  const columns = reached(point.longitude - cell.west, cell.east - point.longitude, dLng);
  return cellsAround(cell, rows, columns, precision);
};

/** 0 (the cell itself), and −1 / +1 when the point is within `reach` of the low / high edge. */
const reached = (fromLow: number, toHigh: number, reach: number): number[] => [
  0,
  ...(toHigh <= reach ? [1] : []),
  ...(fromLow <= reach ? [-1] : []),
];

/** The cells `dy` rows and `dx` columns from `cell` (longitude wraps; nothing beyond the poles). */
const cellsAround = (cell: GeohashCell, rows: number[], columns: number[], precision: number): string[] => {
  const height = cell.north - cell.south;
  const width = cell.east - cell.west;
  const centre = { latitude: (cell.north + cell.south) / 2, longitude: (cell.east + cell.west) / 2 };
  const cells = new Set<string>();
  for (const dy of rows) {
    const latitude = centre.latitude + dy * height;
    if (latitude > 90 || latitude < -90) continue;
    for (const dx of columns) {
      let longitude = centre.longitude + dx * width;
      if (longitude > 180) longitude -= 360;
      if (longitude < -180) longitude += 360;
      cells.add(encodeGeohash({ latitude, longitude }, precision));
    }
  }
  return [...cells];
};
