// Planar polygon arithmetic in projected metres, just what the overlap analysis needs: areas,
// boxes, point-in-polygon, and the area of an intersection (Sutherland-Hodgman against a convex
// ring, which gives the exact area even for a non-convex subject; polygon clipping otherwise).
import { intersect } from '../geometry/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { Projection } from '../geometry';
import { clipPass } from '../geometry/clip-ring';
import { polygonsOf } from '../geometry/polygons';
import { pointInFlatRing, signedAreaOfFlat } from '../geometry/ring-math';
import type { Boundary } from '../model';

/** A ring as flat [x0, y0, x1, y1, ...] metres, not closed. */
export type Ring = Float64Array;
/** One polygon: outer ring counter-clockwise, holes clockwise. */
export type PlanarPolygon = readonly Ring[];
export type PlanarGeometry = readonly PlanarPolygon[];
/** [minX, minY, maxX, maxY]. */
export type Box = readonly [number, number, number, number];
type XY = [number, number];

const ringArea = signedAreaOfFlat;

/** Square metres: outer rings count positive, holes negative. */
export function geometryArea(g: PlanarGeometry): number {
  let a = 0;
  for (const p of g) for (const r of p) a += ringArea(r);
  return a;
}

/** The ring wound counter-clockwise (ccw) or clockwise; the same array when it already is. */
export const oriented = (r: Ring, ccw: boolean): Ring => {
  if (ringArea(r) > 0 === ccw) return r;
  const out = new Float64Array(r.length);
  for (let i = 0, n = r.length / 2; i < n; i++) {
    out[i * 2] = r[(n - 1 - i) * 2];
    out[i * 2 + 1] = r[(n - 1 - i) * 2 + 1];
  }
  return out;
};

function projectRing(ring: readonly Position[], projection: Projection): Ring {
  const closed = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1];
  const n = closed ? ring.length - 1 : ring.length;
  const out = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    const [x, y] = projection.forward(ring[i][0], ring[i][1]);
    out[i * 2] = x;
    out[i * 2 + 1] = y;
  }
  return out;
}

export function projectGeometry(g: Boundary, projection: Projection): PlanarGeometry {
  return polygonsOf(g).map((rings) => rings.map((r, k) => oriented(projectRing(r, projection), k === 0)));
}

/** Rings of mixed orientation (outer CCW, holes CW, in any order) grouped into polygons. */
export function groupRings(rings: readonly Ring[]): PlanarGeometry {
  const outers = rings.filter((r) => ringArea(r) > 0);
  const polygons: Ring[][] = outers.map((o) => [o]);
  for (const h of rings) {
    if (ringArea(h) > 0) continue;
    const k = outers.findIndex(
      (o) => pointInRing(h[0], h[1], o) || pointInRing((h[0] + h[2]) / 2, (h[1] + h[3]) / 2, o),
    );
    if (k >= 0) polygons[k].push(h);
  }
  return polygons;
}

export function boxOf(g: PlanarGeometry): Box {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const p of g)
    for (const r of p)
      for (let i = 0; i < r.length; i += 2) {
        if (r[i] < minX) minX = r[i];
        if (r[i] > maxX) maxX = r[i];
        if (r[i + 1] < minY) minY = r[i + 1];
        if (r[i + 1] > maxY) maxY = r[i + 1];
      }
  return [minX, minY, maxX, maxY];
}

export const boxesOverlap = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
const boxInside = (a: Box, b: Box) => a[0] >= b[0] && a[1] >= b[1] && a[2] <= b[2] && a[3] <= b[3];

const pointInRing = pointInFlatRing;

/** Inside a polygon's outer ring and none of its holes, for any of the polygons. */
export function pointInGeometry(x: number, y: number, g: PlanarGeometry): boolean {
  return g.some((p) => pointInRing(x, y, p[0]) && !p.slice(1).some((h) => pointInRing(x, y, h)));
}

