import { bandStatus, type NetworkId, type PracticeCode } from '../model';
import { evaluatePlan } from './evaluate-plan';
import { networkIndex, practiceIndex, shareNetworkIndex } from './lookups';
import { prepareNetworkFigures } from './network-figures';
import { isNonContiguous, planAggregates } from './plan-aggregates';
import { siteOwnership } from './site-owner';
import { summariseNetwork } from './summarise-network';
import type { Network } from '../model';
import type { NetworkSummary, PlanInput, PlanResult } from './types';

/**
 * Builds what the first updatePlan after `plan` would otherwise build on the spot: the practice and
 * network indexes and the cell graph the network figures walk (a plan evaluated in a worker leaves
 * the page without them, so the first paint click paid for them).
 */
export function preparePlanUpdates(plan: PlanResult): void {
  practiceIndex(plan.input.practices);
  networkIndex(plan.input.networks);
  prepareNetworkFigures(plan.tessellation);
}

/** The same networks in the same order under the same names (a recolour changes nothing else). */
function sameNetworks(a: readonly Network[], b: readonly Network[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].id !== b[i].id || a[i].name !== b[i].name) return false;
  return true;
}

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
  // Only colours changed (or nothing): every summary but the touched ones carries over as it is.
  const sameDefs = sameNetworks(prev.input.networks, networks);
  if (sameDefs) shareNetworkIndex(prev.input.networks, networks);
  const prevNetIdx = networkIndex(prev.input.networks);
  const netIdx = networkIndex(networks);
  const pIdx = practiceIndex(practices);
  const changed = new Set<PracticeCode>(changedPractices);
  const touched = new Set<NetworkId>();
  const known = (id: NetworkId | undefined, idx: ReadonlyMap<NetworkId, number>) =>
    id !== undefined && idx.has(id) ? id : undefined;

  if (!sameDefs) {
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

  const siteOwner = prev.siteOwner.slice();
  if (!sameDefs) {
    const remap = prev.input.networks.map((n) => netIdx.get(n.id) ?? -1);
    for (let s = 0; s < siteOwner.length; s++) if (siteOwner[s] >= 0) siteOwner[s] = remap[siteOwner[s]];
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

  const carryOver = sameDefs && band === prev.input.band;
  const summaries = carryOver ? new Map(prev.networks) : new Map<NetworkId, NetworkSummary>();
  for (const n of carryOver ? touchedNetworks(networks, netIdx, touched) : networks) {
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
    ...(carryOver && sameCounts(prev, summaries, touched)
      ? { inBand: prev.inBand, outOfBand: prev.outOfBand, nonContiguous: prev.nonContiguous }
      : planAggregates(networks, summaries)),
    sharedSiteConflicts: conflicts,
    changed: [...touched],
  };
}

/** The networks named in `touched`, in network order. */
function touchedNetworks(
  networks: readonly Network[],
  netIdx: ReadonlyMap<NetworkId, number>,
  touched: ReadonlySet<NetworkId>,
): Network[] {
  return [...touched]
    .map((id) => netIdx.get(id)!)
    .sort((a, b) => a - b)
    .map((k) => networks[k]);
}

/**
 * Whether the plan-wide counts of `prev` still hold with `summaries`: no touched network went in
 * or out of band, or became (non-)contiguous.
 */
function sameCounts(
  prev: PlanResult,
  summaries: ReadonlyMap<NetworkId, NetworkSummary>,
  touched: ReadonlySet<NetworkId>,
): boolean {
  for (const id of touched) {
    const a = prev.networks.get(id);
    const b = summaries.get(id)!;
    if (!a || (a.band === 'within') !== (b.band === 'within') || isNonContiguous(a) !== isNonContiguous(b))
      return false;
  }
  return true;
}
