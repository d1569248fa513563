// The starting partition when clustering from scratch: unavoidable cases first (a site above
// the maximum is a network of its own; a connected group below the minimum is one network),
// then k = total / target seeded regions grown in every remaining connected group.
import type { Band } from '../model';
import { growRegions } from './grow-regions';
import { createPartition, newRegion, placeNode, type Partition } from './partition';
import { components, type SiteGraph } from './site-graph';
import { UNAVOIDABLE_REASON, type UnavoidableReason } from './types';

export interface StartOptions {
  readonly targetSize: number;
  readonly count?: number;
  readonly random: () => number;
}

export interface Start {
  readonly partition: Partition;
  /** Why a frozen region exists. */
  readonly reasons: Map<number, UnavoidableReason>;
}

/** Number of networks for a group of this population: around total / target, within what the band allows. */
export function partsForPopulation(population: number, band: Band, targetSize: number): number {
  const lo = Math.max(1, Math.ceil(population / band.max));
  const hi = Math.floor(population / band.min);
  const aim = Math.max(1, Math.round(population / targetSize));
  return lo <= hi ? Math.min(hi, Math.max(lo, aim)) : aim;
}

/** Splits `count` over groups in proportion to population (largest remainder, at least 1 each). */
function apportion(count: number, populations: readonly number[]): number[] {
  const total = populations.reduce((s, x) => s + x, 0) || 1;
  const quotas = populations.map((x) => (count * x) / total);
  const parts = quotas.map((q) => Math.max(1, Math.floor(q)));
  let left = count - parts.reduce((s, x) => s + x, 0);
  const order = quotas.map((q, i) => ({ i, rem: q - Math.floor(q) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k].i]++;
  return parts;
}

export function scratchStart(g: SiteGraph, band: Band, opts: StartOptions): Start {
  const p = createPartition(g, band, new Int32Array(g.n).fill(-1));
  const reasons = new Map<number, UnavoidableReason>();
  const oversize = (i: number) => g.population[i] > band.max;
  for (let i = 0; i < g.n; i++) {
    if (!oversize(i)) continue;
    const r = newRegion(p);
    placeNode(p, i, r);
    p.frozen[r] = true;
    reasons.set(r, UNAVOIDABLE_REASON.practiceAboveMax);
  }
  const comps = components(g, (i) => !oversize(i));
  const groups: number[][] = Array.from({ length: comps.count }, () => []);
  for (let i = 0; i < g.n; i++) if (comps.label[i] !== -1) groups[comps.label[i]].push(i);
  const totals = groups.map((nodes) => nodes.reduce((s, i) => s + g.population[i], 0));

  const growable: number[] = [];
  groups.forEach((nodes, c) => {
    if (totals[c] >= band.min) {
      growable.push(c);
      return;
    }
    // A small group fenced off by a practice above the maximum joins that practice's network
    // (already out of band) rather than making a second out-of-band network.
    let host = -1;
    let hostEdge = -1;
    for (const i of nodes) {
      for (let k = g.adjStart[i]; k < g.adjStart[i + 1]; k++) {
        const r = p.label[g.adj[k]];
        if (r !== -1 && oversize(g.adj[k]) && g.edgeMetres[k] > hostEdge) {
          host = r;
          hostEdge = g.edgeMetres[k];
        }
      }
    }
    const r = host !== -1 ? host : newRegion(p);
    for (const i of nodes) placeNode(p, i, r);
    if (host === -1) {
      p.frozen[r] = true;
      reasons.set(r, UNAVOIDABLE_REASON.isolatedBelowMin);
    }
  });

  const frozenCount = p.pop.length;
  const ks =
    opts.count !== undefined
      ? apportion(
          Math.max(growable.length, opts.count - frozenCount),
          growable.map((c) => totals[c]),
        )
      : growable.map((c) => partsForPopulation(totals[c], band, opts.targetSize));
  growable.forEach((c, k) => {
    const ids = Array.from({ length: ks[k] }, () => newRegion(p));
    growRegions(p, groups[c], ids, opts.random, 5);
  });
  return { partition: p, reasons };
}