/** A single counter-clockwise ring with no reflex vertex (collinear vertices allowed). */
export function isConvex(g: PlanarGeometry): boolean {
  if (g.length !== 1 || g[0].length !== 1) return false;
  const r = g[0][0];
  const n = r.length / 2;
  for (let i = 0; i < n; i++) {
    const a = i * 2,
      b = ((i + 1) % n) * 2,
      c = ((i + 2) % n) * 2;
    const cross = (r[b] - r[a]) * (r[c + 1] - r[b + 1]) - (r[b + 1] - r[a + 1]) * (r[c] - r[b]);
    if (cross < -1e-6 * Math.hypot(r[b] - r[a], r[b + 1] - r[a + 1]) * Math.hypot(r[c] - r[b], r[c + 1] - r[b + 1]))
      return false;
  }
  return true;
}

/**
 * Ring `r` clipped to the convex counter-clockwise ring `c` (Sutherland-Hodgman, one clipPass per
 * edge of `c`); null when nothing is left. Each pass's output starts at its first vertex, with
 * the closing edge's cut last, so the shoelace sums run in the order they always have.
 */
function clipRing(r: Ring, c: Ring): Ring | null {
  let pts: XY[] = [];
  for (let i = 0; i < r.length; i += 2) pts.push([r[i], r[i + 1]]);
  const m = c.length / 2;
  for (let e = 0; e < m && pts.length >= 3; e++) {
    const ax = c[e * 2],
      ay = c[e * 2 + 1];
    const bx = c[((e + 1) % m) * 2],
      by = c[((e + 1) % m) * 2 + 1];
    const side = (p: XY) => (bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax);
    const inside = (p: XY) => side(p) >= 0;
    const cut = (p: XY, q: XY): XY => {
      const sp = side(p),
        sq = side(q);
      const t = sp / (sp - sq);
      return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
    };
    const out = clipPass(pts, inside, cut);
    if (out.length > 0 && inside(pts[pts.length - 1]) !== inside(pts[0])) out.push(out.shift() as XY);
    pts = out;
  }
  return pts.length >= 3 ? Float64Array.from(pts.flat()) : null;
}

/** Signed area of ring `r` clipped to the convex counter-clockwise ring `c`: exact even for a non-convex `r`. */
function clippedRingArea(r: Ring, c: Ring): number {
  const clipped = clipRing(r, c);
  return clipped ? ringArea(clipped) : 0;
}

/**
 * The part of `g` inside `box` grown by `marginMetres`, so polygon clipping against something
 * well inside the box handles a few dozen vertices instead of a whole service area. The cut edges
 * lie on the box, away from the other operand, so they never meet it.
 */
function cropToBox(g: PlanarGeometry, box: Box, marginMetres: number): PlanarGeometry {
  const [x0, y0, x1, y1] = [box[0] - marginMetres, box[1] - marginMetres, box[2] + marginMetres, box[3] + marginMetres];
  const rect = Float64Array.from([x0, y0, x1, y0, x1, y1, x0, y1]);
  const out: Ring[][] = [];
  for (const p of g) {
    const outer = clipRing(p[0], rect);
    if (!outer || Math.abs(ringArea(outer)) === 0) continue;
    const rings = [outer];
    for (const h of p.slice(1)) {
      const c = clipRing(h, rect);
      if (c && Math.abs(ringArea(c)) > 0) rings.push(c);
    }
    out.push(rings);
  }
  return out;
}

const toFeature = (g: PlanarGeometry): Feature<MultiPolygon> => ({
  type: 'Feature',
  properties: {},
  geometry: { type: 'MultiPolygon', coordinates: g.map((p) => p.map((r) => closedPositions(r))) },
});

function closedPositions(r: Ring): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < r.length; i += 2) out.push([r[i], r[i + 1]]);
  out.push([r[0], r[1]]);
  return out;
}

