// Population health in the app: the deprivation table (IMD by LSOA) the planner opened, the
// practice profile built from it and the registrations, and each network's figures for the plan
// shown (memoised; after an edit only the networks it touched are recomputed).
import {
  DECILES,
  deprivationByNetwork,
  practiceDeprivation,
  type DeprivationFigures,
  type DeprivationTable,
  type PracticeDeprivation,
} from '../core/deprivation';
import type { NetworkId } from '../core/model';
import type { PlanInput } from '../core/plan';
import { changedPractices, selectCellPlan } from './selectors';
import { memoSlot } from './memo';
import type { FileRef } from './small-areas';
import type { PlannerState } from './store';

export interface DeprivationSource {
  readonly table: DeprivationTable;
  readonly file: FileRef;
}

type Sources = Pick<PlannerState, 'smallAreas' | 'deprivation' | 'memo'>;

const profileMemo = memoSlot<{ registrations: unknown; table: DeprivationTable; profile: PracticeDeprivation }>(
  'deprivation profile',
);

/** Each practice's patients by IMD decile, or null until both the registrations and a deprivation table are open. */
export function selectPracticeDeprivation(s: Sources): PracticeDeprivation | null {
  const registrations = s.smallAreas?.registrations;
  if (!registrations || !s.deprivation) return null;
  const m = profileMemo.get(s);
  if (m && m.registrations === registrations && m.table === s.deprivation.table) return m.profile;
  return profileMemo.set(s, {
    registrations,
    table: s.deprivation.table,
    profile: practiceDeprivation(registrations, s.deprivation.table),
  }).profile;
}

export type NetworkDeprivation = ReadonlyMap<NetworkId, DeprivationFigures>;
const figuresMemo = memoSlot<{
  profile: PracticeDeprivation;
  input: PlanInput;
  figures: Map<NetworkId, DeprivationFigures>;
}>('deprivation figures');

/** The networks whose membership differs between two plan inputs over the same practices and networks. */
function changedNetworks(before: PlanInput, after: PlanInput): NetworkId[] {
  const out = new Set<NetworkId>();
  for (const code of changedPractices(before.assignment, after.assignment)) {
    const a = before.assignment.get(code);
    const b = after.assignment.get(code);
    if (a !== undefined) out.add(a);
    if (b !== undefined) out.add(b);
  }
  return [...out];
}

/** Core20 share, mean IMD score and patients by decile per network of the current plan, or null without the files. */
export function selectDeprivationFigures(s: Sources & Pick<PlannerState, 'doc'>): NetworkDeprivation | null {
  const profile = selectPracticeDeprivation(s);
  if (!profile) return null;
  const input = selectCellPlan(s).input;
  const m = figuresMemo.get(s);
  if (m && m.profile === profile && m.input === input) return m.figures;
  const incremental =
    m && m.profile === profile && m.input.networks === input.networks && m.input.practices === input.practices;
  const figures = incremental
    ? deprivationByNetwork(profile, input, m.figures, changedNetworks(m.input, input))
    : deprivationByNetwork(profile, input);
  return figuresMemo.set(s, { profile, input, figures }).figures;
}

/** One practice's registered patients by decile 1..10 (index 0 = decile 1), or null when it has no registrations. */
export function practiceDeciles(profile: PracticeDeprivation, code: string): number[] | null {
  const p = profile.index.get(code);
  if (p === undefined) return null;
  return Array.from(profile.deciles.subarray(p * DECILES, (p + 1) * DECILES));
}

/**
 * IMD decile colours, decile 1 (most deprived) first: a sequential, colour-blind-safe ramp
 * (viridis, dark = most deprived) used by the map layer, its legend and the decile bars.
 */
export const IMD_DECILE_COLOURS: readonly string[] = [
  '#440154',
  '#482878',
  '#3e4989',
  '#31688e',
  '#26828e',
  '#1f9e89',
  '#35b779',
  '#6ece58',
  '#b5de2b',
  '#fde725',
];

export type DecileCollection = import('geojson').FeatureCollection<
  import('geojson').MultiPolygon,
  { readonly code: string; readonly decile: number }
>;
const NO_AREAS: DecileCollection = { type: 'FeatureCollection', features: [] };
const decileMemo = memoSlot<{ layer: unknown; table: DeprivationTable; fc: DecileCollection }>('decile areas');

/**
 * The small areas shaded by IMD decile for the map: every area of the open layer with a decile,
 * or none unless the layer is shown (Settings), the small-area layer and a deprivation table are open.
 */
export function selectDecileAreas(
  s: Pick<PlannerState, 'smallAreas' | 'deprivation' | 'showDeprivationLayer' | 'memo'>,
): DecileCollection {
  if (!s.showDeprivationLayer || !s.smallAreas || !s.deprivation) return NO_AREAS;
  const { layer } = s.smallAreas;
  const { table } = s.deprivation;
  const m = decileMemo.get(s);
  if (m && m.layer === layer && m.table === table) return m.fc;
  const features: DecileCollection['features'] = [];
  layer.codes.forEach((code, a) => {
    const decile = table.decile.get(code);
    if (decile !== undefined)
      features.push({
        type: 'Feature',
        id: a,
        properties: { code, decile },
        geometry: { type: 'MultiPolygon', coordinates: layer.polygons[a] },
      });
  });
  return decileMemo.set(s, { layer, table, fc: { type: 'FeatureCollection', features } }).fc;
}

export interface Core20Change {
  readonly before: number | null;
  readonly after: number | null;
}
const compareMemo = memoSlot<{
  profile: PracticeDeprivation;
  before: PlanInput;
  after: PlanInput;
  out: Map<NetworkId, Core20Change>;
}>('core20 changes');

/** Each network's Core20 share in the scenario compared with (before) and the open one (after); null without the files. */
export function selectCore20Changes(
  s: Sources,
  before: PlanInput,
  after: PlanInput,
): ReadonlyMap<NetworkId, Core20Change> | null {
  const profile = selectPracticeDeprivation(s);
  if (!profile) return null;
  const m = compareMemo.get(s);
  if (m && m.profile === profile && m.before === before && m.after === after) return m.out;
  const a = deprivationByNetwork(profile, before);
  const b = deprivationByNetwork(profile, after);
  const out = new Map<NetworkId, Core20Change>();
  for (const id of new Set([...a.keys(), ...b.keys()]))
    out.set(id, { before: a.get(id)?.core20Share ?? null, after: b.get(id)?.core20Share ?? null });
  return compareMemo.set(s, { profile, before, after, out }).out;
}
