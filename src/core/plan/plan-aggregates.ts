import type { Network, NetworkId } from '../model';
import type { NetworkSummary } from './types';

/** Whether a network's footprint is in more than one piece (it has one, and it is not contiguous). */
export const isNonContiguous = (s: NetworkSummary): boolean => s.parts > 0 && !s.contiguous;

/** Plan-wide counts, in network order. */
export function planAggregates(networks: readonly Network[], summaries: ReadonlyMap<NetworkId, NetworkSummary>) {
  let inBand = 0;
  const outOfBand: NetworkId[] = [];
  const nonContiguous: NetworkId[] = [];
  for (const n of networks) {
    const s = summaries.get(n.id)!;
    if (s.band === 'within') inBand++;
    else outOfBand.push(n.id);
    if (isNonContiguous(s)) nonContiguous.push(n.id);
  }
  return { inBand, outOfBand, nonContiguous };
}
