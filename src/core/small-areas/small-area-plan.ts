// Footprints from where patients live: each small area goes to the network whose practices have
// the most registered patients living there (ties: the lower network id); areas where no practice
// of the plan has patients go to the network of the nearest practice. A footprint is the union of
// its network's areas by edge cancellation (dissolveSites, the same builder as practice cells).
import { dissolveSites } from '../geometry/dissolve-sites';
import { polsbyPopper } from '../geometry/polsby-popper';
import { bandStatus, type NetworkId, type PracticeCode } from '../model';
import { networkIndex, practiceIndex } from '../plan/lookups';
import { planAggregates } from '../plan/plan-aggregates';
import type { NetworkSummary, PlanInput } from '../plan/types';
import type { SmallAreaContext } from './context';
import { NearestPractice } from './nearest-practice';

/** How an area got its network. */
export const AREA_METHOD = { none: 0, registrations: 1, nearest: 2 } as const;
export const AREA_METHOD_NAME = ['none', 'registrations', 'nearest'] as const;

export interface SmallAreaNetworkSummary extends NetworkSummary {
  /** Areas (indices into the layer) making up the footprint, ascending. `sites` is empty in this mode. */
  readonly areas: readonly number[];
  readonly smallAreaCount: number;
  /** Patients of the network's practices living inside its footprint; null without registrations. */
  readonly residentPatients: number | null;
  /** residentPatients over the practices' patients with a known LSOA, 0-1; null without registrations or patients. */
  readonly residentShare: number | null;
  /** The practices' registered patients with a known LSOA (the share's denominator). */
  readonly knownPatients: number;
}

export interface SmallAreaPlan {
  readonly input: PlanInput;
  readonly context: SmallAreaContext;
  /** Per area: index into input.networks, -1 none. */
  readonly owner: Int32Array;
  /** Per area: AREA_METHOD. */
  readonly method: Uint8Array;
  /** Per area: registered patients of the owning network's practices living there. */
  readonly networkPatients: Float64Array;
  /** Per area: the practice the nearest fallback used, -1 when it was not used. */
  readonly nearest: Int32Array;
  /** Per practice: index into input.networks, -1 unassigned. */
  readonly networkOfPractice: Int32Array;
  readonly networks: ReadonlyMap<NetworkId, SmallAreaNetworkSummary>;
  readonly unassigned: readonly PracticeCode[];
  readonly unassignedPopulation: number;
  readonly totalPopulation: number;
  readonly inBand: number;
  readonly outOfBand: readonly NetworkId[];
  readonly nonContiguous: readonly NetworkId[];
  /** Plan-wide: patients living in their own network's footprint, and the known-LSOA patients of assigned practices. */
  readonly residentPatients: number;
  readonly knownPatients: number;
  /** Networks recomputed by the step that produced this plan. */
  readonly changed: readonly NetworkId[];
  /** The nearest-practice index over the assigned practices, kept for the next update. */
  readonly nearestFinder: NearestPractice;
  /** Per network: its hard area (index into the hard areas), or null without hard areas. */
  readonly networkHard: Int32Array | null;
}

interface Working {
  readonly ctx: SmallAreaContext;
  readonly input: PlanInput;
  readonly ids: readonly NetworkId[];
  readonly networkOfPractice: Int32Array;
  readonly owner: Int32Array;
  readonly method: Uint8Array;
  readonly networkPatients: Float64Array;
  readonly nearest: Int32Array;
  readonly scratch: Float64Array;
  /** Per network: its hard area (where most of its members' patients are registered), or null without hard areas. */
  readonly networkHard: Int32Array | null;
  finder: NearestPractice;
}

/**
 * Each network's hard area: the one holding the practices with most of its list size (ties: the
 * lower area). A small area only goes to networks of its own hard area, so footprints nest in them.
 */
function networkHardAreas(ctx: SmallAreaContext, input: PlanInput, netOf: Int32Array): Int32Array | null {
  if (!ctx.practiceHard) return null;
  const weight = new Map<number, number>();
  netOf.forEach((k, i) => {
    if (k < 0) return;
    const key = k * 65536 + ctx.practiceHard![i];
    weight.set(key, (weight.get(key) ?? 0) + input.practices[i].listSize + 1e-9);
  });
  const out = new Int32Array(input.networks.length).fill(-1);
  const best = new Float64Array(input.networks.length);
  for (const [key, w] of [...weight].sort((x, y) => x[0] - y[0])) {
    const k = Math.floor(key / 65536);
    if (w > best[k]) {
      best[k] = w;
      out[k] = key % 65536;
    }
  }
  return out;
}

