// Small statistical areas (LSOAs) as a mesh of shared vertex ids, so a network's footprint is the
// union of its areas by edge cancellation (dissolveSites), exactly as with practice cells.
// Published LSOA layers are nearly topological: about 98% of edges have an exact reverse twin in
// the neighbour. The rest are the coast and the layer's outline, plus small mismatches where one
// side has a vertex the other lacks (a T-junction) or the two sides' vertices differ by a little.
// Vertices within `snapMetres` become one vertex, and every still-unmatched edge takes in the
// unmatched vertices lying within `snapMetres` of it, after which those edges find their twins.
import type { Position } from 'geojson';
import type { CellMesh } from './dissolve-sites';
import { EdgeSites } from './edge-sites';
import { projectionAt, type Projection } from './projection';
import { signedAreaOfIds } from './ring-math';
import { VertexIndex } from './vertex-index';

/** Default snap distance: a metre, well under LSOA generalisation yet above coordinate rounding (6 decimals ~ 0.1 m). */
const SMALL_AREA_SNAP_METRES = 1;

export interface SmallAreaMesh extends CellMesh {
  readonly projection: Projection;
  /** Edges that had no exact twin before snapping. */
  readonly unmatchedBefore: number;
  /** Edges with no twin after snapping: the outline of the layer and any gaps or overlaps left. */
  readonly unmatchedAfter: number;
  readonly edgeCount: number;
  /** Per area: a projected point inside it ([x0, y0, x1, y1, ...]), when computed ahead (withInsidePoints). */
  readonly insideXY?: Float64Array;
}

/**
 * One mesh cell per area; `areas[i]` is area i's polygons (rings of [lon, lat], closed or not).
 * Example: `dissolveSites(buildSmallAreaMesh(lsoaPolygons), [0, 1]).geometry` is the union of two LSOAs.
 */
export function buildSmallAreaMesh(
  areas: readonly (readonly Position[][][])[],
  snapMetres = SMALL_AREA_SNAP_METRES,
): SmallAreaMesh {
  const { projection, positions } = centredProjection(areas);
  // Neighbouring areas repeat each other's vertices: about half the positions are distinct.
  const vertices = new VertexIndex(snapMetres, positions / 2);
  const rings: { ids: Int32Array; hole: boolean }[][] = areas.map((polygons) => {
    const out: { ids: Int32Array; hole: boolean }[] = [];
    for (const poly of polygons) {
      poly.forEach((ring, k) => {
        const ids = ringIds(ring, projection, vertices);
        if (ids) out.push({ ids, hole: k > 0 });
      });
    }
    return out;
  });
  const vertexXY = vertices.coordinates();
  const nV = vertices.count;
  const oriented = rings.map((cell) => cell.map((r) => orient(r.ids, r.hole, vertexXY)));
  const before = unmatchedEdges(oriented, nV);
  const after = nodeUnmatched(oriented, before.edges, vertexXY, snapMetres) > 0 ? unmatchedEdges(oriented, nV) : before;

  const vertexLonLat = new Float64Array(nV * 2);
  for (let v = 0; v < nV; v++) {
    const [lon, lat] = projection.inverse(vertexXY[v * 2], vertexXY[v * 2 + 1]);
    vertexLonLat[v * 2] = lon;
    vertexLonLat[v * 2 + 1] = lat;
  }
  const cellAreaKm2 = new Float64Array(areas.length);
  oriented.forEach((cell, i) => {
    let a = 0;
    for (const r of cell) a += signedAreaOfIds(r, vertexXY);
    cellAreaKm2[i] = a / 1e6;
  });
  return {
    projection,
    vertexXY,
    vertexLonLat,
    cellRings: oriented,
    cellAreaKm2,
    edgeSite: after.edgeSite,
    unmatchedBefore: before.edges.length,
    unmatchedAfter: after.edges.length,
    edgeCount: after.total,
  };
}

/** A projection centred on the middle of the outer rings' extent, and how many positions the rings hold. */
function centredProjection(areas: readonly (readonly Position[][][])[]): { projection: Projection; positions: number } {
  let minLon = Infinity,
    maxLon = -Infinity,
    minLat = Infinity,
    maxLat = -Infinity;
  let positions = 0;
  for (const polygons of areas) {
    for (const poly of polygons) {
      for (const ring of poly) positions += ring.length;
      for (const p of poly[0] ?? []) {
        if (p[0] < minLon) minLon = p[0];
        if (p[0] > maxLon) maxLon = p[0];
        if (p[1] < minLat) minLat = p[1];
        if (p[1] > maxLat) maxLat = p[1];
      }
    }
  }
  const projection = Number.isFinite(minLon)
    ? projectionAt((minLon + maxLon) / 2, (minLat + maxLat) / 2)
    : projectionAt(0, 0);
  return { projection, positions };
}

/** Ring -> vertex ids without repeats (not closed); null when fewer than 3 remain. */
function ringIds(ring: readonly Position[], projection: Projection, vertices: VertexIndex): Int32Array | null {
  const ids: number[] = [];
  for (const p of ring) {
    const [x, y] = projection.forward(p[0], p[1]);
    const id = vertices.id(x, y);
    if (ids.length === 0 || ids[ids.length - 1] !== id) ids.push(id);
  }
  while (ids.length > 1 && ids[0] === ids[ids.length - 1]) ids.pop();
  if (ids.length < 3) return null;
  return Int32Array.from(ids);
}

