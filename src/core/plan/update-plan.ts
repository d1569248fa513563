import { bandStatus, type NetworkId, type PracticeCode } from '../model';
import { evaluatePlan } from './evaluate-plan';
import { networkIndex, practiceIndex } from './lookups';
import { planAggregates } from './plan-aggregates';
import { siteOwnership } from './site-owner';
import { summariseNetwork } from './summarise-network';
import type { NetworkSummary, PlanInput, PlanResult } from './types';

/**
 * The plan after `changedPractices` moved (assignment edits), recomputing only the networks they
 * left or joined, networks whose shared cells changed hands, and networks added to or removed
 * from `next.networks`. Renames and band changes need no geometry. Never mutates `prev`.
 * Example: `updatePlan(prev, { ...prev.input, assignment: moved }, [code])`.
 */
export function updatePlan(prev: PlanResult, next: PlanInput, changedPractices: Iterable<PracticeCode>): PlanResult {
  const t = prev.tessellation;
  if (next.practices !== prev.input.practices) return evaluatePlan(next, t);
  const { practices, networks, assignment, band } = next;
  const prevNetIdx = networkIndex(prev.input.networks);
  const netIdx = networkIndex(networks);
  const pIdx = practiceIndex(practices);
  const changed = new Set<PracticeCode>(changedPractices);
  const touched = new Set<NetworkId>();
  const known = (id: NetworkId | undefined, idx: ReadonlyMap<NetworkId, number>) =>
    id !== undefined && idx.has(id) ? id : undefined;

  if (networks !== prev.input.networks) {
    for (const n of networks) if (!prevNetIdx.has(n.id)) touched.add(n.id);
    for (const n of prev.input.networks) {
      if (netIdx.has(n.id)) continue;
      for (const code of prev.networks.get(n.id)!.practiceCodes) changed.add(code);
    }
  }
  for (const code of changed) {
    const was = known(prev.input.assignment.get(code), prevNetIdx);
    const now = known(assignment.get(code), netIdx);
    if (was !== now) {
      if (was !== undefined && netIdx.has(was)) touched.add(was);
      if (now !== undefined) touched.add(now);
    }
  }

  const siteOwner = new Int32Array(prev.siteOwner.length);
  const remap = networks === prev.input.networks ? null : prev.input.networks.map((n) => netIdx.get(n.id) ?? -1);
  for (let s = 0; s < siteOwner.length; s++) {
    const o = prev.siteOwner[s];
    siteOwner[s] = o < 0 || !remap ? o : remap[o];
  }
  const changedSites = new Set<number>();
  for (const code of changed) {
    const i = pIdx.get(code);
    if (i !== undefined) changedSites.add(t.siteOfPractice[i]);
  }
  const conflicts = prev.sharedSiteConflicts.filter((c) => !changedSites.has(c.site));
  for (const site of changedSites) {
    const { owner, conflict } = siteOwnership(site, t.sites[site], practices, assignment, netIdx);
    if (conflict) conflicts.push(conflict);
    if (owner !== siteOwner[site]) {
      if (siteOwner[site] >= 0) touched.add(networks[siteOwner[site]].id);
      if (owner >= 0) touched.add(networks[owner].id);
      siteOwner[site] = owner;
    }
  }
  conflicts.sort((a, b) => a.site - b.site);

  const summaries = new Map<NetworkId, NetworkSummary>();
  for (const n of networks) {
    const old = prev.networks.get(n.id);
    if (old && !touched.has(n.id)) {
      summaries.set(
        n.id,
        old.name === n.name && prev.input.band === band
          ? old
          : { ...old, name: n.name, band: bandStatus(old.population, band) },
      );
      continue;
    }
    const k = netIdx.get(n.id)!;
    const members = new Set<number>();
    for (const code of old?.practiceCodes ?? []) if (!changed.has(code)) members.add(pIdx.get(code)!);
    for (const code of changed) if (assignment.get(code) === n.id && pIdx.has(code)) members.add(pIdx.get(code)!);
    const sites = new Set<number>();
    for (const s of old?.sites ?? []) if (siteOwner[s] === k) sites.add(s);
    for (const s of changedSites) if (siteOwner[s] === k) sites.add(s);
    summaries.set(
      n.id,
      summariseNetwork(
        n,
        [...members].sort((a, b) => a - b),
        [...sites],
        practices,
        t,
        band,
      ),
    );
  }

  let unassignedPopulation = prev.unassignedPopulation;
  const unassignedSet = new Set(prev.unassigned);
  let toggled = false;
  for (const code of changed) {
    const i = pIdx.get(code);
    if (i === undefined) continue;
    const isUnassigned = known(assignment.get(code), netIdx) === undefined;
    if (isUnassigned && !unassignedSet.has(code)) {
      unassignedSet.add(code);
      unassignedPopulation += practices[i].listSize;
      toggled = true;
    } else if (!isUnassigned && unassignedSet.delete(code)) {
      unassignedPopulation -= practices[i].listSize;
      toggled = true;
    }
  }
  const unassigned = toggled ? [...unassignedSet].sort((a, b) => pIdx.get(a)! - pIdx.get(b)!) : prev.unassigned;

  return {
    input: next,
    tessellation: t,
    networks: summaries,
    siteOwner,
    unassigned,
    unassignedPopulation,
    totalPopulation: prev.totalPopulation,
    ...planAggregates(networks, summaries),
    sharedSiteConflicts: conflicts,
    changed: [...touched],
  };
}
