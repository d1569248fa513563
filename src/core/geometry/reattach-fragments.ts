// A cell clipped by an irregular boundary can fall into several pieces (a headland cut off by an
// inlet). Pieces away from the practice would make any network holding it non-contiguous, so
// each such fragment joins the neighbouring cell it shares the longest edge with (islands with
// no neighbour stay where they are). Same idea as catchment tools that "dissolve slivers".
import { EdgeSites } from './edge-sites';
import { pointInRingIds, signedAreaOfIds } from './ring-math';
import type { Site } from './sites';

/** Returns new per-site ring lists; `cellRings` is not modified. */
export function reattachFragments(cellRings: readonly Int32Array[][], sites: readonly Site[], xy: Float64Array, nV: number): Int32Array[][] {
  const out = cellRings.map((r) => r.slice());
  const fragmented = cellRings.some((rings) => rings.filter((r) => signedAreaOfIds(r, xy) > 0).length > 1);
  if (!fragmented) return out;
  const edgeSite = new EdgeSites(cellRings, nV);
  cellRings.forEach((rings, site) => {
    const outers = rings.filter((r) => signedAreaOfIds(r, xy) > 0);
    if (outers.length < 2) return;
    const holes = rings.filter((r) => signedAreaOfIds(r, xy) <= 0);
    const s = sites[site];
    let main = outers.findIndex((o) => pointInRingIds(s.x, s.y, o, xy));
    if (main < 0) main = outers.reduce((best, o, k) => (signedAreaOfIds(o, xy) > signedAreaOfIds(outers[best], xy) ? k : best), 0);
    const pieces = outers.map((o) => [o]);
    for (const h of holes) {
      const hx = (xy[h[0] * 2] + xy[h[1] * 2]) / 2, hy = (xy[h[0] * 2 + 1] + xy[h[1] * 2 + 1]) / 2;
      const k = outers.findIndex((o) => pointInRingIds(hx, hy, o, xy));
      pieces[k < 0 ? main : k].push(h);
    }
    const keep: Int32Array[] = [];
    pieces.forEach((piece, k) => {
      const target = k === main ? -1 : longestNeighbour(piece[0], site, edgeSite, xy);
      if (target < 0) keep.push(...piece);
      else out[target].push(...piece);
    });
    out[site] = keep.concat(out[site].filter((r) => !rings.includes(r)));
  });
  return out;
}

function longestNeighbour(ring: Int32Array, site: number, edgeSite: EdgeSites, xy: Float64Array): number {
  const shared = new Map<number, number>();
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i], b = ring[(i + 1) % ring.length];
    const other = edgeSite.owner(b, a);
    if (other === undefined || other === site) continue;
    shared.set(other, (shared.get(other) ?? 0) + Math.hypot(xy[b * 2] - xy[a * 2], xy[b * 2 + 1] - xy[a * 2 + 1]));
  }
  let best = -1, bestLen = 0;
  for (const [other, len] of shared) if (len > bestLen) { best = other; bestLen = len; }
  return best;
}
