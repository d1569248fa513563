// A PlanResult in a form that crosses threads cheaply: the footprints as packed typed arrays and
// the tessellation packed separately; the receiving side rebuilds the PlanResult over its own
// input objects (equal in content to the input the plan was evaluated from).
import {
  packPolygons,
  packTessellation,
  unpackPolygon,
  unpackTessellation,
  type PackedPolygons,
  type PackedTessellation,
} from '../geometry';
import type { NetworkId } from '../model';
import type { NetworkSummary, PlanInput, PlanResult } from './types';

export interface PackedPlan {
  readonly tessellation: PackedTessellation;
  /** Network summaries in input network order, without their geometry. */
  readonly summaries: readonly Omit<NetworkSummary, 'geometry'>[];
  /** Footprints, parallel to summaries. */
  readonly footprints: PackedPolygons;
  readonly rest: Omit<PlanResult, 'input' | 'tessellation' | 'networks'>;
}

export function packPlan(plan: PlanResult): PackedPlan {
  const { input, tessellation, networks, ...rest } = plan;
  const all = [...networks.values()];
  return {
    tessellation: packTessellation(tessellation),
    summaries: all.map(({ geometry, ...s }) => s),
    footprints: packPolygons(all.map((s) => s.geometry)),
    rest: { ...rest, siteOwner: rest.siteOwner.slice() },
  };
}

/**
 * The plan over `input`, which must equal (in content) the input `packPlan` was given; the
 * tessellation is rebuilt from its arrays, no geometry is recomputed.
 */
export function unpackPlan(packed: PackedPlan, input: PlanInput): PlanResult {
  const networks = new Map<NetworkId, NetworkSummary>();
  packed.summaries.forEach((s, i) => networks.set(s.id, { ...s, geometry: unpackPolygon(packed.footprints, i) }));
  return { input, tessellation: unpackTessellation(packed.tessellation), networks, ...packed.rest };
}
