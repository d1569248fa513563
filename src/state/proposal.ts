// An auto-cluster proposal judged before it is accepted: its footprints (outlines for the map)
// and figures by the same rules as the plan itself (one definition of contiguity).
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Network, NetworkId, PracticeCode } from '../core/model';
import { evaluatePlan, type PlanResult } from '../core/plan';
import { selectTessellation } from './selectors';
import type { PlannerState } from './store';

export interface Proposal {
  readonly assignment: ReadonlyMap<PracticeCode, NetworkId>;
  readonly networks: readonly Network[];
}

/** The proposal evaluated on the plan's practices, boundary and band. */
export function evaluateProposal(s: Pick<PlannerState, 'doc' | 'memo'>, p: Proposal): PlanResult {
  return evaluatePlan(
    { practices: s.doc.practices, networks: p.networks, assignment: p.assignment, band: s.doc.band },
    selectTessellation(s),
  );
}

/** Networks whose footprint is one piece, by the core's definition (footprint `contiguous`). */
export function contiguousCount(plan: PlanResult): number {
  let n = 0;
  for (const s of plan.networks.values()) if (s.contiguous) n++;
  return n;
}

/** The proposal's footprints as features for the map's preview outlines. */
export function proposalOutlines(plan: PlanResult): FeatureCollection<Geometry, { network: string; band: string }> {
  const features: Feature<Geometry, { network: string; band: string }>[] = [];
  for (const [id, s] of plan.networks) {
    if (s.geometry) features.push({ type: 'Feature', geometry: s.geometry, properties: { network: id, band: s.band } });
  }
  return { type: 'FeatureCollection', features };
}
