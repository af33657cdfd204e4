import type { LatLng } from './geohash.ts';

/** Mean Earth radius R1 = (2a + b) / 3 of WGS 84, in metres (IUGG). */
export const EARTH_MEAN_RADIUS_METERS = 6_371_008.8;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/**
 * Great-circle distance by the haversine formula on a sphere of the mean radius. Over the tens of
 * metres duplicate detection cares about its error against the ellipsoid (≤ 0.5 %) is centimetres.
 */
export const haversineMeters = (a: LatLng, b: LatLng): number => {
  const dLat = radians(b.latitude - a.latitude);
  const dLng = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_MEAN_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
};

/** The point `meters` due north (positive) or south of `from`; used to place test points by distance. */
export const offsetNorth = (from: LatLng, meters: number): LatLng => ({
  latitude: from.latitude + (meters / EARTH_MEAN_RADIUS_METERS) * (180 / Math.PI),
  longitude: from.longitude,
});
