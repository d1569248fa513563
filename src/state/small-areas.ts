// Small areas in the app: the layer and registrations the planner opened, which footprints the
// map and panels show, and the derived small-area plan (memoised, following edits incrementally).
import type { HardArea } from '../core/cluster';
import type { SmallAreaMesh } from '../core/geometry/small-area-mesh';
import type { NetworkId, PracticeCode } from '../core/model';
import type { PlanInput, PlanResult } from '../core/plan';
import {
  buildSmallAreaContext,
  evaluateSmallAreaPlan,
  updateSmallAreaPlan,
  type Registrations,
  type SmallAreaContext,
  type SmallAreaLayer,
  type SmallAreaPlan,
} from '../core/small-areas';
import type { Issue } from '../core/model';
import { memoSlot, type WithMemo } from './memo';

/** A file as the plan file records it: by name and content checksum (SHA-256, hex). */
export interface FileRef {
  readonly name: string;
  readonly sha256: string;
  readonly bytes: number;
}

export interface SmallAreaSource {
  readonly layer: SmallAreaLayer;
  readonly layerFile: FileRef;
  readonly registrations: Registrations | null;
  readonly registrationsFile: FileRef | null;
  /** The layer's mesh when built ahead (the app builds it in the worker that reads the layer). */
  readonly mesh?: SmallAreaMesh;
  /** Hard areas (e.g. boroughs): a small area only goes to a network of its own hard area. */
  readonly hardAreas?: SmallAreaHardAreas | null;
}

/** A hard-area layer as opened in the Small areas tab, its text kept to read it again by another field. */
export interface SmallAreaHardAreas {
  readonly areas: readonly HardArea[];
  readonly file: FileRef;
  /** The property naming each feature's area; null: every feature is its own area. */
  readonly field: string | null;
  readonly fields: readonly string[];
  readonly text: string;
}

export const FOOTPRINT_SOURCES = { cells: 'cells', smallAreas: 'smallAreas' } as const;
export type FootprintSource = (typeof FOOTPRINT_SOURCES)[keyof typeof FOOTPRINT_SOURCES];

interface ContextMemo {
  readonly practices: unknown;
  readonly source: SmallAreaSource;
  readonly context: SmallAreaContext;
  readonly warnings: readonly Issue[];
}
const contextMemo = memoSlot<ContextMemo>('small-area context');
const meshMemo = memoSlot<{ layer: SmallAreaLayer; mesh: SmallAreaMesh }>('small-area mesh');
const planMemo = memoSlot<SmallAreaPlan>('small-area plan');

/** The small-area context for the current practices and files (the mesh is kept while the layer is). */
function selectSmallAreaContext(
  store: WithMemo,
  practices: PlanInput['practices'],
  source: SmallAreaSource,
): { context: SmallAreaContext; warnings: readonly Issue[] } {
  const m = contextMemo.get(store);
  if (m && m.practices === practices && m.source === source) return m;
  const kept = meshMemo.get(store);
  const mesh = source.mesh ?? (kept && kept.layer === source.layer ? kept.mesh : undefined);
  const built = buildSmallAreaContext({
    layer: source.layer,
    practices,
    registrations: source.registrations,
    mesh,
    hardAreas: source.hardAreas?.areas ?? null,
  });
  meshMemo.set(store, { layer: source.layer, mesh: built.context.mesh });
  return contextMemo.set(store, { practices, source, ...built });
}

/**
 * The small-area plan for `input`, updated incrementally from the last one (moves, networks added
 * or removed, band); `changed(from)` lists the practices whose network differs from assignment `from`.
 */
export function selectSmallAreaPlan(
  store: WithMemo,
  input: PlanInput,
  source: SmallAreaSource,
  changed: (from: PlanInput['assignment']) => PracticeCode[],
): SmallAreaPlan {
  const { context } = selectSmallAreaContext(store, input.practices, source);
  const prev = planMemo.get(store);
  if (prev && prev.input === input && prev.context === context) return prev;
  return planMemo.set(
    store,
    prev && prev.context === context
      ? updateSmallAreaPlan(prev, input, changed(prev.input.assignment))
      : evaluateSmallAreaPlan(input, context),
  );
}

const mergedMemo = memoSlot<{ cells: PlanResult; areas: SmallAreaPlan; merged: PlanResult }>('merged plan');

