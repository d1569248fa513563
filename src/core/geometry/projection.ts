// Spherical Lambert azimuthal equal-area projection centred on the data.
// Equal-area, so shoelace areas of projected rings are true areas (on the same sphere turf.area
// uses); near the centre it is also close to conformal, so Voronoi cells built in it are fair in
// every direction (at 52N a degree of longitude is only 0.6 of a degree of latitude).
import { hypot } from './ring-math';

/** Earth radius in metres, the same sphere as turf.area. */
export const EARTH_RADIUS_METRES = 6371008.8;

export interface Projection {
  readonly lon0: number;
  readonly lat0: number;
  /** WGS84 degrees -> metres east/north of the centre. */
  forward(lon: number, lat: number): [number, number];
  /** Metres -> WGS84 degrees. */
  inverse(x: number, y: number): [number, number];
}

const RAD = Math.PI / 180;

/** A projection centred on the middle of the points' extent, e.g. `createProjection([[-2.2, 53.4]])`. */
export function createProjection(lonLats: Iterable<readonly [number, number]>): Projection {
  let minLon = Infinity,
    maxLon = -Infinity,
    minLat = Infinity,
    maxLat = -Infinity;
  for (const [lon, lat] of lonLats) {
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  return projectionOfExtent(minLon, maxLon, minLat, maxLat);
}

/** createProjection for points whose extent is already known (none: minLon = Infinity). */
export function projectionOfExtent(minLon: number, maxLon: number, minLat: number, maxLat: number): Projection {
  if (!Number.isFinite(minLon)) return projectionAt(0, 0);
  return projectionAt((minLon + maxLon) / 2, (minLat + maxLat) / 2);
}

export function projectionAt(lon0: number, lat0: number): Projection {
  const R = EARTH_RADIUS_METRES;
  const lambda0 = lon0 * RAD;
  const phi0 = lat0 * RAD;
  const sinPhi0 = Math.sin(phi0);
  const cosPhi0 = Math.cos(phi0);
  return {
    lon0,
    lat0,
    forward(lon, lat) {
      const lambda = lon * RAD - lambda0;
      const phi = lat * RAD;
      const sinPhi = Math.sin(phi),
        cosPhi = Math.cos(phi),
        cosLambda = Math.cos(lambda);
      const k = Math.sqrt(2 / (1 + sinPhi0 * sinPhi + cosPhi0 * cosPhi * cosLambda));
      return [R * k * cosPhi * Math.sin(lambda), R * k * (cosPhi0 * sinPhi - sinPhi0 * cosPhi * cosLambda)];
    },
    inverse(x, y) {
      const rho = hypot(x, y);
      if (rho === 0) return [lon0, lat0];
      const c = 2 * Math.asin(Math.min(1, rho / (2 * R)));
      const sinC = Math.sin(c),
        cosC = Math.cos(c);
      const phi = Math.asin(cosC * sinPhi0 + (y * sinC * cosPhi0) / rho);
      const lambda = lambda0 + Math.atan2(x * sinC, rho * cosPhi0 * cosC - y * sinPhi0 * sinC);
      return [lambda / RAD, phi / RAD];
    },
  };
}
