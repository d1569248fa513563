// The one directed-edge map of the core: which site's ring holds each directed edge a -> b of a
// cell mesh (Voronoi cells, small areas, cell pieces, network footprints), and from it each
// cell's neighbours across edges with a reverse twin and the length shared with each. Stored as compressed rows
// (for each start vertex, its outgoing edges) in typed arrays rather than a Map keyed by
// a * vertexCount + b: those keys pass 2^30, where V8 stores them as boxed doubles, and a national
// mesh has ~35,000 of them (100,000 sites: ~600,000), so the Map cost most of the adjacency time
// and memory.
import { hypot } from './ring-math';

/** Read side shared by every mesh: `get(from * vertexCount + to)` -> site, as Map#get does. */
export interface EdgeSiteLookup {
  get(key: number): number | undefined;
  /** Site of the edge from -> to, or undefined: `get` without building the key (a double past 2^30). */
  owner(from: number, to: number): number | undefined;
}

/** EdgeSites' tables, plain typed arrays so a worker can transfer them. */
export interface EdgeSiteArrays {
  readonly start: Int32Array;
  readonly to: Int32Array;
  readonly site: Int32Array;
}

export class EdgeSites implements EdgeSiteLookup {
  private readonly start: Int32Array;
  private readonly to: Int32Array;
  private readonly site: Int32Array;

  /**
   * From `cellRings[site]`: rings of vertex ids (not closed); edges run from each id to the next.
   * Or from the tables of another EdgeSites (`arrays()`), e.g. after a transfer from a worker.
   */
  constructor(
    cells: readonly (readonly Int32Array[])[] | EdgeSiteArrays,
    private readonly vertexCount: number,
  ) {
    const tables = Array.isArray(cells) ? buildTables(cells, vertexCount) : (cells as EdgeSiteArrays);
    this.start = tables.start;
    this.to = tables.to;
    this.site = tables.site;
  }

  arrays(): EdgeSiteArrays {
    return { start: this.start, to: this.to, site: this.site };
  }

  /** Site of the edge from -> to, or undefined; the last ring listed wins, as with Map#set. */
  owner(from: number, to: number): number | undefined {
    for (let k = this.start[from + 1] - 1; k >= this.start[from]; k--) if (this.to[k] === to) return this.site[k];
    return undefined;
  }

  get(key: number): number | undefined {
    const from = Math.floor(key / this.vertexCount);
    const to = key - from * this.vertexCount;
    return from >= 0 && from < this.vertexCount ? this.owner(from, to) : undefined;
  }
}

function buildTables(cellRings: readonly (readonly Int32Array[])[], vertexCount: number): EdgeSiteArrays {
  const start = new Int32Array(vertexCount + 1);
  let edges = 0;
  for (const rings of cellRings) {
    for (const r of rings) {
      for (let i = 0; i < r.length; i++) start[r[i] + 1]++;
      edges += r.length;
    }
  }
  for (let v = 0; v < vertexCount; v++) start[v + 1] += start[v];
  const fill = start.slice(0, vertexCount);
  const to = new Int32Array(edges);
  const site = new Int32Array(edges);
  cellRings.forEach((rings, s) => {
    for (const r of rings) {
      for (let i = 0; i < r.length; i++) {
        const k = fill[r[i]]++;
        to[k] = i + 1 < r.length ? r[i + 1] : r[0];
        site[k] = s;
      }
    }
  });
  return { start, to, site };
}

/**
 * Neighbours of cell `self` (its rings' edges whose reverse edge another cell holds) and the edge
 * length shared with each, metres, in the order first met; written into `others` and `lengths`,
 * which are cleared first. Example: two unit squares side by side give others [1], lengths [1].
 */
export function sharedEdges(
  rings: readonly Int32Array[],
  self: number,
  edges: EdgeSites,
  xy: Float64Array,
  others: number[],
  lengths: number[],
): void {
  others.length = lengths.length = sharedEdgesInto(rings, self, edges, xy, others, lengths);
}

/**
 * sharedEdges written from index 0 of `others` and `lengths` without clearing them first (setting
 * an array's length to 0 drops its storage, and the next push allocates it again): returns how
 * many entries are the cell's; entries past them are stale.
 */
function sharedEdgesInto(
  rings: readonly Int32Array[],
  self: number,
  edges: EdgeSites,
  xy: Float64Array,
  others: number[],
  lengths: number[],
): number {
  let count = 0;
  for (const r of rings) {
    for (let i = 0; i < r.length; i++) {
      const a = r[i],
        b = i + 1 < r.length ? r[i + 1] : r[0];
      const other = edges.owner(b, a);
      if (other === undefined || other === self) continue;
      const len = hypot(xy[b * 2] - xy[a * 2], xy[b * 2 + 1] - xy[a * 2 + 1]);
      let k = 0;
      while (k < count && others[k] !== other) k++;
      if (k === count) {
        others[count] = other;
        lengths[count++] = len;
      } else lengths[k] += len;
    }
  }
  return count;
}

/**
 * The edge map and adjacency of a mesh: per cell, the cells sharing an edge of positive length
 * (ascending) and that length in metres. `cellRings[cell]`: rings of vertex ids (not closed).
 * Each cell's lists are views into two shared arrays: 200,000 typed arrays of their own were
 * a tenth of a 100,000-site run's allocations.
 */
export function meshAdjacency(cellRings: readonly (readonly Int32Array[])[], xy: Float64Array, nV: number) {
  const edgeSite = new EdgeSites(cellRings, nV);
  const n = cellRings.length;
  const start = new Int32Array(n + 1);
  let ids = new Int32Array(Math.max(16, n * 8));
  let metres = new Float64Array(ids.length);
  // A cell has a handful of neighbours: small parallel arrays beat a Map per cell.
  const others: number[] = [];
  const lengths: number[] = [];
  for (let site = 0; site < n; site++) {
    const found = sharedEdgesInto(cellRings[site], site, edgeSite, xy, others, lengths);
    // Insertion sort by neighbour (a handful each), dropping zero lengths: no closures or
    // temporary arrays per cell, which at 100,000 cells cost more than the edges themselves.
    let count = 0;
    for (let k = 0; k < found; k++) {
      if (!(lengths[k] > 0)) continue;
      const o = others[k],
        len = lengths[k];
      let j = count++;
      for (; j > 0 && others[j - 1] > o; j--) {
        others[j] = others[j - 1];
        lengths[j] = lengths[j - 1];
      }
      others[j] = o;
      lengths[j] = len;
    }
    const at = start[site];
    if (at + count > ids.length) {
      const grownIds = new Int32Array(Math.max(ids.length * 2, at + count));
      const grownMetres = new Float64Array(grownIds.length);
      grownIds.set(ids);
      grownMetres.set(metres);
      ids = grownIds;
      metres = grownMetres;
    }
    for (let k = 0; k < count; k++) {
      ids[at + k] = others[k];
      metres[at + k] = lengths[k];
    }
    start[site + 1] = at + count;
  }
  const neighbours: Int32Array[] = new Array(n);
  const sharedEdgeMetres: Float64Array[] = new Array(n);
  for (let site = 0; site < n; site++) {
    neighbours[site] = ids.subarray(start[site], start[site + 1]);
    sharedEdgeMetres[site] = metres.subarray(start[site], start[site + 1]);
  }
  return { edgeSite, neighbours, sharedEdgeMetres };
}