/** The cell plan with every footprint, area and contiguity figure taken from the small-area plan. */
export function withSmallAreaFootprints(
  store: WithMemo,
  cells: PlanResult,
  areas: SmallAreaPlan,
  prevMerged: PlanResult | null,
): PlanResult {
  const last = mergedMemo.get(store);
  if (last && last.cells === cells && last.areas === areas) return last.merged;
  const changed = new Set<NetworkId>(areas.changed);
  // After a switch of footprint source every network is redrawn.
  if (!prevMerged || !last || last.areas.context !== areas.context)
    for (const id of areas.networks.keys()) changed.add(id);
  for (const id of cells.changed) changed.add(id);
  const merged: PlanResult = {
    ...cells,
    networks: areas.networks,
    inBand: areas.inBand,
    outOfBand: areas.outOfBand,
    nonContiguous: areas.nonContiguous,
    changed: [...changed],
  };
  return mergedMemo.set(store, { cells, areas, merged }).merged;
}

const catchmentMemo = memoSlot<{ code: PracticeCode; context: SmallAreaContext; fc: CatchmentCollection }>('catchment');

export type CatchmentCollection = import('geojson').FeatureCollection<
  import('geojson').MultiPolygon,
  { readonly code: string; readonly patients: number; readonly share: number }
>;

/**
 * Where a practice's registered patients live: one feature per small area with patients of it,
 * `patients` and `share` (of the practice's most-populated area, 0-1, for shading). Empty without registrations.
 */
export function selectCatchment(
  store: WithMemo,
  practices: PlanInput['practices'],
  source: SmallAreaSource,
  code: PracticeCode | null,
): CatchmentCollection {
  const empty: CatchmentCollection = { type: 'FeatureCollection', features: [] };
  if (!code || !source.registrations) return empty;
  const { context } = selectSmallAreaContext(store, practices, source);
  const m = catchmentMemo.get(store);
  if (m && m.code === code && m.context === context) return m.fc;
  const i = practices.findIndex((p) => p.code === code);
  if (i < 0) return empty;
  let max = 0;
  for (let k = context.practiceStart[i]; k < context.practiceStart[i + 1]; k++)
    max = Math.max(max, context.practiceCount[k]);
  const features: CatchmentCollection['features'] = [];
  for (let k = context.practiceStart[i]; k < context.practiceStart[i + 1]; k++) {
    const a = context.practiceArea[k];
    features.push({
      type: 'Feature',
      id: a,
      properties: {
        code: context.layer.codes[a],
        patients: context.practiceCount[k],
        share: max > 0 ? context.practiceCount[k] / max : 0,
      },
      geometry: { type: 'MultiPolygon', coordinates: context.layer.polygons[a] },
    });
  }
  return catchmentMemo.set(store, { code, context, fc: { type: 'FeatureCollection', features } }).fc;
}

/** The small-area plan behind `shown` (what selectPlan returned), or null when its footprints come from cells. */
export function shownSmallAreaPlan(store: WithMemo, shown: PlanResult): SmallAreaPlan | null {
  const m = mergedMemo.get(store);
  return m && m.merged === shown ? m.areas : null;
}

export interface PracticeCatchment {
  readonly smallAreas: number;
  /** Registered patients living in the layer's small areas. */
  readonly patients: number;
  /** Of those, living inside the footprint of the practice's network (null when it has none). */
  readonly insideOwnFootprint: number | null;
}

/** Where one practice's patients live, against its network's footprint. Null without registrations. */
export function practiceCatchment(plan: SmallAreaPlan, code: PracticeCode): PracticeCatchment | null {
  const ctx = plan.context;
  if (!ctx.registrations) return null;
  const i = plan.input.practices.findIndex((p) => p.code === code);
  if (i < 0) return null;
  const net = plan.networkOfPractice[i];
  let patients = 0,
    inside = 0;
  for (let k = ctx.practiceStart[i]; k < ctx.practiceStart[i + 1]; k++) {
    patients += ctx.practiceCount[k];
    if (net >= 0 && plan.owner[ctx.practiceArea[k]] === net) inside += ctx.practiceCount[k];
  }
  return {
    smallAreas: ctx.practiceStart[i + 1] - ctx.practiceStart[i],
    patients,
    insideOwnFootprint: net >= 0 ? inside : null,
  };
}