function networkOfPractices(input: PlanInput): Int32Array {
  const netIdx = networkIndex(input.networks);
  return Int32Array.from(input.practices, (p) => {
    const id = input.assignment.get(p.code);
    return id === undefined ? -1 : (netIdx.get(id) ?? -1);
  });
}

/** Gives area `a` its network from scratch; returns whether its owner changed. */
function assignArea(w: Working, a: number): boolean {
  const { ctx, scratch, networkOfPractice: netOf } = w;
  const hard = ctx.areaHard ? ctx.areaHard[a] : -1;
  const touched: number[] = [];
  for (let k = ctx.areaStart[a]; k < ctx.areaStart[a + 1]; k++) {
    const i = ctx.areaPractice[k];
    const net = netOf[i];
    if (net < 0 || (hard >= 0 && w.networkHard![net] !== hard)) continue;
    if (scratch[net] === 0) touched.push(net);
    scratch[net] += ctx.areaCount[k];
  }
  let best = -1;
  let bestN = 0;
  for (const net of touched) {
    const n = scratch[net];
    if (n > bestN || (n === bestN && n > 0 && w.ids[net] < w.ids[best])) {
      best = net;
      bestN = n;
    }
    scratch[net] = 0;
  }
  const before = w.owner[a];
  if (best >= 0) {
    w.owner[a] = best;
    w.method[a] = AREA_METHOD.registrations;
    w.networkPatients[a] = bestN;
    w.nearest[a] = -1;
  } else {
    const p = w.finder.find(a);
    w.owner[a] = p >= 0 ? netOf[p] : -1;
    w.method[a] = p >= 0 ? AREA_METHOD.nearest : AREA_METHOD.none;
    w.networkPatients[a] = 0;
    w.nearest[a] = p;
  }
  return before !== w.owner[a];
}

function summarise(
  w: Working,
  k: number,
  areas: readonly number[],
  members: readonly number[],
  geometryFrom?: SmallAreaNetworkSummary,
): SmallAreaNetworkSummary {
  const { ctx, input } = w;
  const n = input.networks[k];
  const footprint = geometryFrom ?? dissolveSites(ctx.dissolveMesh, areas);
  let population = 0;
  let resident = 0;
  let known = 0;
  for (const i of members) {
    population += input.practices[i].listSize;
    known += ctx.knownPatients[i];
    for (let r = ctx.practiceStart[i]; r < ctx.practiceStart[i + 1]; r++)
      if (w.owner[ctx.practiceArea[r]] === k) resident += ctx.practiceCount[r];
  }
  const p = footprint.perimeterKm;
  const withRegistrations = ctx.registrations !== null;
  return {
    id: n.id,
    name: n.name,
    population,
    practiceCount: members.length,
    practiceCodes: members.map((i) => input.practices[i].code).sort(),
    sites: [],
    areaKm2: footprint.areaKm2,
    perimeterKm: p,
    parts: footprint.parts,
    contiguous: footprint.contiguous,
    polsbyPopper: polsbyPopper(footprint.areaKm2, p),
    band: bandStatus(population, input.band),
    geometry: footprint.geometry,
    areas,
    smallAreaCount: areas.length,
    residentPatients: withRegistrations ? resident : null,
    residentShare: withRegistrations && known > 0 ? resident / known : null,
    knownPatients: known,
  };
}

function finish(
  w: Working,
  summaries: Map<NetworkId, SmallAreaNetworkSummary>,
  changed: readonly NetworkId[],
): SmallAreaPlan {
  const { input } = w;
  const unassigned: PracticeCode[] = [];
  let unassignedPopulation = 0;
  let totalPopulation = 0;
  input.practices.forEach((p, i) => {
    totalPopulation += p.listSize;
    if (w.networkOfPractice[i] < 0) {
      unassigned.push(p.code);
      unassignedPopulation += p.listSize;
    }
  });
  let residentPatients = 0;
  let knownPatients = 0;
  for (const s of summaries.values()) {
    residentPatients += s.residentPatients ?? 0;
    knownPatients += s.knownPatients;
  }
  return {
    input,
    context: w.ctx,
    owner: w.owner,
    method: w.method,
    networkPatients: w.networkPatients,
    nearest: w.nearest,
    networkOfPractice: w.networkOfPractice,
    networks: summaries,
    unassigned,
    unassignedPopulation,
    totalPopulation,
    ...planAggregates(input.networks, summaries),
    residentPatients,
    knownPatients,
    changed,
    nearestFinder: w.finder,
    networkHard: w.networkHard,
  };
}

/**
 * Every area's network and every footprint from scratch. `ctx` must be built from `input.practices`.
 * Example: `evaluateSmallAreaPlan({ practices, networks, assignment, band }, ctx).networks.get(id).residentShare`.
 */
