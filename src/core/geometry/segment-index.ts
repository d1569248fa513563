// A uniform grid over the edges of the study area, so a cell can ask "does the boundary cross
// me?" and a point "am I inside?" by looking at nearby edges only, not the whole coastline.
import { orient } from './ring-math';

export type Rings = readonly (readonly (readonly [number, number])[])[];

export class SegmentIndex {
  private readonly segs: Float64Array;
  private readonly bins: Map<number, number[]> = new Map();
  private readonly stamp: Uint32Array;
  private stampValue = 0;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  private readonly size: number;
  private readonly cols: number;
  private readonly rows: number;

  /** `rings`: every ring of the area (outer rings and holes alike), closed or not, in metres. */
  constructor(rings: Rings) {
    let n = 0;
    for (const r of rings) n += r.length;
    const segs = new Float64Array(n * 4);
    let k = 0;
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    for (const r of rings) {
      for (let i = 0; i < r.length; i++) {
        const a = r[i],
          b = r[(i + 1) % r.length];
        if (a[0] === b[0] && a[1] === b[1]) continue;
        segs[k++] = a[0];
        segs[k++] = a[1];
        segs[k++] = b[0];
        segs[k++] = b[1];
        minX = Math.min(minX, a[0]);
        maxX = Math.max(maxX, a[0]);
        minY = Math.min(minY, a[1]);
        maxY = Math.max(maxY, a[1]);
      }
    }
    this.segs = segs.subarray(0, k);
    const count = k / 4;
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;
    const extent = Math.max(maxX - minX, maxY - minY, 1);
    const perSide = Math.max(1, Math.min(1024, Math.ceil(Math.sqrt(count))));
    this.size = extent / perSide;
    this.cols = Math.floor((maxX - minX) / this.size) + 1;
    this.rows = Math.floor((maxY - minY) / this.size) + 1;
    this.stamp = new Uint32Array(count);
    for (let s = 0; s < count; s++) {
      const o = s * 4;
      const c0 = this.col(Math.min(segs[o], segs[o + 2])),
        c1 = this.col(Math.max(segs[o], segs[o + 2]));
      const r0 = this.row(Math.min(segs[o + 1], segs[o + 3])),
        r1 = this.row(Math.max(segs[o + 1], segs[o + 3]));
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          const key = r * this.cols + c;
          const bin = this.bins.get(key);
          if (bin) bin.push(s);
          else this.bins.set(key, [s]);
        }
      }
    }
  }

  private col(x: number): number {
    return Math.max(0, Math.min(this.cols - 1, Math.floor((x - this.minX) / this.size)));
  }
  private row(y: number): number {
    return Math.max(0, Math.min(this.rows - 1, Math.floor((y - this.minY) / this.size)));
  }

  /** Even-odd test: is (x, y) inside the area? Casts a ray east through one row of bins. */
  contains(x: number, y: number): boolean {
    if (x < this.minX || x > this.maxX || y < this.minY || y > this.maxY) return false;
    const r = this.row(y);
    const segs = this.segs;
    let inside = false;
    for (let c = this.col(x); c < this.cols; c++) {
      const bin = this.bins.get(r * this.cols + c);
      if (!bin) continue;
      const binX0 = this.minX + c * this.size;
      const binX1 = c === this.cols - 1 ? Infinity : binX0 + this.size;
      for (const s of bin) {
        const o = s * 4;
        const x1 = segs[o],
          y1 = segs[o + 1],
          x2 = segs[o + 2],
          y2 = segs[o + 3];
        if (y1 > y === y2 > y) continue;
        const cx = x1 + ((y - y1) * (x2 - x1)) / (y2 - y1);
        // Count each crossing once: in the bin whose x-range holds it (the first bin also takes
        // crossings left of the grid, which cannot happen for x inside the extent).
        if (cx > x && cx >= (c === 0 ? -Infinity : binX0) && cx < binX1) inside = !inside;
      }
    }
    return inside;
  }

  /**
   * Calls `visit(x1, y1, x2, y2)` once for every area edge (interior on its left when the rings
   * were oriented so) whose extent overlaps the box; stops early, returning true, when `visit`
   * returns true.
   */
  forEachNear(
    bx0: number,
    by0: number,
    bx1: number,
    by1: number,
    visit: (x1: number, y1: number, x2: number, y2: number) => boolean | undefined,
  ): boolean {
    if (bx1 < this.minX || bx0 > this.maxX || by1 < this.minY || by0 > this.maxY) return false;
    const stampValue = ++this.stampValue;
    const segs = this.segs;
    const c0 = this.col(bx0),
      c1 = this.col(bx1),
      r0 = this.row(by0),
      r1 = this.row(by1);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const bin = this.bins.get(r * this.cols + c);
        if (!bin) continue;
        for (const s of bin) {
          if (this.stamp[s] === stampValue) continue;
          this.stamp[s] = stampValue;
          const o = s * 4;
          const x1 = segs[o],
            y1 = segs[o + 1],
            x2 = segs[o + 2],
            y2 = segs[o + 3];
          if (Math.max(x1, x2) < bx0 || Math.min(x1, x2) > bx1 || Math.max(y1, y2) < by0 || Math.min(y1, y2) > by1)
            continue;
          if (visit(x1, y1, x2, y2)) return true;
        }
      }
    }
    return false;
  }

  /** Does any area edge's extent overlap the box? (forEachNear's test, with no callback to allocate.) */
  anyNear(bx0: number, by0: number, bx1: number, by1: number): boolean {
    return this.forEachNear(bx0, by0, bx1, by1, stop);
  }

  /**
   * Does any area edge cross or enter the convex polygon `ring` (closed, metres)? Conservative:
   * touching counts as crossing, since the caller then clips exactly.
   */
  crossesConvex(ring: readonly (readonly number[])[]): boolean {
    let bx0 = Infinity,
      by0 = Infinity,
      bx1 = -Infinity,
      by1 = -Infinity;
    for (const p of ring) {
      if (p[0] < bx0) bx0 = p[0];
      if (p[0] > bx1) bx1 = p[0];
      if (p[1] < by0) by0 = p[1];
      if (p[1] > by1) by1 = p[1];
    }
    let crosses = false;
    this.forEachNear(bx0, by0, bx1, by1, (x1, y1, x2, y2) => {
      if (insideConvex(ring, x1, y1) || insideConvex(ring, x2, y2)) crosses = true;
      for (let i = 0; !crosses && i + 1 < ring.length; i++) {
        if (segmentsIntersect(x1, y1, x2, y2, ring[i][0], ring[i][1], ring[i + 1][0], ring[i + 1][1])) crosses = true;
      }
      return crosses;
    });
    return crosses;
  }
}

const stop = () => true;

/** Point inside or on a closed convex ring of either orientation. */
function insideConvex(ring: readonly (readonly number[])[], x: number, y: number): boolean {
  let sign = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const ax = ring[i][0],
      ay = ring[i][1],
      bx = ring[i + 1][0],
      by = ring[i + 1][1];
    const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    if (cross === 0) continue;
    const s = cross > 0 ? 1 : -1;
    if (sign === 0) sign = s;
    else if (s !== sign) return false;
  }
  return true;
}

function segmentsIntersect(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): boolean {
  const o1 = orient(ax, ay, bx, by, cx, cy),
    o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay),
    o4 = orient(cx, cy, dx, dy, bx, by);
  if (o1 !== o2 && o3 !== o4) return true;
  // Collinear overlaps count as touching.
  return (
    o1 === 0 &&
    o2 === 0 &&
    Math.max(ax, bx) >= Math.min(cx, dx) &&
    Math.min(ax, bx) <= Math.max(cx, dx) &&
    Math.max(ay, by) >= Math.min(cy, dy) &&
    Math.min(ay, by) <= Math.max(cy, dy)
  );
}
