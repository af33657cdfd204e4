/**
 * Geohash (G. Niemeyer, 2008; public domain): a point becomes a base-32 string by bisecting longitude
 * and latitude in turn, longitude first. Nearby points share prefixes, so a prefix names a cell that
 * can key an index. Precision 7 cells are about 153 m tall and 153 m × cos(latitude) wide.
 */

const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';

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
  const lat = [-90, 90];
  const lng = [-180, 180];
  let hash = '';
  let bits = 0;
  let value = 0;
  let evenBit = true;
  while (hash.length < precision) {
    const range = evenBit ? lng : lat;
    const coordinate = evenBit ? longitude : latitude;
    const mid = ((range[0] as number) + (range[1] as number)) / 2;
    value <<= 1;
    if (coordinate >= mid) {
      value |= 1;
      range[0] = mid;
    } else {
      range[1] = mid;
    }
    evenBit = !evenBit;
    if (++bits === 5) {
      hash += BASE32[value];
      bits = 0;
      value = 0;
    }
  }
  return hash;
};

export const decodeGeohashCell = (hash: string): GeohashCell => {
  const lat = [-90, 90];
  const lng = [-180, 180];
  let evenBit = true;
  for (const character of hash) {
    const value = BASE32.indexOf(character);
    if (value < 0) throw new RangeError(`not a geohash: ${hash}`);
    for (let bit = 4; bit >= 0; bit--) {
      const range = evenBit ? lng : lat;
      const mid = ((range[0] as number) + (range[1] as number)) / 2;
      if ((value >> bit) & 1) range[0] = mid;
      else range[1] = mid;
      evenBit = !evenBit;
    }
  }
  return { south: lat[0] as number, north: lat[1] as number, west: lng[0] as number, east: lng[1] as number };
};

/**
 * The cell and its (up to) eight neighbours, found by stepping one cell height/width from the
 * centre. Longitude wraps at ±180°; there is nothing beyond the poles.
 */
export const geohashWithNeighbours = (hash: string): string[] => {
  const cell = decodeGeohashCell(hash);
  const height = cell.north - cell.south;
  const width = cell.east - cell.west;
  const centre = { latitude: (cell.north + cell.south) / 2, longitude: (cell.east + cell.west) / 2 };
  const cells = new Set<string>();
  for (const dy of [0, 1, -1]) {
    const latitude = centre.latitude + dy * height;
    if (latitude > 90 || latitude < -90) continue;
    for (const dx of [0, 1, -1]) {
      let longitude = centre.longitude + dx * width;
      if (longitude > 180) longitude -= 360;
      if (longitude < -180) longitude += 360;
      cells.add(encodeGeohash({ latitude, longitude }, hash.length));
    }
  }
  return [...cells];
};

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
