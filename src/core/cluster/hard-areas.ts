// Which hard-boundary area each site belongs to: the area its point falls in, or the nearest
// area (by distance to its outline, in projected metres) when it falls in none.
import { polygonsOf } from '../geometry/polygons';
import { pointInPolygonPoints } from '../geometry/ring-math';
import type { ClusterTessellation, HardArea } from './types';

function segmentDistanceSq(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len)) : 0;
  return (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2;
}

/** Points with WGS84 and projected positions: practice sites, or small areas' reference points. */
export type LocatedPoints = Pick<ClusterTessellation, 'projection'> & {
  readonly sites: readonly { readonly lon: number; readonly lat: number; readonly x: number; readonly y: number }[];
};

/** Per site, the index into `areas` it belongs to. `areas` must hold at least one polygon. */
export function siteAreas(t: LocatedPoints, areas: readonly HardArea[]): Int32Array {
  const polygons = areas.map((a) => polygonsOf(a.geometry));
  const boxes = polygons.map((polys) => {
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const rings of polys)
      for (const [x, y] of rings[0] ?? []) {
        box[0] = Math.min(box[0], x);
        box[1] = Math.min(box[1], y);
        box[2] = Math.max(box[2], x);
        box[3] = Math.max(box[3], y);
      }
    return box;
  });
  let projected: Float64Array[][][] | null = null;
  const out = new Int32Array(t.sites.length).fill(-1);
  t.sites.forEach((site, s) => {
    for (let a = 0; a < areas.length && out[s] === -1; a++) {
      const b = boxes[a];
      if (site.lon < b[0] || site.lon > b[2] || site.lat < b[1] || site.lat > b[3]) continue;
      if (polygons[a].some((rings) => pointInPolygonPoints(site.lon, site.lat, rings))) out[s] = a;
    }
    if (out[s] !== -1) return;
    projected ??= polygons.map((polys) =>
      polys.map((rings) =>
        rings.map((ring) => Float64Array.from(ring.flatMap(([lon, lat]) => t.projection.forward(lon, lat)))),
      ),
    );
    let best = 0;
    let bestD = Infinity;
    projected.forEach((polys, a) => {
      for (const rings of polys)
        for (const ring of rings) {
          for (let i = 0; i + 3 < ring.length; i += 2) {
            const d = segmentDistanceSq(site.x, site.y, ring[i], ring[i + 1], ring[i + 2], ring[i + 3]);
            if (d < bestD) {
              bestD = d;
              best = a;
            }
          }
        }
    });
    out[s] = best;
  });
  return out;
}
