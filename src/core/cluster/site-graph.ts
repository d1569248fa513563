// The clustering works on sites (co-located practices share one cell), as a compact graph:
// per-site population, position, cell area and perimeter, and edge adjacency in CSR form.
import { floodFill } from '../geometry/flood-fill';
import type { Practice } from '../model';
import { cellPerimeterMetres } from '../plan/network-figures';
import type { ClusterTessellation } from './types';

export interface SiteGraph {
  readonly n: number;
  /** Local node -> tessellation site index. */
  readonly site: Int32Array;
  readonly population: Float64Array;
  readonly practiceCount: Int32Array;
  /** Projected position, metres. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly areaM2: Float64Array;
  /** Full perimeter of the cell (holes included), metres. */
  readonly perimeterMetres: Float64Array;
  /** Neighbours of node i are adj[adjStart[i] .. adjStart[i+1]). */
  readonly adjStart: Int32Array;
  readonly adj: Int32Array;
  /** Length of the shared edge, metres; 0 for the link of a site whose cell misses the area. */
  readonly edgeMetres: Float64Array;
}

/** Site-level attributes for every tessellation site (population = sum of its practices' list sizes). */
export function siteAttributes(t: ClusterTessellation, practices: readonly Practice[]) {
  const n = t.sites.length;
  const population = new Float64Array(n);
  const practiceCount = new Int32Array(n);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const areaM2 = new Float64Array(n);
  const perimeterMetres = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const site = t.sites[s];
    x[s] = site.x;
    y[s] = site.y;
    for (const p of site.practices) population[s] += practices[p].listSize;
    practiceCount[s] = site.practices.length;
    areaM2[s] = t.cellAreaKm2[s] * 1e6;
    perimeterMetres[s] = cellPerimeterMetres(t, s);
  }
  return { population, practiceCount, x, y, areaM2, perimeterMetres };
}

/**
 * The graph over the tessellation sites with `keep[s]` true, local ids in ascending site order.
 * Edges join sites of the same `group` only (hard-boundary areas; pass null for none).
 * A kept site with no kept neighbour and no cell area (its cell misses the study area, e.g. a
 * practice just outside the boundary) gets a zero-length link to the nearest kept site of its
 * group that has a cell: it adds nothing to any footprint, so joining it cannot split one.
 */
export function buildSiteGraph(
  t: ClusterTessellation,
  attrs: ReturnType<typeof siteAttributes>,
  keep: Uint8Array,
  group: Int32Array | null,
): SiteGraph {
  const local = new Int32Array(t.sites.length).fill(-1);
  const sites: number[] = [];
  for (let s = 0; s < t.sites.length; s++) if (keep[s]) local[s] = sites.push(s) - 1;
  const n = sites.length;
  const sameGroup = (a: number, b: number) => group === null || group[a] === group[b];

  const lists: { to: number[]; len: number[] }[] = sites.map(() => ({ to: [], len: [] }));
  for (let i = 0; i < n; i++) {
    const s = sites[i];
    const nb = t.neighbours[s];
    const len = t.sharedEdgeMetres[s];
    for (let k = 0; k < nb.length; k++) {
      const j = local[nb[k]];
      if (j === -1 || !sameGroup(s, nb[k])) continue;
      lists[i].to.push(j);
      lists[i].len.push(len[k]);
    }
  }
  for (let i = 0; i < n; i++) {
    const s = sites[i];
    if (lists[i].to.length > 0 || attrs.areaM2[s] > 0) continue;
    let best = -1;
    let bestD = Infinity;
    for (let j = 0; j < n; j++) {
      const o = sites[j];
      if (j === i || attrs.areaM2[o] <= 0 || !sameGroup(s, o)) continue;
      const d = (attrs.x[o] - attrs.x[s]) ** 2 + (attrs.y[o] - attrs.y[s]) ** 2;
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    }
    if (best === -1) continue;
    lists[i].to.push(best);
    lists[i].len.push(0);
    lists[best].to.push(i);
    lists[best].len.push(0);
  }

  const adjStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) adjStart[i + 1] = adjStart[i] + lists[i].to.length;
  const adj = new Int32Array(adjStart[n]);
  const edgeMetres = new Float64Array(adjStart[n]);
  for (let i = 0; i < n; i++) {
    adj.set(lists[i].to, adjStart[i]);
    edgeMetres.set(lists[i].len, adjStart[i]);
  }
  const pick = (a: Float64Array) => Float64Array.from(sites, (s) => a[s]);
  return {
    n,
    site: Int32Array.from(sites),
    population: pick(attrs.population),
    practiceCount: Int32Array.from(sites, (s) => attrs.practiceCount[s]),
    x: pick(attrs.x),
    y: pick(attrs.y),
    areaM2: pick(attrs.areaM2),
    perimeterMetres: pick(attrs.perimeterMetres),
    adjStart,
    adj,
    edgeMetres,
  };
}

/** Connected components: label per node (0..count-1, numbered by lowest node) restricted to `inSet` when given. */
export function components(g: SiteGraph, inSet?: (i: number) => boolean): { label: Int32Array; count: number } {
  const label = new Int32Array(g.n).fill(-1);
  let count = 0;
  const stack: number[] = [];
  const enter = (v: number) => {
    if (label[v] !== -1 || (inSet && !inSet(v))) return false;
    label[v] = count;
    return true;
  };
  for (let i = 0; i < g.n; i++) {
    if (label[i] !== -1 || (inSet && !inSet(i))) continue;
    label[i] = count;
    floodFill(g, i, enter, stack);
    count++;
  }
  return { label, count };
}