export function evaluateSmallAreaPlan(input: PlanInput, ctx: SmallAreaContext): SmallAreaPlan {
  if (input.practices !== ctx.practices)
    throw new Error('evaluateSmallAreaPlan: the context was built from other practices');
  const nAreas = ctx.layer.codes.length;
  const networkOfPractice = networkOfPractices(input);
  const networkHard = networkHardAreas(ctx, input, networkOfPractice);
  const w: Working = {
    ctx,
    input,
    ids: input.networks.map((n) => n.id),
    networkOfPractice,
    owner: new Int32Array(nAreas).fill(-1),
    method: new Uint8Array(nAreas),
    networkPatients: new Float64Array(nAreas),
    nearest: new Int32Array(nAreas).fill(-1),
    scratch: new Float64Array(input.networks.length),
    networkHard,
    finder: new NearestPractice(ctx, networkOfPractice, networkHard),
  };
  for (let a = 0; a < nAreas; a++) assignArea(w, a);
  const areas: number[][] = input.networks.map(() => []);
  for (let a = 0; a < nAreas; a++) if (w.owner[a] >= 0) areas[w.owner[a]].push(a);
  const members: number[][] = input.networks.map(() => []);
  networkOfPractice.forEach((k, i) => {
    if (k >= 0) members[k].push(i);
  });
  const summaries = new Map<NetworkId, SmallAreaNetworkSummary>();
  input.networks.forEach((n, k) => summaries.set(n.id, summarise(w, k, areas[k], members[k])));
  return finish(w, summaries, w.ids);
}

/**
 * The plan after `changedPractices` moved: only the areas where their patients live (and areas
 * that used them as nearest practice) are reassigned, then only networks whose areas or members
 * changed are recomputed. Networks may also have been added, removed or reordered (then every
 * practice is compared with before, and the areas of removed networks are reassigned), and a
 * network's hard area may change (then the areas of its old and new hard area are reassigned).
 * Same practices array required. Never mutates `prev`.
 * Example: `updateSmallAreaPlan(prev, { ...prev.input, assignment }, [code])`.
 */
export function updateSmallAreaPlan(
  prev: SmallAreaPlan,
  next: PlanInput,
  changedPractices: Iterable<PracticeCode>,
): SmallAreaPlan {
  const ctx = prev.context;
  const pIdx = practiceIndex(next.practices);
  const remap = next.networks === prev.input.networks ? null : networkRemap(prev.input.networks, next.networks);
  const moved = practiceMoves(prev, next, remap, remap ? null : changedPractices, pIdx);
  const { networkOfPractice, changed, touched } = moved;
  const networkHard = networkHardAreas(ctx, next, networkOfPractice);
  const affected = new Set<number>();
  const owner = Int32Array.from(prev.owner);
  if (remap) {
    for (let a = 0; a < owner.length; a++) {
      if (owner[a] < 0) continue;
      owner[a] = remap[owner[a]];
      if (owner[a] < 0) affected.add(a);
    }
  }
  // Which nearest-practice group each practice is in: its network's hard area (one group without hard areas).
  const prevGroup = (i: number) => {
    const k = prev.networkOfPractice[i];
    return k < 0 || !prev.networkHard ? -1 : prev.networkHard[k];
  };
  let groupsChanged = moved.statusChanged;
  if (networkHard) {
    const hardOf = new Map<NetworkId, number>();
    prev.input.networks.forEach((n, k) => hardOf.set(n.id, prev.networkHard?.[k] ?? -1));
    const reshaped = new Set<number>();
    next.networks.forEach((n, k) => {
      const before = hardOf.get(n.id);
      if (before === undefined || before === networkHard[k]) return;
      if (before >= 0) reshaped.add(before);
      if (networkHard[k] >= 0) reshaped.add(networkHard[k]);
      groupsChanged = true;
    });
    for (const i of changed)
      if (prevGroup(i) !== (networkOfPractice[i] < 0 ? -1 : networkHard[networkOfPractice[i]])) groupsChanged = true;
    if (reshaped.size > 0) for (let a = 0; a < owner.length; a++) if (reshaped.has(ctx.areaHard![a])) affected.add(a);
  }
  const w: Working = {
    ctx,
    input: next,
    ids: next.networks.map((n) => n.id),
    networkOfPractice,
    owner,
    method: Uint8Array.from(prev.method),
    networkPatients: Float64Array.from(prev.networkPatients),
    nearest: Int32Array.from(prev.nearest),
    scratch: new Float64Array(next.networks.length),
    networkHard,
    finder: groupsChanged ? new NearestPractice(ctx, networkOfPractice, networkHard) : prev.nearestFinder,
  };
  const areaChanged = reassignAreas(w, changed, groupsChanged, touched, affected);
  const summaries = new Map<NetworkId, SmallAreaNetworkSummary>();
  next.networks.forEach((n, k) => {
    const old = prev.networks.get(n.id);
    if (old && !touched.has(k)) {
      summaries.set(
        n.id,
        old.name === n.name && prev.input.band === next.band
          ? old
          : { ...old, name: n.name, band: bandStatus(old.population, next.band) },
      );
      return;
    }
    const kept = old ? old.areas.filter((a) => w.owner[a] === k) : [];
    const areas =
      areaChanged.has(k) || !old ? [...kept, ...(areaChanged.get(k) ?? [])].sort((x, y) => x - y) : old.areas;
    const members = (old?.practiceCodes ?? []).map((c) => pIdx.get(c)!).filter((i) => networkOfPractice[i] === k);
    for (const i of changed) if (networkOfPractice[i] === k && !members.includes(i)) members.push(i);
    members.sort((x, y) => x - y);
    summaries.set(n.id, summarise(w, k, areas, members, areaChanged.has(k) || !old ? undefined : old));
  });
  return finish(
    w,
    summaries,
    [...touched].map((k) => w.ids[k]),
  );
}

