// Directed boundary edges (interior on the left) -> polygons that are valid under OGC
// simple-feature rules: no ring visits a vertex twice, shells counter-clockwise, holes clockwise
// and inside the shell they belong to. Shared by footprints, cell normalisation and any later
// layer built from a vertex-id tiling (small areas, aligned service areas).
//
// Where several boundary edges meet at one vertex (a "pinch": cells touching only at a corner,
// or a harbour channel meeting the coast at a single point), each incoming edge continues along
// the outgoing edge that bounds the same interior sector (the sharpest left turn). A walk can
// still come back to a vertex it passed (a hole touching its shell); it is split there into
// separate rings, and each ring's orientation says whether it is a shell or a hole.
import { pointInRingIds, signedAreaOfIds } from './ring-math';
import { IndexTable } from './site-marks';

/** One polygon: the shell (CCW) first, then its holes (CW), as vertex-id rings, not closed. */
export type IdPolygon = Int32Array[];

/**
 * Example: the edges of two unit squares touching at one corner give two polygons.
 * `from[e] -> to[e]` are boundary edges with the interior on their left; opposite edges must
 * already be cancelled. `xy` holds projected metres per vertex id.
 */
export function buildPolygons(from: ArrayLike<number>, to: ArrayLike<number>, xy: Float64Array): IdPolygon[] {
  const shells: Int32Array[] = [];
  const holes: Int32Array[] = [];
  for (const walk of chainWalks(from, to, xy)) {
    for (const ring of splitAtRepeats(walk, xy.length / 2)) {
      const a = signedAreaOfIds(ring, xy);
      if (a > 0) shells.push(ring);
      else if (a < 0) holes.push(ring);
    }
  }
  return assignHoles(shells, holes, xy);
}

// Scratch tables reused by every call (buildPolygons never runs inside itself).
const firstOut = new IndexTable();
const lastOut = new IndexTable();
const stackIndex = new IndexTable();
let nextOut = new Int32Array(64);

/** Closed walks over the edges, each incoming edge paired with its sector's outgoing edge. */
function chainWalks(from: ArrayLike<number>, to: ArrayLike<number>, xy: Float64Array): number[][] {
  // Each vertex's outgoing edges in edge order: the first and last in the tables, then linked.
  const nV = xy.length / 2;
  firstOut.clear(nV);
  lastOut.clear(nV);
  if (nextOut.length < from.length) nextOut = new Int32Array(Math.max(from.length, nextOut.length * 2));
  for (let e = 0; e < from.length; e++) {
    nextOut[e] = -1;
    const last = lastOut.get(from[e]);
    if (last < 0) firstOut.set(from[e], e);
    else nextOut[last] = e;
    lastOut.set(from[e], e);
  }
  const used = new Uint8Array(from.length);
  const walks: number[][] = [];
  const candidates: number[] = [];
  for (let start = 0; start < from.length; start++) {
    if (used[start]) continue;
    const walk: number[] = [];
    let e = start;
    while (true) {
      used[e] = 1;
      walk.push(from[e]);
      const out = firstOut.get(to[e]);
      if (out < 0) break;
      let next = out;
      if (nextOut[out] >= 0) {
        let count = 0;
        for (let c = out; c >= 0; c = nextOut[c]) candidates[count++] = c;
        next = sectorPartner(e, candidates, count, from, to, xy, used, start);
      }
      if (next < 0 || next === start || (used[next] && next !== start)) break;
      e = next;
    }
    if (walk.length >= 3) walks.push(walk);
  }
  return walks;
}

/** The sharpest left turn among the unused outgoing edges (or the start edge), -1 when none. */
function sectorPartner(
  incoming: number,
  candidates: readonly number[],
  count: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  xy: Float64Array,
  used: Uint8Array,
  start: number,
): number {
  const ax = xy[to[incoming] * 2] - xy[from[incoming] * 2];
  const ay = xy[to[incoming] * 2 + 1] - xy[from[incoming] * 2 + 1];
  let best = -1;
  let bestAngle = -Infinity;
  for (let k = 0; k < count; k++) {
    const c = candidates[k];
    if (used[c] && c !== start) continue;
    const bx = xy[to[c] * 2] - xy[from[c] * 2];
    const by = xy[to[c] * 2 + 1] - xy[from[c] * 2 + 1];
    const angle = Math.atan2(ax * by - ay * bx, ax * bx + ay * by);
    if (angle > bestAngle) {
      bestAngle = angle;
      best = c;
    }
  }
  return best;
}

/** A closed walk split into rings that visit each vertex once (loops of < 3 vertices dropped). */
function splitAtRepeats(walk: number[], nV: number): Int32Array[] {
  const rings: Int32Array[] = [];
  const stack: number[] = [];
  const at = stackIndex;
  at.clear(nV);
  for (const v of walk) {
    const i = at.get(v);
    if (i < 0) {
      at.set(v, stack.length);
      stack.push(v);
      continue;
    }
    const loop = stack.splice(i + 1);
    for (const u of loop) at.delete(u);
    if (loop.length >= 2) rings.push(Int32Array.from([v, ...loop]));
  }
  if (stack.length >= 3) rings.push(Int32Array.from(stack));
  return rings;
}

/** Each hole goes to the smallest shell containing it; a hole inside no shell is dropped. */
function assignHoles(shells: Int32Array[], holes: Int32Array[], xy: Float64Array): IdPolygon[] {
  const polygons: IdPolygon[] = shells.map((s) => [s]);
  if (holes.length === 0 || shells.length === 0) return polygons;
  if (shells.length === 1) {
    polygons[0].push(...holes);
    return polygons;
  }
  const areas = shells.map((s) => signedAreaOfIds(s, xy));
  for (const h of holes) {
    const mx = (xy[h[0] * 2] + xy[h[1] * 2]) / 2;
    const my = (xy[h[0] * 2 + 1] + xy[h[1] * 2 + 1]) / 2;
    let best = -1;
    shells.forEach((s, k) => {
      if ((best < 0 || areas[k] < areas[best]) && pointInRingIds(mx, my, s, xy)) best = k;
    });
    if (best >= 0) polygons[best].push(h);
  }
  return polygons;
}
