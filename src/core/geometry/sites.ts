// Co-located practices (about 16% of real practices share a postcode centroid) share one
// Voronoi site: a site per distinct location, merging points closer than a metre.
import { GridBins } from './grid-bins';
import type { Projection } from './projection';
import { hypot } from './ring-math';

export interface Site {
  readonly lon: number;
  readonly lat: number;
  /** Projected metres. */
  readonly x: number;
  readonly y: number;
  /** Indices into the practices array, ascending. */
  readonly practices: readonly number[];
}

const MERGE_METRES = 1;

/** `lonLat`: each practice's [lon, lat] in turn (practice i at 2i, 2i + 1). */
export function mergeSites(
  lonLat: Float64Array,
  projection: Projection,
): { sites: Site[]; siteOfPractice: Int32Array } {
  const n = lonLat.length / 2;
  const siteOfPractice = new Int32Array(n);
  const grid = new GridBins(n);
  const sites: { lon: number; lat: number; x: number; y: number; practices: number[] }[] = [];
  for (let i = 0; i < n; i++) {
    const lon = lonLat[i * 2],
      lat = lonLat[i * 2 + 1];
    const [x, y] = projection.forward(lon, lat);
    const gx = Math.floor(x / MERGE_METRES),
      gy = Math.floor(y / MERGE_METRES);
    let site = -1;
    for (let dx = -1; dx <= 1 && site < 0; dx++) {
      for (let dy = -1; dy <= 1 && site < 0; dy++) {
        const s = grid.get(gx + dx, gy + dy);
        if (s >= 0 && hypot(sites[s].x - x, sites[s].y - y) <= MERGE_METRES) site = s;
      }
    }
    if (site < 0) {
      site = sites.length;
      // Most sites hold one practice: a one-element list, not an empty one grown by push.
      sites.push({ lon, lat, x, y, practices: [i] });
      grid.set(gx, gy, site);
    } else sites[site].practices.push(i);
    siteOfPractice[i] = site;
  }
  return { sites, siteOfPractice };
}
