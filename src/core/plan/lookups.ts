// Index maps cached per input array, so repeated evaluations of one plan build them once.
import type { Network, NetworkId, Practice, PracticeCode } from '../model';

const practiceIndexCache = new WeakMap<readonly Practice[], Map<PracticeCode, number>>();
const networkIndexCache = new WeakMap<readonly Network[], Map<NetworkId, number>>();

export function practiceIndex(practices: readonly Practice[]): Map<PracticeCode, number> {
  let m = practiceIndexCache.get(practices);
  if (!m) {
    m = new Map();
    for (let i = 0; i < practices.length; i++) m.set(practices[i].code, i);
    practiceIndexCache.set(practices, m);
  }
  return m;
}

export function networkIndex(networks: readonly Network[]): Map<NetworkId, number> {
  let m = networkIndexCache.get(networks);
  if (!m) {
    m = new Map(networks.map((n, i) => [n.id, i]));
    networkIndexCache.set(networks, m);
  }
  return m;
}

/**
 * `to` holds the networks of `from` at the same positions (the same ids): it shares `from`'s
 * index instead of building one (a recolour makes a new array of the same networks).
 */
export function shareNetworkIndex(from: readonly Network[], to: readonly Network[]): void {
  if (!networkIndexCache.has(to)) networkIndexCache.set(to, networkIndex(from));
}
