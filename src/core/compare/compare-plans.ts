// Two plans over the same practices side by side: which practices moved, and what each network
// gains and loses. The area gained or lost is a dissolve of the cells that changed owner (edge
// cancellation over the tessellation), so it is exact to the cells and needs no polygon clipping.
import { dissolveSites, type CellMesh } from '../geometry/dissolve-sites';
import type { NetworkId, Practice, PracticeCode } from '../model';
import type { NetworkSummary, PlanInput, PlanResult } from '../plan';
import { NETWORK_FATE, type NetworkChange, type PlanComparison, type PracticeChange } from './types';

/** What a comparison needs of a plan: cell-based (PlanResult) and small-area plans both have it. */
export interface ComparablePlan {
  readonly input: PlanInput;
  readonly networks: ReadonlyMap<NetworkId, NetworkSummary>;
}

/** The units footprints are made of (practice cells or small areas) and each network's units. */
export interface FootprintUnits {
  readonly mesh: CellMesh;
  readonly unitsOf: (n: NetworkSummary) => readonly number[];
}

/** A practice's network in a plan, counting an id the plan does not list as unassigned. */
function effectiveNetwork(plan: ComparablePlan, code: PracticeCode): NetworkId | null {
  const id = plan.input.assignment.get(code);
  return id !== undefined && plan.networks.has(id) ? id : null;
}

function practiceChanges(before: ComparablePlan, after: ComparablePlan): PracticeChange[] {
  const changes: PracticeChange[] = [];
  for (const p of after.input.practices) {
    const from = effectiveNetwork(before, p.code);
    const to = effectiveNetwork(after, p.code);
    if (from !== to) changes.push({ practiceCode: p.code, practiceName: p.name, population: p.listSize, from, to });
  }
  return changes;
}

const without = (a: readonly number[], b: ReadonlySet<number>) => a.filter((s) => !b.has(s));

function networkChange(
  id: NetworkId,
  before: NetworkSummary | undefined,
  after: NetworkSummary | undefined,
  moved: { in: PracticeCode[]; out: PracticeCode[] },
  units: FootprintUnits,
): NetworkChange {
  const unitsBefore = before ? units.unitsOf(before) : [];
  const unitsAfter = after ? units.unitsOf(after) : [];
  const gained = dissolveSites(units.mesh, without(unitsAfter, new Set(unitsBefore)));
  const lost = dissolveSites(units.mesh, without(unitsBefore, new Set(unitsAfter)));
  const name = after?.name ?? before?.name ?? id;
  return {
    id,
    name,
    renamedFrom: before && after && before.name !== after.name ? before.name : null,
    fate: before && after ? NETWORK_FATE.kept : after ? NETWORK_FATE.new : NETWORK_FATE.dissolved,
    populationBefore: before?.population ?? 0,
    populationAfter: after?.population ?? 0,
    practicesBefore: before?.practiceCount ?? 0,
    practicesAfter: after?.practiceCount ?? 0,
    areaKm2Before: before?.areaKm2 ?? 0,
    areaKm2After: after?.areaKm2 ?? 0,
    areaChangedKm2: gained.areaKm2 + lost.areaKm2,
    areaGainedKm2: gained.areaKm2,
    areaLostKm2: lost.areaKm2,
    bandBefore: before?.band ?? null,
    bandAfter: after?.band ?? null,
    practicesIn: moved.in,
    practicesOut: moved.out,
    gained: gained.geometry,
    lost: lost.geometry,
  };
}

/** Same practices in the same order (the plans must share one tessellation). */
function samePractices(a: readonly Practice[], b: readonly Practice[]): boolean {
  if (a === b) return true;
  return a.length === b.length && a.every((p, i) => p.code === b[i].code);
}

/**
 * Compares two plans evaluated on the same tessellation (same practices, same study area);
 * throws when they are not, since areas would not be comparable. Networks are matched by id.
 * Example: `comparePlans(evaluatePlan(a, t), evaluatePlan(b, t)).changes` lists every practice
 * whose network differs, with `from` / `to` null for unassigned.
 */
export function comparePlans(before: PlanResult, after: PlanResult): PlanComparison {
  if (before.tessellation !== after.tessellation) {
    throw new Error('comparePlans: both plans must be evaluated on one tessellation of the same practices');
  }
  return comparePlansOn(before, after, { mesh: after.tessellation, unitsOf: (n) => n.sites });
}

/**
 * The same over any footprint units: e.g. small-area plans of one context, with
 * `{ mesh: context.dissolveMesh, unitsOf: (n) => n.areas }`. The area a network gains or loses is
 * the dissolve of the units that change owner. Throws when the practices differ.
 */
export function comparePlansOn(before: ComparablePlan, after: ComparablePlan, units: FootprintUnits): PlanComparison {
  if (!samePractices(before.input.practices, after.input.practices)) {
    throw new Error('comparePlans: both plans must be of the same practices, in the same order');
  }
  const changes = practiceChanges(before, after);
  const moved = new Map<NetworkId, { in: PracticeCode[]; out: PracticeCode[] }>();
  const entry = (id: NetworkId) => moved.get(id) ?? moved.set(id, { in: [], out: [] }).get(id)!;
  for (const c of changes) {
    if (c.from !== null) entry(c.from).out.push(c.practiceCode);
    if (c.to !== null) entry(c.to).in.push(c.practiceCode);
  }
  const ids: NetworkId[] = before.input.networks.map((n) => n.id);
  const seen = new Set(ids);
  for (const n of after.input.networks)
    if (!seen.has(n.id)) {
      ids.push(n.id);
      seen.add(n.id);
    }
  const networks = ids.map((id) =>
    networkChange(id, before.networks.get(id), after.networks.get(id), moved.get(id) ?? { in: [], out: [] }, units),
  );
  const kept = networks.filter((n) => n.fate === NETWORK_FATE.kept);
  return {
    changes,
    networks,
    newNetworks: networks.filter((n) => n.fate === NETWORK_FATE.new).map((n) => n.id),
    dissolvedNetworks: networks.filter((n) => n.fate === NETWORK_FATE.dissolved).map((n) => n.id),
    renamedNetworks: kept.filter((n) => n.renamedFrom !== null).map((n) => n.id),
    changedNetworks: kept
      .filter((n) => n.practicesIn.length + n.practicesOut.length > 0 || n.areaChangedKm2 > 0)
      .map((n) => n.id),
    populationMoved: changes.reduce((s, c) => s + c.population, 0),
  };
}
