// Fast exact clip of a ring by a convex cell for the common case: the coastline enters the cell
// once and leaves once. Sutherland-Hodgman is exact then; with several crossings it would join
// the separate pieces by zero-width bridges, so those cases return null for the general clipper.
import type { XY } from './clip-cell';

/** `cell`: closed, counter-clockwise, convex. `ring`: closed outer ring, no holes. */
export function clipSimpleCrossing(ring: readonly XY[], cell: readonly XY[]): XY[] | null {
  const n = ring.length - 1;
  let exits = 0;
  let prevSide = side(cell, ring[n - 1]);
  if (prevSide === 0) return null;
  for (let i = 0; i < n; i++) {
    const s = side(cell, ring[i]);
    if (s === 0) return null;
    if (prevSide > 0 && s < 0) exits++;
    if (prevSide < 0 && s < 0 && segmentEntersConvex(cell, ring[(i + n - 1) % n], ring[i])) return null;
    prevSide = s;
  }
  if (exits !== 1) return null;
  let pts: XY[] = ring.slice(0, -1);
  for (let e = 0; e + 1 < cell.length; e++) {
    const a = cell[e], b = cell[e + 1];
    const inside = (p: XY) => cross(a, b, p) >= 0;
    const out: XY[] = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i], prev = pts[(i + pts.length - 1) % pts.length];
      const ci = inside(cur), pi = inside(prev);
      if (ci) {
        if (!pi) out.push(lineCut(prev, cur, a, b));
        out.push(cur);
      } else if (pi) out.push(lineCut(prev, cur, a, b));
    }
    pts = out;
    if (pts.length < 3) return null;
  }
  return [...pts, pts[0]];
}

const cross = (a: XY, b: XY, p: XY) => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);

/** 1 strictly inside, -1 strictly outside, 0 on (or within a hair of) the boundary. */
function side(cell: readonly XY[], p: XY): number {
  let result = 1;
  for (let e = 0; e + 1 < cell.length; e++) {
    const a = cell[e], b = cell[e + 1];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len === 0) continue;
    const d = cross(a, b, p) / len;
    if (d < -1e-6) return -1;
    if (d <= 1e-6) result = 0;
  }
  return result;
}

/** Cyrus-Beck: does segment pq pass through the convex cell's interior? */
function segmentEntersConvex(cell: readonly XY[], p: XY, q: XY): boolean {
  let t0 = 0, t1 = 1;
  for (let e = 0; e + 1 < cell.length; e++) {
    const a = cell[e], b = cell[e + 1];
    const num = cross(a, b, p);
    const den = cross(a, b, q) - num;
    if (den === 0) {
      if (num < 0) return false;
      continue;
    }
    const t = -num / den;
    if (den > 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return t1 - t0 > 1e-9;
}

function lineCut(p: XY, q: XY, a: XY, b: XY): XY {
  const dp = cross(a, b, p), dq = cross(a, b, q);
  const t = dp / (dp - dq);
  return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
}
