// Recognising coordinates that are not WGS84 longitude/latitude, so the message can say how to fix them.

export const BNG_ADVICE =
  'look like British National Grid (EPSG:27700) metres but the file does not say so; if they are, say so (--crs EPSG:27700 on the command line, or confirm it in the import dialog), or re-export in WGS84 longitude/latitude (EPSG:4326)';
const SWAPPED_ADVICE =
  'look swapped (latitude given as longitude); put longitude (east-west, about -6 to 2 in England) first / in the longitude column';

/** Easting 0-700 km, northing 0-1,300 km, both beyond what degrees could be. */
export function looksLikeBng(x: number, y: number): boolean {
  return x > 180 && x <= 700_000 && y > 90 && y <= 1_300_000;
}

/** Valid degrees, but latitude in the longitude slot and vice versa for a point in Great Britain. */
function looksSwappedForGb(lon: number, lat: number): boolean {
  return lon >= 49 && lon <= 61 && lat >= -9 && lat <= 2.5;
}

export function inDegreeRange(lon: number, lat: number): boolean {
  return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
}

export interface Located {
  readonly where: string;
  readonly lon: number;
  readonly lat: number;
}

export const COORDINATE_PROBLEM = { bng: 'bng', swapped: 'swapped' } as const;
export type CoordinateProblem = (typeof COORDINATE_PROBLEM)[keyof typeof COORDINATE_PROBLEM];

/**
 * A problem shared by at least half the points (one file-level message instead of thousands),
 * with the first example and the count; null when the points look like WGS84 lon/lat.
 */
export function fileCoordinateProblem(
  points: readonly Located[],
): { problem: CoordinateProblem; example: Located; count: number } | null {
  let bng = 0;
  let swapped = 0;
  let bngExample: Located | undefined;
  let swappedExample: Located | undefined;
  for (const p of points) {
    if (looksLikeBng(p.lon, p.lat)) {
      bng += 1;
      bngExample ??= p;
    } else if (looksSwappedForGb(p.lon, p.lat)) {
      swapped += 1;
      swappedExample ??= p;
    }
  }
  const half = points.length / 2;
  if (bngExample && bng >= half) return { problem: COORDINATE_PROBLEM.bng, example: bngExample, count: bng };
  if (swappedExample && swapped >= half)
    return { problem: COORDINATE_PROBLEM.swapped, example: swappedExample, count: swapped };
  return null;
}

/** The sentence for a file-level problem, e.g. "coordinates look like British National Grid …". */
export function fileCoordinateMessage(
  found: { problem: CoordinateProblem; example: Located; count: number },
  total: number,
  unit: string,
): string {
  const { problem, example, count } = found;
  const advice = problem === COORDINATE_PROBLEM.bng ? BNG_ADVICE : SWAPPED_ADVICE;
  return `coordinates ${advice} (${count} of ${total} ${unit}, e.g. ${example.where}: ${example.lon}, ${example.lat})`;
}

/** Why one point is not usable WGS84 lon/lat, or null when it is. */
export function pointProblem(lon: number, lat: number): string | null {
  if (inDegreeRange(lon, lat)) return null;
  if (looksLikeBng(lon, lat)) return `coordinates ${lon}, ${lat} ${BNG_ADVICE}`;
  if (Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90)
    return `latitude ${lat} is not between -90 and 90 (longitude and latitude swapped?)`;
  if (Math.abs(lon) > 180) return `longitude ${lon} is not between -180 and 180`;
  return `latitude ${lat} is not between -90 and 90`;
}
