// Why a region is still out of band after clustering: a site above the maximum, a cut-off group
// too small for a network, a cut-off group that no division can fit in the band, or unresolved.
import { partsForPopulation } from './scratch-start';
import type { Partition } from './partition';
import { UNAVOIDABLE_REASON, type UnavoidableReason } from './types';

export function classifyOutOfBand(p: Partition, r: number, targetSize: number): UnavoidableReason {
  const { g, band } = p;
  if (p.members[r].some((i) => g.population[i] > band.max) && p.size[r] === 1)
    return UNAVOIDABLE_REASON.practiceAboveMax;
  // The connected group (ignoring sites above the maximum, which stand alone) holding region r.
  const start = p.members[r][0];
  const seen = new Set([start]);
  const queue = [start];
  let total = 0;
  for (let k = 0; k < queue.length; k++) {
    const u = queue[k];
    total += g.population[u];
    for (let e = g.adjStart[u]; e < g.adjStart[u + 1]; e++) {
      const v = g.adj[e];
      if (!seen.has(v) && g.population[v] <= band.max) {
        seen.add(v);
        queue.push(v);
      }
    }
  }
  if (total < band.min) return UNAVOIDABLE_REASON.isolatedBelowMin;
  const parts = partsForPopulation(total, band, targetSize);
  if (parts * band.min > total || parts * band.max < total) return UNAVOIDABLE_REASON.cannotFitBand;
  return UNAVOIDABLE_REASON.unresolved;
}
