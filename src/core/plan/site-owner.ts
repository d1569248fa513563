import type { Assignment, NetworkId, Practice, PracticeCode } from '../model';
import type { Site } from '../geometry';
import type { SharedSiteConflict } from './types';

/**
 * Which network owns a shared cell: the one with the most patients at that site (tie: the lower
 * id). Returns the index into networks, or -1, and the conflict when networks differ there.
 */
export function siteOwnership(
  site: number,
  s: Site,
  practices: readonly Practice[],
  assignment: Assignment,
  netIdx: ReadonlyMap<NetworkId, number>,
): { owner: number; conflict: SharedSiteConflict | null } {
  if (s.practices.length === 1) {
    const id = assignment.get(practices[s.practices[0]].code);
    const k = id === undefined ? undefined : netIdx.get(id);
    return { owner: k ?? -1, conflict: null };
  }
  const pop = new Map<NetworkId, number>();
  const codes: PracticeCode[] = [];
  for (const i of s.practices) {
    const id = assignment.get(practices[i].code);
    if (id === undefined || !netIdx.has(id)) continue;
    pop.set(id, (pop.get(id) ?? 0) + practices[i].listSize);
    codes.push(practices[i].code);
  }
  if (pop.size === 0) return { owner: -1, conflict: null };
  const ranked = [...pop.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const owner = netIdx.get(ranked[0][0])!;
  const conflict = ranked.length > 1 ? { site, practiceCodes: codes.sort(), networks: ranked.map((r) => r[0]) } : null;
  return { owner, conflict };
}
