// Exact clipping of one convex Voronoi cell to the study area, for the few cells the boundary
// crosses. The common case is clipped directly (clipConvexCell in clip-convex.ts); a cell where
// the boundary touches the cell's edge lines exactly, or crossings cannot be ordered with
// certainty, goes to polyclip instead. For polyclip the area is first cropped to the cell's box
// with Sutherland-Hodgman (clipPass in clip-ring.ts; cheap, and the slivers it may leave lie on
// the box edge, outside the cell), so it only sees a handful of nearby vertices instead of a
// whole coastline (a full-boundary intersect costs ~18 ms a cell).
import { featureCollection, intersect, multiPolygon, polygon } from './turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { clipPass } from './clip-ring';
import { polygonsOf } from './polygons';
import { clipConvexCell } from './clip-convex';
import { boundsOfPoints } from './ring-math';
import type { SegmentIndex } from './segment-index';

export type XY = [number, number];
/** MultiPolygon coordinates in metres: polygons -> rings (closed) -> points. */
export type AreaPolygons = XY[][][];

/**
 * The part of `cell` (closed, convex) inside the area, as polygons of closed rings (metres).
 * `index` holds the area's edges with the interior on their left (shells counter-clockwise).
 */
export function clipCellToArea(cell: readonly XY[], area: AreaPolygons, index: SegmentIndex): XY[][][] {
  return clipConvexCell(cell, index) ?? polyclipCell(cell, area);
}

function polyclipCell(cell: readonly XY[], area: AreaPolygons): XY[][][] {
  const { x0, y0, x1, y1 } = boundsOfPoints(cell);
  const pad = Math.max(1, (x1 - x0 + y1 - y0) * 0.01);
  const box = { x0: x0 - pad, y0: y0 - pad, x1: x1 + pad, y1: y1 + pad };
  const cropped: XY[][][] = [];
  for (const poly of area) {
    const outer = cropRing(poly[0], box);
    if (outer.length < 4) continue;
    const holes = poly
      .slice(1)
      .map((h) => cropRing(h, box))
      .filter((h) => h.length >= 4);
    cropped.push([outer, ...holes]);
  }
  if (cropped.length === 0) return [];
  const cellPoly = polygon([cell.map((p) => [p[0], p[1]])]);
  const result =
    safeIntersect(cellPoly.geometry.coordinates, cropped) ?? safeIntersect(cellPoly.geometry.coordinates, area) ?? [];
  return result;
}

function safeIntersect(cell: Position[][], area: XY[][][]): XY[][][] | null {
  try {
    const inputs: Feature<Polygon | MultiPolygon>[] = [polygon(cell), multiPolygon(area)];
    const hit = intersect(featureCollection(inputs));
    if (!hit) return [];
    return polygonsOf(hit.geometry).map((p) => p.map((r) => r.map((q) => [q[0], q[1]] as XY)));
  } catch {
    return null;
  }
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Sutherland-Hodgman against an axis-aligned box; returns a closed ring or []. */
function cropRing(ring: readonly XY[], box: Box): XY[] {
  const { x0: bx0, y0: by0, x1: bx1, y1: by1 } = boundsOfPoints(ring);
  if (bx1 < box.x0 || bx0 > box.x1 || by1 < box.y0 || by0 > box.y1) return [];
  if (bx0 >= box.x0 && bx1 <= box.x1 && by0 >= box.y0 && by1 <= box.y1) return ring.slice();
  let pts: XY[] = ring.slice(0, -1);
  pts = clipPass(
    pts,
    (p) => p[0] >= box.x0,
    (a, b) => atX(a, b, box.x0),
  );
  pts = clipPass(
    pts,
    (p) => p[0] <= box.x1,
    (a, b) => atX(a, b, box.x1),
  );
  pts = clipPass(
    pts,
    (p) => p[1] >= box.y0,
    (a, b) => atY(a, b, box.y0),
  );
  pts = clipPass(
    pts,
    (p) => p[1] <= box.y1,
    (a, b) => atY(a, b, box.y1),
  );
  if (pts.length < 3) return [];
  return [...pts, pts[0]];
}

const atX = (a: XY, b: XY, x: number): XY => [x, a[1] + ((x - a[0]) * (b[1] - a[1])) / (b[0] - a[0])];
const atY = (a: XY, b: XY, y: number): XY => [a[0] + ((y - a[1]) * (b[0] - a[0])) / (b[1] - a[1]), y];
