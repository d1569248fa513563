// A cell's rings (as clipped, or after pieces were merged into it) -> OGC-valid polygons: edges
// it holds in both directions (between two of its own pieces) cancel, degenerate edges go, and
// the rest is rebuilt by buildPolygons, so pinched rings come apart into separate pieces.
import { buildPolygons, type IdPolygon } from './build-rings';
import { signedAreaOfIds } from './ring-math';

/**
 * `rings`: vertex-id rings (not closed), shells CCW and holes CW; `nV`: the vertex count. Never
 * modifies `rings`; a simple shell given as an Int32Array comes back as that same array, in the
 * list given (one list less a cell: the tessellation's 100,000 cells hand theirs on).
 */
export function normaliseCell(rings: readonly ArrayLike<number>[], xy: Float64Array, nV: number): IdPolygon[] {
  if (rings.length === 1 && isSimpleShell(rings[0], xy))
    return [rings[0] instanceof Int32Array ? (rings as IdPolygon) : [Int32Array.from(rings[0])]];
  const index = new Map<number, number>();
  const from: number[] = [];
  const to: number[] = [];
  for (const r of rings) {
    for (let i = 0; i < r.length; i++) {
      const a = r[i],
        b = i + 1 < r.length ? r[i + 1] : r[0];
      if (a === b) continue;
      const reverse = index.get(b * nV + a);
      if (reverse !== undefined && from[reverse] >= 0) {
        from[reverse] = -1;
        index.delete(b * nV + a);
        continue;
      }
      index.set(a * nV + b, from.length);
      from.push(a);
      to.push(b);
    }
  }
  const keepFrom: number[] = [];
  const keepTo: number[] = [];
  from.forEach((a, e) => {
    if (a >= 0) {
      keepFrom.push(a);
      keepTo.push(to[e]);
    }
  });
  return buildPolygons(keepFrom, keepTo, xy);
}

/** Most cells are one convex ring: distinct vertices, counter-clockwise; nothing to rebuild. */
function isSimpleShell(ring: ArrayLike<number>, xy: Float64Array): boolean {
  const n = ring.length;
  if (n < 3 || n > 64) return false;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (ring[i] === ring[j]) return false;
  return signedAreaOfIds(ring, xy) > 0;
}
