// One auto-cluster job as the web worker runs it: builds the tessellation, reports the plan as
// it stands, then runs clusterPlan once per seed (alternatives to compare). Plain data in and
// out (structured-clone safe), so the worker file is only message plumbing and this is testable.
import { buildTessellation } from '../geometry';
import type { Assignment, Band, Boundary, Issue, Network, NetworkId, Practice, Result } from '../model';
import { clusterPlan } from './cluster-plan';
import { reportForPlan } from './report';
import { siteAttributes } from './site-graph';
import type { ClusterReport, ClusterResult, ClusterScope, HardArea } from './types';

export interface ClusterJobRequest {
  readonly practices: readonly Practice[];
  readonly boundary: Boundary | null;
  readonly band: Band;
  readonly scope: ClusterScope;
  readonly assignment: Assignment;
  readonly networks: readonly Network[];
  readonly lockedNetworkIds: readonly NetworkId[];
  readonly hardAreas: readonly HardArea[] | null;
  readonly targetSize?: number;
  readonly count?: number;
  readonly repair: boolean;
  /** One alternative per seed. */
  readonly seeds: readonly number[];
}

export interface ClusterAlternative {
  readonly seed: number;
  readonly result: ClusterResult;
  /** e.g. "asked for 100 networks but made 40: …" */
  readonly warnings: readonly Issue[];
}

/** A finished (or cancelled) job: the plan's figures before, and one alternative per seed run. */
export interface ClusterJobRun {
  readonly before: ClusterReport;
  readonly alternatives: ClusterAlternative[];
  readonly cancelled: boolean;
}

export type ClusterJobOutcome = Result<ClusterJobRun>;

export function runClusterJob(
  req: ClusterJobRequest,
  onProgress: (fraction: number) => void = () => {},
  shouldCancel: () => boolean = () => false,
): ClusterJobOutcome {
  const t = buildTessellation(req.practices, req.boundary);
  const before = reportForPlan(
    t,
    req.practices,
    req.assignment,
    req.networks.map((n) => n.id),
    req.band,
    siteAttributes(t, req.practices),
  );
  const alternatives: ClusterAlternative[] = [];
  const seeds = req.seeds.length ? req.seeds : [1];
  for (const [k, seed] of seeds.entries()) {
    const result = clusterPlan(
      {
        practices: req.practices,
        tessellation: t,
        band: req.band,
        scope: req.scope,
        assignment: req.assignment,
        networks: req.networks,
        lockedNetworkIds: req.lockedNetworkIds,
        hardAreas: req.hardAreas,
        targetSize: req.targetSize,
        count: req.count,
        repair: req.repair,
        seed,
      },
      (f) => onProgress((k + f) / seeds.length),
      shouldCancel,
    );
    if (!result.ok) return { ok: false, errors: result.errors, warnings: [] };
    if (result.value.cancelled) return { ok: true, value: { before, alternatives, cancelled: true }, warnings: [] };
    alternatives.push({ seed, result: result.value, warnings: result.warnings });
  }
  return { ok: true, value: { before, alternatives, cancelled: false }, warnings: [] };
}
