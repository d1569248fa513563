// The common Voronoi cell, read straight from the triangulation: a closed cell whose corners (the
// circumcentres of the Delaunay triangles around its site) all lie strictly inside the diagram's
// box, with no repeated corner and nothing for d3 to simplify, far from every edge of the study
// area. For such a cell d3's cellPolygon is exactly those corners in turn, so the vertex-id ring is
// built from them without the [x, y] arrays, and each circumcentre is looked up in the VertexIndex
// once instead of once per cell around it (three times). Any other cell returns null and takes the
// general path (cellPolygon, clip), so the rings and vertex ids are the ones that path gives.
import type { Voronoi } from 'd3-delaunay';
import type { SegmentIndex } from './segment-index';
import type { VertexIndex } from './vertex-index';

export class InteriorCells {
  /** Per triangle: its circumcentre's vertex id once known to be final, else -1. */
  private readonly triangleVertex: Int32Array;
  /** Scratch, reused by every cell: its corners (triangle indices), then its vertex ids. */
  private corners = new Int32Array(64);
  private ids = new Int32Array(64);
  /** The rings handed out are views into these shared chunks: no buffer of their own per cell. */
  private chunk = new Int32Array(1 << 16);
  private used = 0;

  constructor(
    private readonly voronoi: Voronoi<unknown>,
    private readonly vertices: VertexIndex,
  ) {
    this.triangleVertex = new Int32Array(voronoi.circumcenters.length / 2).fill(-1);
  }

  /**
   * Site i's cell as vertex-id rings, as toIdRings would give them from cellPolygon(i) (one ring,
   * or none when the cell is degenerate or outside the area), or null when the cell is not a
   * plain interior cell.
   */
  rings(i: number, area: SegmentIndex): Int32Array[] | null {
    const n = this.cornerTriangles(i);
    if (n === 0) return null;
    const { corners } = this;
    const c = this.voronoi.circumcenters;
    let bx0 = Infinity,
      by0 = Infinity,
      bx1 = -Infinity,
      by1 = -Infinity,
      sx = 0,
      sy = 0;
    for (let k = 0; k < n; k++) {
      const x = c[corners[k] * 2],
        y = c[corners[k] * 2 + 1];
      bx0 = Math.min(bx0, x);
      bx1 = Math.max(bx1, x);
      by0 = Math.min(by0, y);
      by1 = Math.max(by1, y);
      sx += x;
      sy += y;
    }
    if (area.anyNear(bx0, by0, bx1, by1)) return null;
    if (!area.contains(sx / n, sy / n)) return [];
    return this.idRing(n);
  }

  /**
   * The cell's corners (triangle indices, d3's order) into `corners`; how many, or 0 when d3
   * would clip, simplify or dedupe them.
   */
  private cornerTriangles(i: number): number {
    const { voronoi } = this;
    const { inedges, halfedges, triangles } = voronoi.delaunay;
    const v = voronoi.vectors;
    if (v[i * 4] || v[i * 4 + 1]) return 0;
    const e0 = inedges[i];
    if (e0 === -1) return 0;
    let n = 0;
    let e = e0;
    do {
      if (n === this.corners.length) {
        const grown = new Int32Array(n * 2);
        grown.set(this.corners);
        this.corners = grown;
      }
      this.corners[n++] = Math.floor(e / 3);
      e = e % 3 === 2 ? e - 2 : e + 1;
      if (triangles[e] !== i) return 0;
      e = halfedges[e];
    } while (e !== e0 && e !== -1);
    if (e !== e0 || n < 3) return 0;
    const { corners } = this;
    const c = voronoi.circumcenters;
    const { xmin, ymin, xmax, ymax } = voronoi;
    for (let k = 0; k < n; k++) {
      const x = c[corners[k] * 2],
        y = c[corners[k] * 2 + 1];
      if (!(x > xmin && x < xmax && y > ymin && y < ymax)) return 0;
      // The next two corners round the cell, wrapped without a division.
      const k1 = k + 1 < n ? k + 1 : 0;
      const j = corners[k1],
        l = corners[k1 + 1 < n ? k1 + 1 : 0];
      const xj = c[j * 2],
        yj = c[j * 2 + 1];
      if (x === xj && y === yj) return 0;
      if ((x === xj && xj === c[l * 2]) || (y === yj && yj === c[l * 2 + 1])) return 0;
    }
    return n;
  }

  /** toIdRings for the closed convex cell whose `n` corners are in `corners`. */
  private idRing(n: number): Int32Array[] {
    const { corners } = this;
    const c = this.voronoi.circumcenters;
    if (this.ids.length < n) this.ids = new Int32Array(this.corners.length);
    const ids = this.ids;
    let count = 0;
    let area = 0;
    for (let k = 0; k < n; k++) {
      const t = corners[k];
      const x = c[t * 2],
        y = c[t * 2 + 1];
      let id = this.triangleVertex[t];
      if (id < 0) {
        id = this.vertices.id(x, y);
        if (this.vertices.ownsBin(id, x, y)) this.triangleVertex[t] = id;
      }
      if (count === 0 || ids[count - 1] !== id) ids[count++] = id;
      const u = corners[k + 1 < n ? k + 1 : 0];
      area += x * c[u * 2 + 1] - c[u * 2] * y;
    }
    while (count > 1 && ids[0] === ids[count - 1]) count--;
    if (count < 3) return [];
    area /= 2;
    if (Math.abs(area) < 1e-6) return [];
    if (this.used + count > this.chunk.length) {
      this.chunk = new Int32Array(Math.max(1 << 16, count));
      this.used = 0;
    }
    const ring = this.chunk.subarray(this.used, this.used + count);
    this.used += count;
    for (let k = 0; k < count; k++) ring[k] = ids[k];
    if (!(area > 0)) ring.reverse();
    return [ring];
  }
}
