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

/**
 * The k-th smallest (0-based) of `a`, which is reordered: quickselect, linear time where a sort
 * of 100,000 numbers took ~20 ms. The value is the sorted array's k-th (0 and -0 aside, which
 * every use here treats alike).
 */
function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median of three as the pivot: sorted or reversed input stays linear.
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) swap(a, i++, j--);
    }
    // Now a[lo..j] <= pivot, a[i..hi] >= pivot, and everything between equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** The median of `a` (reordered): the middle value, or the mean of the two middle values. */
function median(a: Float64Array): number {
  const n = a.length;
  const upper = kthSmallest(a, n >> 1);
  if (n % 2) return upper;
  // Everything before n/2 is now <= upper: the lower middle value is the largest of them.
  let lower = a[0];
  for (let i = 1; i < n >> 1; i++) if (a[i] > lower) lower = a[i];
  return (lower + upper) / 2;
}

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
  const n = points.length;
  const lons = new Float64Array(n);
  const lats = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lons[i] = points[i].lon;
    lats[i] = points[i].lat;
  }
  const lon0 = median(lons);
  const lat0 = median(lats);
  const distances = new Float64Array(n);
  for (let i = 0; i < n; i++) distances[i] = greatCircleMetres(lon0, lat0, points[i].lon, points[i].lat);
  const typicalMetres = kthSmallest(distances.slice(), Math.min(n - 1, Math.floor(0.9 * n)));
  const limit = Math.max(MIN_FAR_METRES, FAR_FACTOR * typicalMetres);
  const ukData = points.filter((p) => inUk(p.lon, p.lat)).length >= MOSTLY_UK * points.length;
  const far: FarPoint[] = [];
  points.forEach((p, index) => {
    const outsideUk = ukData && !inUk(p.lon, p.lat);
    if (outsideUk || distances[index] > limit) far.push({ index, distanceMetres: distances[index], outsideUk });
  });
  return { far, typicalMetres };
}
