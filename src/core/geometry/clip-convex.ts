// Direct clip of a convex cell to an area whose edges sit in a SegmentIndex, interior on their
// left. The result's boundary is (1) the parts of the area's edges inside the cell, each cut where
// it leaves or enters the cell (Cyrus-Beck), and (2) the arcs of the cell's own outline that lie
// inside the area: walking the outline counter-clockwise, an arc inside the area starts where an
// area edge leaves the cell and ends at the next place one enters. These edges are joined into
// closed rings. Two neighbouring cells compute a shared crossing from the same Voronoi edge and
// area edge, so they agree to far below the vertex snap distance.
//
// Returns null (the caller then uses polyclip) whenever the answer could hinge on rounding: an
// area vertex exactly on a cell edge's line, two crossings at the same place on the outline, or
// crossings that do not alternate leave/enter.
import type { XY } from './clip-cell';
import { pointInPolygonPoints, signedAreaOfPoints } from './ring-math';
import type { SegmentIndex } from './segment-index';

interface Crossing {
  /** Position on the outline: edge index + fraction along it. */
  pos: number;
  leaves: boolean;
  point: number;
}

/** Polygons of closed rings (holes with the first shell), [] outside the area, null = undecided. */
export function clipConvexCell(cell: readonly XY[], index: SegmentIndex): XY[][][] | null {
  const c = convexOutline(cell);
  if (!c) return null;
  const n = c.length / 2;
  let bx0 = Infinity,
    by0 = Infinity,
    bx1 = -Infinity,
    by1 = -Infinity;
  for (let k = 0; k < n; k++) {
    bx0 = Math.min(bx0, c[k * 2]);
    bx1 = Math.max(bx1, c[k * 2]);
    by0 = Math.min(by0, c[k * 2 + 1]);
    by1 = Math.max(by1, c[k * 2 + 1]);
  }
  const graph = new EdgeGraph();
  const crossings: Crossing[] = [];
  let undecided = false;
  index.forEachNear(bx0, by0, bx1, by1, (ax, ay, bx, by) => {
    let t0 = 0,
      t1 = 1,
      kin = -1,
      kout = -1;
    for (let k = 0; k < n; k++) {
      const cx = c[k * 2],
        cy = c[k * 2 + 1];
      const ex = c[((k + 1) % n) * 2] - cx,
        ey = c[((k + 1) % n) * 2 + 1] - cy;
      const da = ex * (ay - cy) - ey * (ax - cx);
      const db = ex * (by - cy) - ey * (bx - cx);
      if (da === 0 || db === 0) {
        undecided = true;
        return true;
      }
      if (da < 0 && db < 0) return false;
      if (da > 0 && db > 0) continue;
      const t = da / (da - db);
      if (da < 0) {
        if (t > t0) {
          t0 = t;
          kin = k;
        }
      } else if (t < t1) {
        t1 = t;
        kout = k;
      }
    }
    if (t0 >= t1) return false;
    const from = kin < 0 ? graph.point(ax, ay, true) : graph.point(ax + t0 * (bx - ax), ay + t0 * (by - ay), false);
    const to = kout < 0 ? graph.point(bx, by, true) : graph.point(ax + t1 * (bx - ax), ay + t1 * (by - ay), false);
    graph.edge(from, to);
    if (kin >= 0) crossings.push({ pos: outlinePos(c, kin, graph, from), leaves: false, point: from });
    if (kout >= 0) crossings.push({ pos: outlinePos(c, kout, graph, to), leaves: true, point: to });
    return false;
  });
  if (undecided || !addOutlineArcs(c, crossings, graph, index)) return null;
  return graph.polygons();
}

/**
 * Corners closer than this are one corner. The direction of a shorter edge is mostly rounding
 * (Voronoi vertices of nearly cocircular sites can be 1e-12 m apart), and its half-plane would
 * cut the cell wrongly. 1 cm is under the vertex snap distance, so nothing written moves.
 */
const MIN_EDGE_METRES = 0.01;

/** The cell's corners without near-duplicates, counter-clockwise, flat; null if fewer than 3. */
function convexOutline(cell: readonly XY[]): number[] | null {
  const pts: number[] = [];
  const near = (i: number, x: number, y: number) =>
    Math.abs(pts[i] - x) < MIN_EDGE_METRES && Math.abs(pts[i + 1] - y) < MIN_EDGE_METRES;
  for (const [x, y] of cell) if (pts.length === 0 || !near(pts.length - 2, x, y)) pts.push(x, y);
  while (pts.length > 2 && near(pts.length - 2, pts[0], pts[1])) pts.length -= 2;
  if (pts.length < 6) return null;
  let area = 0;
  const n = pts.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) area += pts[j * 2] * pts[i * 2 + 1] - pts[i * 2] * pts[j * 2 + 1];
  if (area === 0) return null;
  if (area > 0) return pts;
  const reversed: number[] = [];
  for (let i = n - 1; i >= 0; i--) reversed.push(pts[i * 2], pts[i * 2 + 1]);
  return reversed;
}