function clippedArea(a: PlanarGeometry, b: PlanarGeometry): number {
  const fc = { type: 'FeatureCollection' as const, features: [toFeature(a), toFeature(b)] };
  const result = intersect<Record<string, never>>(fc);
  if (!result) return 0;
  const g = result.geometry as Polygon | MultiPolygon;
  let area = 0;
  for (const rings of polygonsOf(g))
    rings.forEach((ring, k) => {
      const flat = Float64Array.from(ring.slice(0, -1).flat());
      area += k === 0 ? Math.abs(ringArea(flat)) : -Math.abs(ringArea(flat));
    });
  return area;
}

/** Every vertex of `a` inside `b` and no vertex of `b` inside `a`: then a lies within b (exact for convex a). */
function within(a: PlanarGeometry, boxA: Box, b: PlanarGeometry): boolean {
  for (const p of a)
    for (const r of p) for (let i = 0; i < r.length; i += 2) if (!pointInGeometry(r[i], r[i + 1], b)) return false;
  for (const p of b)
    for (const r of p)
      for (let i = 0; i < r.length; i += 2) {
        const x = r[i],
          y = r[i + 1];
        if (x > boxA[0] && x < boxA[2] && y > boxA[1] && y < boxA[3] && pointInGeometry(x, y, a)) return false;
      }
  return true;
}

/**
 * Area in square metres of a ∩ b. Boxes first (no overlap: 0); `a` within `b`: area of a, with no
 * clipping; a convex side is clipped against directly; only two non-convex sides need polygon
 * clipping, and where that fails on invalid rings the area is estimated on a grid (onApproximate is told).
 */
export function intersectionArea(
  a: PlanarGeometry,
  boxA: Box,
  b: PlanarGeometry,
  boxB: Box,
  onApproximate?: () => void,
): number {
  if (!boxesOverlap(boxA, boxB)) return 0;
  if (boxInside(boxA, boxB) && within(a, boxA, b)) return geometryArea(a);
  if (boxInside(boxB, boxA) && within(b, boxB, a)) return geometryArea(b);
  const convexB = isConvex(b);
  if (convexB || isConvex(a)) {
    const [subject, clip] = convexB ? [a, b[0][0]] : [b, a[0][0]];
    let area = 0;
    for (const p of subject) for (const r of p) area += clippedRingArea(r, clip);
    return Math.max(0, area);
  }
  try {
    // Crop the larger operand to the smaller one's box first: polygon clipping cost grows with vertices.
    const spanA = (boxA[2] - boxA[0]) * (boxA[3] - boxA[1]);
    const spanB = (boxB[2] - boxB[0]) * (boxB[3] - boxB[1]);
    const margin = 1 + 1e-3 * Math.sqrt(Math.min(spanA, spanB));
    const [x, y] = spanA > spanB ? [cropToBox(a, boxB, margin), b] : [a, cropToBox(b, boxA, margin)];
    return x.length === 0 || y.length === 0 ? 0 : clippedArea(x, y);
  } catch {
    // Polygon clipping gives up on some invalid rings (self-intersections from generalisation).
    onApproximate?.();
    return sampledArea(a, boxA, b, boxB);
  }
}

/** Area of a ∩ b estimated on a 256 x 256 grid over the common box: the fallback for unclippable rings. */
function sampledArea(a: PlanarGeometry, boxA: Box, b: PlanarGeometry, boxB: Box): number {
  const minX = Math.max(boxA[0], boxB[0]),
    maxX = Math.min(boxA[2], boxB[2]);
  const minY = Math.max(boxA[1], boxB[1]),
    maxY = Math.min(boxA[3], boxB[3]);
  const n = 256;
  const dx = (maxX - minX) / n,
    dy = (maxY - minY) / n;
  let hits = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const x = minX + (i + 0.5) * dx,
        y = minY + (j + 0.5) * dy;
      if (pointInGeometry(x, y, a) && pointInGeometry(x, y, b)) hits++;
    }
  return hits * dx * dy;
}