/** Outer rings counter-clockwise, holes clockwise (the mesh's convention, as for cells). */
function orient(r: Int32Array, hole: boolean, xy: Float64Array): Int32Array {
  if (signedAreaOfIds(r, xy) > 0 === hole) r.reverse();
  return r;
}

interface Unmatched {
  readonly edgeSite: EdgeSites;
  /** [cell, ring, position] of every edge without a reverse twin. */
  readonly edges: [number, number, number][];
  readonly total: number;
}

function unmatchedEdges(cells: readonly Int32Array[][], nV: number): Unmatched {
  const edgeSite = new EdgeSites(cells, nV);
  let total = 0;
  for (const rings of cells) for (const r of rings) total += r.length;
  const edges: [number, number, number][] = [];
  cells.forEach((rings, c) => {
    rings.forEach((r, k) => {
      for (let i = 0; i < r.length; i++)
        if (edgeSite.owner(r[(i + 1) % r.length], r[i]) === undefined) edges.push([c, k, i]);
    });
  });
  return { edgeSite, edges, total };
}

/**
 * Inserts into every unmatched edge the unmatched edges' vertices that lie within `tol` of its
 * interior, ordered along it; returns how many rings changed. Only vertices of unmatched edges can be T-junctions: where one side
 * has a vertex the other lacks, neither side's edges there have twins.
 */
function nodeUnmatched(
  cells: Int32Array[][],
  edges: readonly [number, number, number][],
  xy: Float64Array,
  tol: number,
): number {
  const candidates = new Set<number>();
  for (const [c, k, i] of edges) {
    const r = cells[c][k];
    candidates.add(r[i]);
    candidates.add(r[(i + 1) % r.length]);
  }
  const grid = new PointGrid([...candidates], xy, 200);
  const inserts = new Map<string, Map<number, number[]>>();
  for (const [c, k, i] of edges) {
    const r = cells[c][k];
    const a = r[i],
      b = r[(i + 1) % r.length];
    const on = grid.nearSegment(a, b, tol);
    if (on.length === 0) continue;
    const key = `${c}:${k}`;
    const byPos = inserts.get(key) ?? new Map<number, number[]>();
    byPos.set(i, on);
    inserts.set(key, byPos);
  }
  for (const [key, byPos] of inserts) {
    const [c, k] = key.split(':').map(Number);
    const r = cells[c][k];
    const out: number[] = [];
    for (let i = 0; i < r.length; i++) {
      out.push(r[i]);
      for (const v of byPos.get(i) ?? []) if (out[out.length - 1] !== v) out.push(v);
    }
    cells[c][k] = Int32Array.from(out);
  }
  return inserts.size;
}

/** Vertex ids bucketed on a square grid, for "which of these vertices lie near this segment". */
class PointGrid {
  private readonly bins = new Map<number, number[]>();

  constructor(
    ids: readonly number[],
    private readonly xy: Float64Array,
    private readonly size: number,
  ) {
    for (const v of ids) {
      const key = this.key(Math.floor(xy[v * 2] / size), Math.floor(xy[v * 2 + 1] / size));
      const bin = this.bins.get(key);
      if (bin) bin.push(v);
      else this.bins.set(key, [v]);
    }
  }

  private key(gx: number, gy: number): number {
    return (gx + 2 ** 20) * 2 ** 21 + (gy + 2 ** 20);
  }

  /** Vertices strictly inside segment a-b (not its ends) within `tol`, ordered from a to b. */
  nearSegment(a: number, b: number, tol: number): number[] {
    const xy = this.xy;
    const ax = xy[a * 2],
      ay = xy[a * 2 + 1],
      bx = xy[b * 2],
      by = xy[b * 2 + 1];
    const dx = bx - ax,
      dy = by - ay;
    const len2 = dx * dx + dy * dy;
    if (len2 === 0) return [];
    const x0 = Math.floor((Math.min(ax, bx) - tol) / this.size),
      x1 = Math.floor((Math.max(ax, bx) + tol) / this.size);
    const y0 = Math.floor((Math.min(ay, by) - tol) / this.size),
      y1 = Math.floor((Math.max(ay, by) + tol) / this.size);
    const found: [number, number][] = [];
    for (let gx = x0; gx <= x1; gx++) {
      for (let gy = y0; gy <= y1; gy++) {
        for (const v of this.bins.get(this.key(gx, gy)) ?? []) {
          if (v === a || v === b) continue;
          const t = ((xy[v * 2] - ax) * dx + (xy[v * 2 + 1] - ay) * dy) / len2;
          if (t <= 0 || t >= 1) continue;
          const ex = ax + t * dx - xy[v * 2],
            ey = ay + t * dy - xy[v * 2 + 1];
          if (ex * ex + ey * ey <= tol * tol) found.push([t, v]);
        }
      }
    }
    return found.sort((p, q) => p[0] - q[0]).map((f) => f[1]);
  }
}
