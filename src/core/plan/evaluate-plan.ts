import type { Tessellation } from '../geometry';
import type { NetworkId, PracticeCode } from '../model';
import { planAggregates } from './plan-aggregates';
import { networkIndex } from './lookups';
import { siteOwnership } from './site-owner';
import { summariseNetwork } from './summarise-network';
import type { NetworkSummary, PlanInput, PlanResult, SharedSiteConflict } from './types';

/**
 * Every network's footprint and metrics from scratch. `t` must be built from `input.practices`.
 * Example: `evaluatePlan({ practices, networks, assignment, band: DEFAULT_BAND }, t).inBand`.
 */
export function evaluatePlan(input: PlanInput, t: Tessellation): PlanResult {
  const { practices, networks, assignment, band } = input;
  const netIdx = networkIndex(networks);
  const members: number[][] = networks.map(() => []);
  const unassigned: PracticeCode[] = [];
  let unassignedPopulation = 0;
  let totalPopulation = 0;
  // Each practice's network index (-1: none), also the owner of a site holding one practice.
  const networkOf = new Int32Array(practices.length);
  practices.forEach((p, i) => {
    totalPopulation += p.listSize;
    const id = assignment.get(p.code);
    const k = id === undefined ? undefined : netIdx.get(id);
    networkOf[i] = k ?? -1;
    if (k === undefined) {
      unassigned.push(p.code);
      unassignedPopulation += p.listSize;
    } else members[k].push(i);
  });
  const siteOwner = new Int32Array(t.sites.length).fill(-1);
  const ownedSites: number[][] = networks.map(() => []);
  const conflicts: SharedSiteConflict[] = [];
  t.sites.forEach((s, site) => {
    if (s.practices.length === 1) {
      // siteOwnership's answer for one practice: its network.
      const owner = networkOf[s.practices[0]];
      siteOwner[site] = owner;
      if (owner >= 0) ownedSites[owner].push(site);
      return;
    }
    const { owner, conflict } = siteOwnership(site, s, practices, assignment, netIdx);
    siteOwner[site] = owner;
    if (owner >= 0) ownedSites[owner].push(site);
    if (conflict) conflicts.push(conflict);
  });
  const summaries = new Map<NetworkId, NetworkSummary>();
  networks.forEach((n, k) => summaries.set(n.id, summariseNetwork(n, members[k], ownedSites[k], practices, t, band)));
  return {
    input,
    tessellation: t,
    networks: summaries,
    siteOwner,
    unassigned,
    unassignedPopulation,
    totalPopulation,
    ...planAggregates(networks, summaries),
    sharedSiteConflicts: conflicts,
    changed: networks.map((n) => n.id),
  };
}
