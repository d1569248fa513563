// Seeds and grows regions over a set of nodes: k-means++ style spread of seeds (seeded PRNG),
// then balanced growth (the least populated region takes its nearest free frontier node next),
// then a few Lloyd rounds (re-seed at the node nearest each region's population centre and grow again).
import { MinHeap } from './min-heap';
import { placeNode, type Partition } from './partition';
import { pickSeeds } from './seed-spread';

/** Heaps reused by every growth of one growRegions call: one per region, and one over the regions. */
interface GrowHeaps {
  readonly regionHeap: MinHeap;
  readonly frontier: MinHeap[];
}

/**
 * Grows the regions from their seeds over `nodes` (marked in p.growing). A free node enters a
 * region's frontier keyed by its distance to the seed; pushing it again onto the frontier that
 * pushed it last is skipped, as that heap already holds the same (key, node).
 */
function growFrom(
  p: Partition,
  nodes: readonly number[],
  seeds: readonly number[],
  regionIds: readonly number[],
  heaps: GrowHeaps,
): void {
  const { g, growing } = p;
  for (const i of nodes) {
    placeNode(p, i, -1);
    growing[i] = 1;
  }
  const { regionHeap, frontier } = heaps;
  regionHeap.clear();
  for (const heap of frontier) heap.clear();
  const pushNeighbours = (slot: number, i: number) => {
    const sx = g.x[seeds[slot]];
    const sy = g.y[seeds[slot]];
    for (let k = g.adjStart[i]; k < g.adjStart[i + 1]; k++) {
      const v = g.adj[k];
      if (growing[v] === 0 || growing[v] === slot + 2 || p.label[v] !== -1) continue;
      growing[v] = slot + 2;
      frontier[slot].push(v, (g.x[v] - sx) ** 2 + (g.y[v] - sy) ** 2);
    }
  };
  seeds.forEach((s, slot) => {
    placeNode(p, s, regionIds[slot]);
    pushNeighbours(slot, s);
    regionHeap.push(slot, p.pop[regionIds[slot]]);
  });
  while (regionHeap.size) {
    const slot = regionHeap.peek();
    let next = frontier[slot].pop();
    while (next !== -1 && p.label[next] !== -1) next = frontier[slot].pop();
    if (next === -1) {
      regionHeap.pop();
      continue;
    }
    placeNode(p, next, regionIds[slot]);
    pushNeighbours(slot, next);
    regionHeap.replaceTop(slot, p.pop[regionIds[slot]]);
  }
  // Nodes no seed could reach (a piece of the set without a seed) join a neighbouring region.
  let stray = nodes.filter((i) => p.label[i] === -1);
  while (stray.length) {
    const left: number[] = [];
    for (const i of stray) {
      let to = -1;
      for (let k = g.adjStart[i]; k < g.adjStart[i + 1] && to === -1; k++) {
        const v = g.adj[k];
        if (growing[v] !== 0 && p.label[v] !== -1) to = p.label[v];
      }
      if (to === -1) left.push(i);
      else placeNode(p, i, to);
    }
    if (left.length === stray.length) {
      for (const i of left) placeNode(p, i, regionIds[0]);
      break;
    }
    stray = left;
  }
}

function nodeNearestCentre(p: Partition, r: number): number {
  const { g } = p;
  let wx = 0;
  let wy = 0;
  let w = 0;
  const nodes = p.members[r];
  for (const i of nodes) {
    // Population-weighted: seeds move to where people are, so regions start closer to balanced.
    const wi = g.population[i] + 1;
    wx += g.x[i] * wi;
    wy += g.y[i] * wi;
    w += wi;
  }
  const cx = wx / w;
  const cy = wy / w;
  let best = -1;
  let bestD = Infinity;
  for (const i of nodes) {
    const d = (g.x[i] - cx) ** 2 + (g.y[i] - cy) ** 2;
    if (d < bestD || (d === bestD && i < best)) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/**
 * Partitions `nodes` (one connected set) into `regionIds.length` regions, overwriting their
 * labels. Deterministic for a given `random` state.
 */
export function growRegions(
  p: Partition,
  nodes: readonly number[],
  regionIds: readonly number[],
  random: () => number,
  lloydRounds = 2,
): void {
  const m = Math.min(regionIds.length, nodes.length);
  let seeds = pickSeeds(p.g, nodes, m, random);
  const ids = regionIds.slice(0, m);
  const heaps = { regionHeap: new MinHeap(), frontier: ids.map(() => new MinHeap()) };
  growFrom(p, nodes, seeds, ids, heaps);
  for (let round = 0; round < lloydRounds; round++) {
    const next = ids.map((r) => nodeNearestCentre(p, r));
    if (next.some((s) => s === -1) || next.every((s, k) => s === seeds[k])) break;
    seeds = next;
    growFrom(p, nodes, seeds, ids, heaps);
  }
  for (const i of nodes) p.growing[i] = 0;
}
