// The starting partition for repair: the existing networks, made contiguous. A detached piece
// (or a group of unassigned sites) big enough for a network of its own becomes one; a smaller
// one joins the neighbouring network it shares the longest edge with.
import type { Band } from '../model';
import { growRegions } from './grow-regions';
import { createPartition, newRegion, placeNode, type Partition } from './partition';
import { partsForPopulation } from './scratch-start';
import type { SiteGraph } from './site-graph';

/** Pieces (connected node sets) of region r, largest population first. */
function piecesOf(p: Partition, r: number): number[][] {
  const { g } = p;
  const seen = new Set<number>();
  const pieces: number[][] = [];
  for (const start of [...p.members[r]].sort((a, b) => a - b)) {
    if (seen.has(start)) continue;
    const piece = [start];
    seen.add(start);
    for (let k = 0; k < piece.length; k++) {
      const u = piece[k];
      for (let e = g.adjStart[u]; e < g.adjStart[u + 1]; e++) {
        const v = g.adj[e];
        if (p.label[v] === r && !seen.has(v)) {
          seen.add(v);
          piece.push(v);
        }
      }
    }
    pieces.push(piece);
  }
  const pop = (piece: number[]) => piece.reduce((s, i) => s + g.population[i], 0);
  return pieces.sort((a, b) => pop(b) - pop(a) || Math.min(...a) - Math.min(...b));
}

/** Connected groups of unlabelled nodes. */
function unlabelledGroups(p: Partition): number[][] {
  const { g } = p;
  const seen = new Uint8Array(g.n);
  const groups: number[][] = [];
  for (let i = 0; i < g.n; i++) {
    if (p.label[i] !== -1 || seen[i]) continue;
    const group = [i];
    seen[i] = 1;
    for (let k = 0; k < group.length; k++) {
      const u = group[k];
      for (let e = g.adjStart[u]; e < g.adjStart[u + 1]; e++) {
        const v = g.adj[e];
        if (p.label[v] === -1 && !seen[v]) {
          seen[v] = 1;
          group.push(v);
        }
      }
    }
    groups.push(group);
  }
  return groups;
}

/** The labelled region sharing the longest edge with the group, or -1. */
function bestNeighbour(p: Partition, group: readonly number[]): number {
  const { g } = p;
  const shared = new Map<number, number>();
  for (const i of group) {
    for (let e = g.adjStart[i]; e < g.adjStart[i + 1]; e++) {
      const r = p.label[g.adj[e]];
      if (r !== -1) shared.set(r, (shared.get(r) ?? 0) + g.edgeMetres[e] + 1e-9);
    }
  }
  let best = -1;
  let bestLen = -1;
  for (const [r, len] of [...shared].sort((a, b) => a[0] - b[0])) {
    if (len > bestLen) {
      best = r;
      bestLen = len;
    }
  }
  return best;
}

/**
 * `initial[i]` is the region (existing network index, 0..regions-1) of node i or -1.
 * New regions get indices from `regions` upwards.
 */
export function repairStart(
  g: SiteGraph,
  band: Band,
  initial: Int32Array,
  regions: number,
  targetSize: number,
  random: () => number,
): Partition {
  const label = Int32Array.from(initial);
  const p = createPartition(g, band, label);
  while (p.pop.length < regions) newRegion(p);
  for (let r = 0; r < regions; r++) {
    const pieces = piecesOf(p, r);
    for (const piece of pieces.slice(1)) for (const i of piece) placeNode(p, i, -1);
  }
  for (let guard = 0; guard <= g.n; guard++) {
    const groups = unlabelledGroups(p);
    if (!groups.length) break;
    let progress = false;
    for (const group of groups) {
      const population = group.reduce((s, i) => s + g.population[i], 0);
      const host = bestNeighbour(p, group);
      if (population >= band.min || host === -1) {
        const k = population >= band.min ? partsForPopulation(population, band, targetSize) : 1;
        const ids = Array.from({ length: k }, () => newRegion(p));
        growRegions(p, group, ids, random, 2);
        progress = true;
      } else {
        for (const i of group) placeNode(p, i, host);
        progress = true;
      }
    }
    if (!progress) break;
  }
  return p;
}
