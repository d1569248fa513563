// Points far from the rest (a practice at 0, 0 or in Australia among English ones), found robustly
// so that without a boundary the study area is not a hull of millions of km2 around a typo.
import { EARTH_RADIUS_METRES } from './projection';

/** Great Britain and Northern Ireland, with Scilly and Shetland, as a box in degrees. */
const UK_BOX = { minLon: -8.7, maxLon: 1.8, minLat: 49.8, maxLat: 61 } as const;
/** Share of points inside UK_BOX from which the data counts as being in the UK. */
const MOSTLY_UK = 0.95;
/** A point is far when more than this many times the 90th-percentile distance from the middle ... */
const FAR_FACTOR = 4;
/** ... and more than this far from it (so a compact town's spread never flags a neighbour). */
const MIN_FAR_METRES = 100_000;

export interface FarPoint {
  /** Index into the input. */
  readonly index: number;
  /** From the middle of the points (coordinate-wise median), metres. */
  readonly distanceMetres: number;
  /** True when most points are in the UK and this one is not. */
  readonly outsideUk: boolean;
}

export interface FarPoints {
  readonly far: readonly FarPoint[];
  /** The 90th-percentile distance from the middle, metres: how spread out the points usually are. */
  readonly typicalMetres: number;
}

const RAD = Math.PI / 180;

/** Haversine distance in metres on the sphere turf uses. */
function greatCircleMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
}

// Typed arrays sort numerically without a comparator call per pair (100,000 points: ~20 ms
// instead of ~100 ms a sort).
const median = (values: number[]) => {
  const s = Float64Array.from(values).sort();
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const inUk = (lon: number, lat: number) =>
  lon >= UK_BOX.minLon && lon <= UK_BOX.maxLon && lat >= UK_BOX.minLat && lat <= UK_BOX.maxLat;

// The command line asks twice for the same practices (its warnings, then the tessellation):
// answered once per array, which nothing mutates.
const computed = new WeakMap<readonly object[], FarPoints>();

/**
 * Points more than max(100 km, 4 x the 90th-percentile distance) from the coordinate-wise median,
 * and, when at least 95% of the points are in the UK, every point outside it.
 * Example: 40 practices in Manchester and one at 0, 0 -> far = [{ index: 40, distanceMetres: ~5.9e6, outsideUk: true }].
 */
export function farPoints(points: readonly { readonly lon: number; readonly lat: number }[]): FarPoints {
  let found = computed.get(points);
  if (!found) {
    found = findFarPoints(points);
    computed.set(points, found);
  }
  return found;
}

function findFarPoints(points: readonly { readonly lon: number; readonly lat: number }[]): FarPoints {
  if (points.length < 3) return { far: [], typicalMetres: 0 };
  const lon0 = median(points.map((p) => p.lon));
  const lat0 = median(points.map((p) => p.lat));
  const distances = points.map((p) => greatCircleMetres(lon0, lat0, p.lon, p.lat));
  const sorted = Float64Array.from(distances).sort();
  const typicalMetres = sorted[Math.min(sorted.length - 1, Math.floor(0.9 * sorted.length))];
  const limit = Math.max(MIN_FAR_METRES, FAR_FACTOR * typicalMetres);
  const ukData = points.filter((p) => inUk(p.lon, p.lat)).length >= MOSTLY_UK * points.length;
  const far: FarPoint[] = [];
  points.forEach((p, index) => {
    const outsideUk = ukData && !inUk(p.lon, p.lat);
    if (outsideUk || distances[index] > limit) far.push({ index, distanceMetres: distances[index], outsideUk });
  });
  return { far, typicalMetres };
}
