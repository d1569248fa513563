// The planar ring primitives of the whole core (areas, point in ring, convex hull), in three ring
// shapes: vertex ids into a flat xy array, flat [x0, y0, x1, y1, ...] rings, and [x, y] pairs.
// Rings are not closed unless a function says otherwise.

/**
 * Math.hypot(dx, dy), bit for bit: V8's algorithm (the larger magnitude scales both, squares added
 * with Kahan compensation), written out because the builtin allocates an array on every call
 * (~2,000,000 edge lengths at 100,000 sites: ~80 MB of garbage). A test compares it with Math.hypot.
 */
export function hypot(dx: number, dy: number): number {
  const ax = Math.abs(dx),
    ay = Math.abs(dy);
  let max = 0;
  if (ax > max) max = ax;
  if (ay > max) max = ay;
  if (max === Infinity) return Infinity;
  if (Number.isNaN(dx) || Number.isNaN(dy)) return NaN;
  if (max === 0) return 0;
  // V8's compensation term stays exactly 0 over two summands, so the sum is the plain one.
  const nx = ax / max,
    ny = ay / max;
  return Math.sqrt(nx * nx + ny * ny) * max;
}

/** Signed shoelace area in square metres of a ring given as vertex ids into `xy`; > 0 is counter-clockwise. */
export function signedAreaOfIds(ids: ArrayLike<number>, xy: Float64Array): number {
  let sum = 0;
  const n = ids.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = ids[j] * 2,
      b = ids[i] * 2;
    sum += xy[a] * xy[b + 1] - xy[b] * xy[a + 1];
  }
  return sum / 2;
}

/**
 * Twice the signed area of a ring of [x, y] positions (closed or not) in its own units; > 0 is
 * counter-clockwise. The trapezoid form sums (x_j - x_i)(y_j + y_i): on unprojected degrees it
 * multiplies small differences instead of whole coordinates, so the sign of a small ring survives
 * where the shoelace form's x_j y_i - x_i y_j cancels away most of its digits. The winding test
 * for GeoJSON rings (RFC 7946 output, boundary holes, shapefile rings) uses this one.
 */
export function ringSignedArea2(ring: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum;
}

/** Signed area of a ring of [x, y] pairs (closed or not). */
export function signedAreaOfPoints(ring: readonly (readonly number[])[]): number {
  let sum = 0;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return sum / 2;
}

/** Signed shoelace area of a flat [x0, y0, x1, y1, ...] ring (not closed); > 0 is counter-clockwise. */
export function signedAreaOfFlat(r: ArrayLike<number>): number {
  let sum = 0;
  const n = r.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) sum += r[j * 2] * r[i * 2 + 1] - r[i * 2] * r[j * 2 + 1];
  return sum / 2;
}

/** Even-odd point in ring test over a flat [x0, y0, x1, y1, ...] ring. */
export function pointInFlatRing(x: number, y: number, r: ArrayLike<number>): boolean {
  let inside = false;
  const n = r.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = r[i * 2],
      yi = r[i * 2 + 1],
      xj = r[j * 2],
      yj = r[j * 2 + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Even-odd point in polygon over all rings of one polygon given as [x, y] pairs (closed or not):
 * inside the outer ring and in no hole.
 */
export function pointInPolygonPoints(
  x: number,
  y: number,
  rings: readonly (readonly (readonly number[])[])[],
): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Even-odd point in ring test over vertex ids. */
export function pointInRingIds(x: number, y: number, ids: ArrayLike<number>, xy: Float64Array): boolean {
  let inside = false;
  const n = ids.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = xy[ids[i] * 2],
      yi = xy[ids[i] * 2 + 1];
    const xj = xy[ids[j] * 2],
      yj = xy[ids[j] * 2 + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Even-odd point in ring test over [x, y] positions (closed or not). */
export function pointInRing(x: number, y: number, ring: readonly (readonly number[])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0],
      yi = ring[i][1];
    const xj = ring[j][0],
      yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Which side of the line a -> b the point c lies on: 1 left (a, b, c counter-clockwise), -1 right,
 * 0 on the line. The sign test of both segment predicates (segment-index, io/ring-crossings).
 */
export function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/** The extent of [x, y] points as { x0, y0, x1, y1 } (min and max); Infinity and -Infinity for none. */
export function boundsOfPoints(points: readonly (readonly number[])[]): {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
} {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  return { x0, y0, x1, y1 };
}

/**
 * Indices of the points in ascending (x, y) order, equal points in input order: the order a
 * stable sort with the comparator `a[0] - b[0] || a[1] - b[1]` gives (a stable order is unique),
 * by merging runs of indices with the comparisons inline instead of a comparator call each.
 */
function xyOrder(xs: Float64Array, ys: Float64Array): Int32Array {
  const n = xs.length;
  let from = new Int32Array(n);
  let to = new Int32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        const a = from[i];
        const b = from[j];
        // The right run's point goes first only when strictly smaller: equal points keep their order.
        if (xs[b] < xs[a] || (xs[b] === xs[a] && ys[b] < ys[a])) {
          to[k++] = b;
          j++;
        } else {
          to[k++] = a;
          i++;
        }
      }
      while (i < mid) to[k++] = from[i++];
      while (j < hi) to[k++] = from[j++];
    }
    const t = from;
    from = to;
    to = t;
  }
  return from;
}

/** Monotone-chain convex hull of [x, y] points, counter-clockwise, not closed. */
export function convexHull(points: readonly (readonly [number, number])[]): [number, number][] {
  const n = points.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = points[i][0];
    ys[i] = points[i][1];
  }
  return convexHullXY(xs, ys);
}

/** convexHull of the points (xs[i], ys[i]), for callers holding them in arrays already. */
export function convexHullXY(xs: Float64Array, ys: Float64Array): [number, number][] {
  const n = xs.length;
  const pts = xyOrder(xs, ys);
  const at = (i: number): [number, number] => [xs[i], ys[i]];
  if (n < 3) return Array.from(pts, at);
  const cross = (o: number, a: number, b: number) =>
    (xs[a] - xs[o]) * (ys[b] - ys[o]) - (ys[a] - ys[o]) * (xs[b] - xs[o]);
  const lower: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = pts[i];
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: number[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const p = pts[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1)).map(at);
}
