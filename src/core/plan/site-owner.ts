// The one owner of the rule "which network owns a site shared by co-located practices": the
// network with the most patients at the site (tie: the lower id). The plan, the cluster's report
// and its repair start all ask here.
import type { Assignment, NetworkId, Practice, PracticeCode } from '../model';
import type { Site } from '../geometry';
import type { SharedSiteConflict } from './types';

/**
 * The networks of the practices `members` (indices into `practices`, one site's) ranked by their
 * patients there, most first (tie: the lower id); a network `counts` refuses is left out. The
 * first is the site's owner. Example: sizes A 5,000 and B 7,000 at one site rank [B, A].
 */
export function rankSiteNetworks(
  members: readonly number[],
  practices: readonly Practice[],
  assignment: Assignment,
  counts: (id: NetworkId) => boolean = () => true,
): [NetworkId, number][] {
  const pop = new Map<NetworkId, number>();
  for (const i of members) {
    const id = assignment.get(practices[i].code);
    if (id === undefined || !counts(id)) continue;
    pop.set(id, (pop.get(id) ?? 0) + practices[i].listSize);
  }
  return [...pop.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The network owning the site of practices `members`, or undefined when none of them counts. */
export function siteOwnerId(
  members: readonly number[],
  practices: readonly Practice[],
  assignment: Assignment,
  counts: (id: NetworkId) => boolean = () => true,
): NetworkId | undefined {
  if (members.length === 1) {
    const id = assignment.get(practices[members[0]].code);
    return id !== undefined && counts(id) ? id : undefined;
  }
  return rankSiteNetworks(members, practices, assignment, counts)[0]?.[0];
}

/**
 * Which network owns a shared cell (rankSiteNetworks). Returns the index into networks, or -1,
 * and the conflict when networks differ there.
 */
export function siteOwnership(
  site: number,
  s: Site,
  practices: readonly Practice[],
  assignment: Assignment,
  netIdx: ReadonlyMap<NetworkId, number>,
): { owner: number; conflict: SharedSiteConflict | null } {
  const counts = (id: NetworkId) => netIdx.has(id);
  if (s.practices.length === 1) {
    const id = siteOwnerId(s.practices, practices, assignment, counts);
    return { owner: id === undefined ? -1 : netIdx.get(id)!, conflict: null };
  }
  const ranked = rankSiteNetworks(s.practices, practices, assignment, counts);
  if (ranked.length === 0) return { owner: -1, conflict: null };
  const codes: PracticeCode[] = [];
  for (const i of s.practices) {
    const id = assignment.get(practices[i].code);
    if (id !== undefined && counts(id)) codes.push(practices[i].code);
  }
  const owner = netIdx.get(ranked[0][0])!;
  const conflict = ranked.length > 1 ? { site, practiceCodes: codes.sort(), networks: ranked.map((r) => r[0]) } : null;
  return { owner, conflict };
}