/** Old network index -> new index, -1 for a network no longer in the list. */
function networkRemap(before: PlanInput['networks'], after: PlanInput['networks']): Int32Array {
  const idx = networkIndex(after);
  return Int32Array.from(before, (n) => idx.get(n.id) ?? -1);
}

/**
 * Each practice's network in `next` (new indices) and the practices whose network changed: those
 * listed in `listed`, or every practice when `listed` is null (the network list changed). A
 * practice of a removed network counts as changed. `touched` gets the networks they left or joined.
 */
function practiceMoves(
  prev: SmallAreaPlan,
  next: PlanInput,
  remap: Int32Array | null,
  listed: Iterable<PracticeCode> | null,
  pIdx: ReadonlyMap<PracticeCode, number>,
) {
  const netIdx = networkIndex(next.networks);
  const networkOfPractice = remap
    ? Int32Array.from(prev.networkOfPractice, (k) => (k < 0 ? -1 : remap[k]))
    : Int32Array.from(prev.networkOfPractice);
  const candidates: number[] = [];
  if (listed) {
    for (const code of listed) {
      const i = pIdx.get(code);
      if (i !== undefined) candidates.push(i);
    }
  } else {
    for (let i = 0; i < next.practices.length; i++) candidates.push(i);
  }
  const touched = new Set<number>();
  const changed = new Set<number>();
  let statusChanged = false;
  for (const i of candidates) {
    const id = next.assignment.get(next.practices[i].code);
    const now = id === undefined ? -1 : (netIdx.get(id) ?? -1);
    const wasAssigned = prev.networkOfPractice[i] >= 0;
    const was = networkOfPractice[i];
    if (now === was && wasAssigned === now >= 0) continue;
    changed.add(i);
    if (was >= 0) touched.add(was);
    if (now >= 0) touched.add(now);
    if (wasAssigned !== now >= 0) statusChanged = true;
    networkOfPractice[i] = now;
  }
  return { networkOfPractice, changed, touched, statusChanged };
}

/**
 * Re-runs the rule on `affected` and the areas the changed practices can affect. Returns, per network that
 * gained areas, the areas it gained; every network that lost or gained one is added to `touched`.
 */
function reassignAreas(
  w: Working,
  changed: ReadonlySet<number>,
  groupsChanged: boolean,
  touched: Set<number>,
  affected: Set<number>,
): Map<number, number[]> {
  const { ctx } = w;
  for (const i of changed)
    for (let r = ctx.practiceStart[i]; r < ctx.practiceStart[i + 1]; r++) affected.add(ctx.practiceArea[r]);
  for (let a = 0; a < w.nearest.length; a++) {
    if (w.method[a] === AREA_METHOD.registrations) continue;
    if (groupsChanged || changed.has(w.nearest[a])) affected.add(a);
  }
  const gained = new Map<number, number[]>();
  for (const a of affected) {
    const before = w.owner[a];
    if (!assignArea(w, a)) continue;
    if (before >= 0) {
      touched.add(before);
      if (!gained.has(before)) gained.set(before, []);
    }
    const now = w.owner[a];
    if (now >= 0) {
      touched.add(now);
      const list = gained.get(now);
      if (list) list.push(a);
      else gained.set(now, [a]);
    }
  }
  return gained;
}
