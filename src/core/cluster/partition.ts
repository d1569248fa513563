// Mutable partition state used inside one clustering run (never escapes it): region of every
// node plus per-region population, area and perimeter kept up to date on every move, so the
// compactness of a move is known in O(degree).
import { floodFill } from '../geometry/flood-fill';
import type { Band } from '../model';
import { polsbyPopper } from '../geometry/polsby-popper';
import type { SiteGraph } from './site-graph';

export interface Partition {
  readonly g: SiteGraph;
  readonly band: Band;
  /** Region of each node, -1 = none. */
  readonly label: Int32Array;
  readonly pop: number[];
  readonly areaM2: number[];
  readonly perimeterMetres: number[];
  readonly size: number[];
  readonly practices: number[];
  /** Members of each region (unordered; regions are small, so removal by search is cheap). */
  readonly members: number[][];
  /** Frozen regions (unavoidable cases) are never changed by moves or re-partitions. */
  readonly frozen: boolean[];
  /** BFS scratch space. */
  readonly stamp: Int32Array;
  stampValue: number;
  /**
   * Scratch of growRegions, all 0 between calls: for a node being grown 1, or 2 + the region
   * slot that last put it on its frontier.
   */
  readonly growing: Int32Array;
}

export function createPartition(g: SiteGraph, band: Band, label: Int32Array): Partition {
  const p: Partition = {
    g,
    band,
    label: Int32Array.from(label),
    pop: [],
    areaM2: [],
    perimeterMetres: [],
    size: [],
    practices: [],
    members: [],
    frozen: [],
    stamp: new Int32Array(g.n),
    stampValue: 0,
    growing: new Int32Array(g.n),
  };
  let regions = 0;
  for (let i = 0; i < g.n; i++) regions = Math.max(regions, p.label[i] + 1);
  for (let r = 0; r < regions; r++) newRegion(p);
  for (let i = 0; i < g.n; i++) {
    const r = p.label[i];
    if (r === -1) continue;
    p.label[i] = -1;
    placeNode(p, i, r);
  }
  return p;
}

export function newRegion(p: Partition): number {
  p.pop.push(0);
  p.areaM2.push(0);
  p.perimeterMetres.push(0);
  p.size.push(0);
  p.practices.push(0);
  p.members.push([]);
  p.frozen.push(false);
  return p.pop.length - 1;
}

/** Edge length (metres) between node i and the members of region r other than i. */
function sharedMetres(p: Partition, i: number, r: number): number {
  const { g } = p;
  let sum = 0;
  for (let k = g.adjStart[i]; k < g.adjStart[i + 1]; k++) if (p.label[g.adj[k]] === r) sum += g.edgeMetres[k];
  return sum;
}

/** Puts node i (currently in no region, or in another one) into region r; r = -1 removes it. */
export function placeNode(p: Partition, i: number, r: number): void {
  const { g } = p;
  const from = p.label[i];
  if (from === r) return;
  if (from !== -1) {
    const shared = sharedMetres(p, i, from);
    p.pop[from] -= g.population[i];
    p.areaM2[from] -= g.areaM2[i];
    p.perimeterMetres[from] -= g.perimeterMetres[i] - 2 * shared;
    p.size[from] -= 1;
    p.practices[from] -= g.practiceCount[i];
    const list = p.members[from];
    const at = list.indexOf(i);
    list[at] = list[list.length - 1];
    list.pop();
  }
  p.label[i] = -1;
  if (r === -1) return;
  const shared = sharedMetres(p, i, r);
  p.label[i] = r;
  p.pop[r] += g.population[i];
  p.areaM2[r] += g.areaM2[i];
  p.perimeterMetres[r] += g.perimeterMetres[i] - 2 * shared;
  p.size[r] += 1;
  p.practices[r] += g.practiceCount[i];
  p.members[r].push(i);
}

export function regionPP(p: Partition, r: number): number {
  return polsbyPopper(p.areaM2[r], p.perimeterMetres[r]);
}

/** How far a population is outside the band (0 inside). */
export function violation(pop: number, band: Band): number {
  return pop < band.min ? band.min - pop : pop > band.max ? pop - band.max : 0;
}

/** Area and perimeter region r would have after gaining (+1) or losing (-1) node i. */
export function shapeAfter(
  p: Partition,
  i: number,
  r: number,
  sign: 1 | -1,
): { areaM2: number; perimeterMetres: number } {
  const shared = sharedMetres(p, i, r);
  return {
    areaM2: p.areaM2[r] + sign * p.g.areaM2[i],
    perimeterMetres: p.perimeterMetres[r] + sign * (p.g.perimeterMetres[i] - 2 * shared),
  };
}

/** True when region label[i] stays connected (and non-empty) without node i. */
export function canRemove(p: Partition, i: number): boolean {
  const { g, label } = p;
  const r = label[i];
  if (r === -1 || p.size[r] <= 1) return false;
  let start = -1;
  let inside = 0;
  for (let k = g.adjStart[i]; k < g.adjStart[i + 1]; k++) {
    if (label[g.adj[k]] === r) {
      inside++;
      if (start === -1) start = g.adj[k];
    }
  }
  if (inside === 0) return false;
  if (inside === 1 || p.size[r] === 2) return true;
  const stamp = ++p.stampValue;
  p.stamp[i] = stamp;
  p.stamp[start] = stamp;
  const reached = floodFill(g, start, (v) => {
    if (label[v] !== r || p.stamp[v] === stamp) return false;
    p.stamp[v] = stamp;
    return true;
  });
  return reached === p.size[r] - 1;
}

/**
 * Writes the unfrozen regions adjacent to node i other than its own into `out` (room for node
 * i's degree), ascending, and returns how many; allocates nothing, for loops over every node.
 */
export function unfrozenAdjacentRegions(p: Partition, i: number, out: Int32Array): number {
  const { g, label } = p;
  const own = label[i];
  let n = 0;
  for (let k = g.adjStart[i]; k < g.adjStart[i + 1]; k++) {
    const r = label[g.adj[k]];
    if (r === -1 || r === own || p.frozen[r]) continue;
    let j = n;
    while (j > 0 && out[j - 1] > r) j--;
    if (j > 0 && out[j - 1] === r) continue;
    out.copyWithin(j + 1, j, n);
    out[j] = r;
    n++;
  }
  return n;
}

/** Regions adjacent to node i other than its own, ascending. */
export function adjacentRegions(p: Partition, i: number): number[] {
  const { g } = p;
  const out: number[] = [];
  const own = p.label[i];
  for (let k = g.adjStart[i]; k < g.adjStart[i + 1]; k++) {
    const r = p.label[g.adj[k]];
    if (r !== -1 && r !== own && !out.includes(r)) out.push(r);
  }
  return out.sort((a, b) => a - b);
}

/** Members of region r, ascending. */
export function membersOf(p: Partition, r: number): number[] {
  return [...p.members[r]].sort((a, b) => a - b);
}
