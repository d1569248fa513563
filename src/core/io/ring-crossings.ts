// Fast check for rings that cross themselves or each other (invalid by OGC rules), so valid
// single-polygon boundaries skip the slow polygon-clipping repair.
import type { Position } from 'geojson';
import { orient } from '../geometry/ring-math';

type Seg = { ax: number; ay: number; bx: number; by: number; ring: number; index: number; ringLength: number };

// orient is the kernel's sign test; coordinates reach here already checked finite, so its 0 for
// NaN (where Math.sign gave NaN) never arises.

function onSegment(s: Seg, px: number, py: number): boolean {
  return (
    Math.min(s.ax, s.bx) <= px && px <= Math.max(s.ax, s.bx) && Math.min(s.ay, s.by) <= py && py <= Math.max(s.ay, s.by)
  );
}

// Two segments conflict if they cross properly or overlap along a stretch; touching at a shared
// vertex of neighbouring segments in the same ring is how rings are made, not a conflict.
function conflict(s: Seg, t: Seg): boolean {
  if (s.ring === t.ring) {
    const d = Math.abs(s.index - t.index);
    if (d === 1 || d === s.ringLength - 1) {
      const o1 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
      const o2 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
      // Neighbours conflict only when they fold back onto each other (collinear overlap).
      if (o1 !== 0 || o2 !== 0) return false;
      const dot = (s.bx - s.ax) * (t.bx - t.ax) + (s.by - s.ay) * (t.by - t.ay);
      return dot < 0;
    }
  }
  const d1 = orient(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const d2 = orient(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  const d3 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const d4 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  if (d1 === 0 && d2 === 0) {
    // Collinear: a conflict when they share more than a single point.
    const overlap =
      (onSegment(t, s.ax, s.ay) && !(s.ax === t.ax && s.ay === t.ay) && !(s.ax === t.bx && s.ay === t.by)) ||
      (onSegment(t, s.bx, s.by) && !(s.bx === t.ax && s.by === t.ay) && !(s.bx === t.bx && s.by === t.by)) ||
      (onSegment(s, t.ax, t.ay) && !(t.ax === s.ax && t.ay === s.ay) && !(t.ax === s.bx && t.ay === s.by));
    return overlap;
  }
  return false;
}

/**
 * True when any two edges of the polygon's rings cross or overlap. A uniform grid over the
 * polygon's extent keeps this near-linear (about n segments, each compared with its cell-mates).
 */
export function ringsCross(rings: readonly (readonly Position[])[]): boolean {
  const segs: Seg[] = [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  rings.forEach((ring, r) => {
    const n = ring.length - 1;
    for (let i = 0; i < n; i++) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[i + 1];
      segs.push({ ax, ay, bx, by, ring: r, index: i, ringLength: n });
      minX = Math.min(minX, ax);
      minY = Math.min(minY, ay);
      maxX = Math.max(maxX, ax);
      maxY = Math.max(maxY, ay);
    }
  });
  if (segs.length < 3) return false;
  const side = Math.max(1, Math.ceil(Math.sqrt(segs.length)));
  const cellW = (maxX - minX) / side || 1;
  const cellH = (maxY - minY) / side || 1;
  const cells = new Map<number, number[]>();
  const col = (x: number) => Math.min(side - 1, Math.floor((x - minX) / cellW));
  const row = (y: number) => Math.min(side - 1, Math.floor((y - minY) / cellH));
  for (let k = 0; k < segs.length; k++) {
    const s = segs[k];
    const c0 = col(Math.min(s.ax, s.bx));
    const c1 = col(Math.max(s.ax, s.bx));
    const r0 = row(Math.min(s.ay, s.by));
    const r1 = row(Math.max(s.ay, s.by));
    for (let c = c0; c <= c1; c++) {
      for (let r = r0; r <= r1; r++) {
        const key = r * side + c;
        const list = cells.get(key);
        if (list) {
          for (const other of list) if (conflict(segs[other], s)) return true;
          list.push(k);
        } else cells.set(key, [k]);
      }
    }
  }
  return false;
}