function outlinePos(c: readonly number[], k: number, graph: EdgeGraph, point: number): number {
  const n = c.length / 2;
  const cx = c[k * 2],
    cy = c[k * 2 + 1];
  const ex = c[((k + 1) % n) * 2] - cx,
    ey = c[((k + 1) % n) * 2 + 1] - cy;
  const s = ((graph.x(point) - cx) * ex + (graph.y(point) - cy) * ey) / (ex * ex + ey * ey);
  return k + Math.min(1, Math.max(0, s));
}

/**
 * Adds the outline arcs inside the area: from each crossing where the area's boundary leaves the
 * cell, counter-clockwise through the cell's corners, to the next crossing (where it enters).
 * With no crossings the whole outline is inside or outside together. False = undecided.
 */
function addOutlineArcs(c: readonly number[], crossings: Crossing[], graph: EdgeGraph, index: SegmentIndex): boolean {
  const n = c.length / 2;
  const m = crossings.length;
  if (m === 0) {
    if (!index.contains(c[0], c[1])) return true;
    const corners = Array.from({ length: n }, (_, k) => graph.point(c[k * 2], c[k * 2 + 1], false));
    for (let k = 0; k < n; k++) graph.edge(corners[k], corners[(k + 1) % n]);
    return true;
  }
  if (m % 2 !== 0) return false;
  crossings.sort((p, q) => p.pos - q.pos);
  for (let i = 0; i < m; i++) {
    const cur = crossings[i],
      next = crossings[(i + 1) % m];
    const gap = i + 1 < m ? next.pos - cur.pos : next.pos + n - cur.pos;
    if (!(gap > 1e-9) || cur.leaves === next.leaves) return false;
    if (!cur.leaves) continue;
    const end = cur.pos + gap;
    let from = cur.point;
    for (let v = Math.floor(cur.pos) + 1; v < end; v++) {
      const k = v % n;
      const corner = graph.point(c[k * 2], c[k * 2 + 1], false);
      graph.edge(from, corner);
      from = corner;
    }
    graph.edge(from, next.point);
  }
  return true;
}

/** Points and directed edges of the clipped boundary, joined into closed rings at the end. */
class EdgeGraph {
  private readonly xy: number[] = [];
  private readonly shared = new Map<string, number>();
  private readonly out: number[][] = [];
  private edgeCount = 0;

  /** `shared`: an area vertex or cell corner, which two edges meet at by its exact coordinates. */
  point(x: number, y: number, shared: boolean): number {
    const key = shared ? `${x},${y}` : '';
    if (shared) {
      const found = this.shared.get(key);
      if (found !== undefined) return found;
    }
    const id = this.xy.length / 2;
    this.xy.push(x, y);
    this.out.push([]);
    if (shared) this.shared.set(key, id);
    return id;
  }

  x(p: number): number {
    return this.xy[p * 2];
  }
  y(p: number): number {
    return this.xy[p * 2 + 1];
  }

  edge(from: number, to: number): void {
    this.out[from].push(to);
    this.edgeCount++;
  }

  /**
   * Closed walks over every edge, as polygons: each shell (counter-clockwise) with the holes
   * (clockwise) inside it. Like polyclip's output, every ring starts at its lowest-x (then
   * lowest-y) point and polygons and holes come in that order, so files stay as they were.
   */
  polygons(): XY[][][] | null {
    const shells: XY[][] = [];
    const holes: XY[][] = [];
    let used = 0;
    for (let start = 0; start < this.out.length; start++) {
      while (this.out[start].length > 0) {
        const ring: XY[] = [];
        let p = start;
        do {
          const next = this.out[p].pop();
          if (next === undefined) return null;
          ring.push([this.xy[p * 2], this.xy[p * 2 + 1]]);
          used++;
          p = next;
        } while (p !== start);
        const area = signedAreaOfPoints(ring);
        if (area > 0) shells.push(fromLowest(ring));
        else if (area < 0) holes.push(fromLowest(ring));
      }
    }
    if (used !== this.edgeCount) return null;
    shells.sort(byStart);
    holes.sort(byStart);
    const polygons = shells.map((shell) => [shell]);
    for (const hole of holes) {
      let best = -1;
      let bestArea = Infinity;
      shells.forEach((shell, k) => {
        const a = signedAreaOfPoints(shell);
        if (a < bestArea && pointInPolygonPoints(hole[0][0], hole[0][1], [shell])) {
          best = k;
          bestArea = a;
        }
      });
      if (best < 0) return null;
      polygons[best].push(hole);
    }
    return polygons;
  }
}

const byStart = (p: XY[], q: XY[]) => p[0][0] - q[0][0] || p[0][1] - q[0][1];

/** The ring (open) rotated to start at its lowest-x, then lowest-y point, and closed. */
function fromLowest(ring: XY[]): XY[] {
  let k = 0;
  for (let i = 1; i < ring.length; i++) {
    if (ring[i][0] < ring[k][0] || (ring[i][0] === ring[k][0] && ring[i][1] < ring[k][1])) k = i;
  }
  const out = ring.slice(k).concat(ring.slice(0, k));
  out.push(out[0]);
  return out;
}
