// The Auto-cluster dialog's options as typed (text fields) and the worker request built from them.
import { CLUSTER_SCOPE, parseHardAreas, type ClusterScope, type HardArea } from '../core/cluster';
import type { ClusterJobRequest } from '../core/cluster/cluster-job';
import type { Result } from '../core/model';
import type { ClusterDialogPlan } from './ClusterDialog';

export interface ClusterOptions {
  readonly scope: ClusterScope;
  readonly min: string;
  readonly max: string;
  readonly target: string;
  readonly count: string;
  readonly seed: string;
  readonly alternatives: string;
  readonly repair: boolean;
}

/** A hard-boundary layer as chosen: its file text and the property that names its areas. */
export interface HardLayerChoice {
  readonly name: string;
  readonly text: string;
  readonly fields: readonly string[];
  /** '' : the field the parser picks. */
  readonly field: string;
}

export const defaultOptions = (plan: ClusterDialogPlan): ClusterOptions => ({
  scope: CLUSTER_SCOPE.all,
  min: String(plan.band.min),
  max: String(plan.band.max),
  target: '',
  count: '',
  seed: '1',
  alternatives: '3',
  repair: false,
});

function positiveOrUndefined(text: string): number | undefined {
  const n = Number(text.replace(/[_,\s]/g, ''));
  return text.trim() !== '' && Number.isFinite(n) && n > 0 ? Math.round(n) : undefined;
}

/** The property names of a GeoJSON layer's first feature (none when the text is not JSON). */
export function layerFields(text: string): string[] {
  try {
    const json = JSON.parse(text) as { features?: { properties?: Record<string, unknown> }[] };
    return Object.keys(json.features?.[0]?.properties ?? {});
  } catch {
    return [];
  }
}

/**
 * The worker request for `options` over `plan`: the band and sizes read from the text fields
 * (blank or invalid: the default), 1 to 6 seeds from the first, the hard areas parsed from `layer`.
 */
export function clusterRequest(
  plan: ClusterDialogPlan,
  options: ClusterOptions,
  layer: HardLayerChoice | null,
): Result<ClusterJobRequest> {
  let hardAreas: HardArea[] | null = null;
  if (layer) {
    const parsed = parseHardAreas(layer.text, layer.name, layer.field || undefined);
    if (!parsed.ok) return parsed;
    hardAreas = parsed.value;
  }
  const first = positiveOrUndefined(options.seed) ?? 1;
  const n = Math.min(6, Math.max(1, positiveOrUndefined(options.alternatives) ?? 1));
  const request: ClusterJobRequest = {
    practices: plan.practices,
    boundary: plan.boundary,
    band: { min: positiveOrUndefined(options.min) ?? 0, max: positiveOrUndefined(options.max) ?? 0 },
    scope: options.scope,
    assignment: plan.assignment,
    networks: plan.networks.map((x) => ({ id: x.id, name: x.name })),
    lockedNetworkIds: plan.networks.filter((x) => x.locked).map((x) => x.id),
    hardAreas,
    targetSize: positiveOrUndefined(options.target),
    count: options.repair ? undefined : positiveOrUndefined(options.count),
    repair: options.repair && plan.assignment.size > 0,
    seeds: Array.from({ length: n }, (_, k) => first + k),
  };
  return { ok: true, value: request, warnings: [] };
}
