import type { Network, NetworkId } from '../model';
import type { NetworkSummary } from './types';

/** Plan-wide counts, in network order. */
export function planAggregates(networks: readonly Network[], summaries: ReadonlyMap<NetworkId, NetworkSummary>) {
  let inBand = 0;
  const outOfBand: NetworkId[] = [];
  const nonContiguous: NetworkId[] = [];
  for (const n of networks) {
    const s = summaries.get(n.id)!;
    if (s.band === 'within') inBand++;
    else outOfBand.push(n.id);
    if (s.parts > 0 && !s.contiguous) nonContiguous.push(n.id);
  }
  return { inBand, outOfBand, nonContiguous };
}
