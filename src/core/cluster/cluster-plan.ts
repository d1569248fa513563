// Auto-cluster entry point: partitions the practices in scope into contiguous networks inside
// the population band, from scratch or by repairing an existing plan. Pure and deterministic
// for a given seed; works at site level (co-located practices share one cell).
import { bandStatus, type Issue, type NetworkId, type PracticeCode, type Result } from '../model';
import { siteOwnerId } from '../plan/site-owner';
import { classifyOutOfBand } from './classify';
import { type ClusterOutput, type ClusterRun, clusterOutput } from './cluster-output';
import { fixBand } from './fix-band';
import { siteAreas } from './hard-areas';
import { improveCompactness, type Core20Balance } from './improve-compactness';
import type { Partition } from './partition';
import { placeCelllessSites } from './place-cellless-sites';
import { createRandom } from './prng';
import { repairStart } from './repair-start';
import { buildReport, core20Spread, networkFigures } from './report';
import { scratchStart } from './scratch-start';
import { buildSiteGraph, siteAttributes, type SiteGraph } from './site-graph';
import {
  UNAVOIDABLE_REASON,
  type ClusterDeprivation,
  type ClusterOptions,
  type ClusterReport,
  type ClusterResult,
  type UnavoidableCase,
  type UnavoidableReason,
} from './types';
import { undoNeedlessMoves } from './undo-moves';
import { validateClusterOptions } from './validate-options';

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Clusters practices into networks. `onProgress` gets fractions 0..1; when `shouldCancel`
 * returns true the run stops and the result has `cancelled: true` and the input plan unchanged.
 * Example: `clusterPlan({ practices, tessellation, band: { min: 30000, max: 50000 }, seed: 1 })`.
 */
export function clusterPlan(
  opts: ClusterOptions,
  onProgress: (fraction: number) => void = () => {},
  shouldCancel: () => boolean = () => false,
): Result<ClusterResult> {
  const started = now();
  const errors = validateClusterOptions(opts);
  if (errors.length) return { ok: false, errors, warnings: [] };
  const { band } = opts;
  const targetSize = opts.targetSize ?? (band.min + band.max) / 2;
  const random = createRandom(opts.seed ?? 1);
  const run = prepareRun(opts, started);
  onProgress(0.05);

  const start = startPartition(run, targetSize, random);
  const { partition } = start;
  onProgress(0.3);
  if (shouldCancel()) return cancelledResult(run);

  const fixOpts = { repair: run.repair, fixedCount: opts.count !== undefined, targetSize, random, shouldCancel };
  if (!fixBand(partition, fixOpts, () => onProgress(0.5))) return cancelledResult(run);
  onProgress(0.7);
  if (!run.repair) {
    const balance = nodeBalance(run.g, opts.tessellation, opts.deprivation);
    if (!improveCompactness(partition, 15, shouldCancel, balance)) return cancelledResult(run);
    if (!fixBand(partition, fixOpts)) return cancelledResult(run);
  }
  const movesUndone = run.repair ? undoNeedlessMoves(partition, start.initial) : 0;
  placeCelllessSites(partition);
  onProgress(0.9);

  const out = clusterOutput(run, partition, start.regionOfId);
  const report = finalReport(run, partition, out, { reasons: start.reasons, movesUndone, targetSize });
  onProgress(1);
  const warnings = opts.count === undefined ? [] : countWarnings(opts.count, out.networks.length, run.g.n);
  const { assignment, networks, moves } = out;
  return { ok: true, warnings, value: { cancelled: false, assignment, networks, moves, report } };
}

/** The site graph and what every stage reads, from the options. */
function prepareRun(opts: ClusterOptions, started: number): ClusterRun {
  const { practices, tessellation: t } = opts;
  const scope = opts.scope ?? 'all';
  const input = opts.assignment ?? new Map<PracticeCode, NetworkId>();
  const repair = opts.repair === true;
  const locked = new Set<string>(opts.lockedNetworkIds ?? []);
  const fixedPractice = practices.map((pr) => {
    const id = input.get(pr.code);
    if (id === undefined) return false;
    return locked.has(id) || (scope === 'unassigned' && !repair);
  });
  const attrs = siteAttributes(t, practices);
  const keep = new Uint8Array(t.sites.length);
  t.sites.forEach((site, s) => {
    keep[s] = site.practices.length > 0 && site.practices.every((pi) => !fixedPractice[pi]) ? 1 : 0;
  });
  const group = opts.hardAreas ? siteAreas(t, opts.hardAreas) : null;
  const g = buildSiteGraph(t, attrs, keep, group);
  return { opts, input, repair, locked, fixedPractice, keep, attrs, g, started };
}

/**
 * The first partition: for repair, each site in the region of the network owning it in the input
 * plan (plan/site-owner's rule; locked networks are no region); from scratch, grown regions.
 */
function startPartition(run: ClusterRun, targetSize: number, random: () => number) {
  const { opts, g, input, locked } = run;
  // Region index <-> existing network, for repair.
  const existingIds = [...new Set(g.site.length ? [...input.values()] : [])].filter((id) => !locked.has(id)).sort();
  const regionOfId = new Map(existingIds.map((id, k) => [id, k]));
  const initial = new Int32Array(g.n).fill(-1);
  if (!run.repair) {
    const start = scratchStart(g, opts.band, { targetSize, count: opts.count, random });
    return { partition: start.partition, reasons: start.reasons, initial, regionOfId };
  }
  for (let i = 0; i < g.n; i++) {
    const owner = siteOwnerId(opts.tessellation.sites[g.site[i]].practices, opts.practices, input);
    if (owner !== undefined) initial[i] = regionOfId.get(owner) ?? -1;
  }
  const partition = repairStart(g, opts.band, initial, existingIds.length, targetSize, random);
  return { partition, reasons: new Map<number, UnavoidableReason>(), initial, regionOfId };
}

/** The input plan unchanged, with its figures, for a run stopped by shouldCancel. */
function cancelledResult(run: ClusterRun): Result<ClusterResult> {
  const { opts, input } = run;
  const ids = (opts.networks ?? []).map((n) => n.id);
  const figures = networkFigures(opts.tessellation, opts.practices, run.attrs, input, ids);
  const report = buildReport(figures, opts.band, {
    practicesMoved: 0,
    practicesAssigned: 0,
    runtimeMs: now() - run.started,
    unavoidable: [],
  });
  return {
    ok: true,
    warnings: [],
    value: {
      cancelled: true,
      assignment: new Map(input),
      networks: [...(opts.networks ?? [])],
      moves: [],
      report: withCore20(report, opts, input, ids),
    },
  };
}

/** The report over the output plan, with every network outside the band and why. */
function finalReport(
  run: ClusterRun,
  partition: Partition,
  out: ClusterOutput,
  extra: { reasons: ReadonlyMap<number, UnavoidableReason>; movesUndone: number; targetSize: number },
): ClusterReport {
  const { opts } = run;
  const ids = out.networks.map((n) => n.id);
  const figures = networkFigures(opts.tessellation, opts.practices, run.attrs, out.assignment, ids);
  const regionOfNetwork = new Map([...out.idOf].map(([r, id]) => [id as string, r]));
  const unavoidable: UnavoidableCase[] = [];
  out.networks.forEach((n, k) => {
    const f = figures[k];
    const status = bandStatus(f.population, opts.band);
    const r = regionOfNetwork.get(n.id);
    if (r === undefined) {
      if (status !== 'within') unavoidable.push(describe(n.id, status, f.population, UNAVOIDABLE_REASON.keptAsIs));
      return;
    }
    if (status === 'within') return;
    const reason = extra.reasons.get(r) ?? classifyOutOfBand(partition, r, extra.targetSize);
    unavoidable.push(describe(n.id, status, f.population, reason));
  });
  const report = buildReport(figures, opts.band, {
    practicesMoved: out.moves.filter((m) => m.from !== null).length,
    practicesAssigned: out.moves.filter((m) => m.from === null).length,
    movesUndone: extra.movesUndone,
    runtimeMs: now() - run.started,
    unavoidable,
  });
  return withCore20(report, opts, out.assignment, ids);
}

/** The report with the Core20 spread added when the options carry deprivation figures. */
function withCore20(
  report: ClusterReport,
  opts: ClusterOptions,
  assignment: ReadonlyMap<PracticeCode, NetworkId>,
  ids: readonly NetworkId[],
): ClusterReport {
  return opts.deprivation
    ? { ...report, core20: core20Spread(opts.practices, assignment, ids, opts.deprivation) }
    : report;
}

/** Per graph node (site) Core20 and known-IMD patients, or null when the balance is off. */
function nodeBalance(
  g: SiteGraph,
  t: ClusterOptions['tessellation'],
  dep: ClusterDeprivation | null | undefined,
): Core20Balance | null {
  if (!dep || !(dep.balanceWeight ?? 0)) return null;
  const core20 = new Float64Array(g.n);
  const imdPatients = new Float64Array(g.n);
  for (let i = 0; i < g.n; i++) {
    for (const pi of t.sites[g.site[i]].practices) {
      core20[i] += dep.core20[pi];
      imdPatients[i] += dep.imdPatients[pi];
    }
  }
  return { core20, imdPatients, weight: dep.balanceWeight ?? 0 };
}

/** Why an exact count of networks was not met, e.g. 100 asked of 40 practice sites. */
function countWarnings(asked: number, made: number, sites: number): Issue[] {
  if (made === asked) return [];
  const why =
    made < asked
      ? sites < asked
        ? `there are only ${sites} practice sites to build networks from (practices at one point share a site) and each network needs at least one`
        : 'more networks would have left some empty or in several parts'
      : 'each separate group of cells (islands, or areas of a hard boundary layer) needs a network of its own';
  return [
    { severity: 'warning', code: 'clusterShortfall', message: `asked for ${asked} networks but made ${made}: ${why}` },
  ];
}

const REASON_TEXT = {
  [UNAVOIDABLE_REASON.practiceAboveMax]: 'a practice site above the maximum is a network on its own',
  [UNAVOIDABLE_REASON.isolatedBelowMin]:
    'its group of practices is cut off from the rest (island or hard boundary) and is below the minimum in total',
  [UNAVOIDABLE_REASON.cannotFitBand]:
    'its cut-off group of practices cannot be divided into networks that all fall in the band',
  [UNAVOIDABLE_REASON.unresolved]: 'no band-respecting change was found (not proven unavoidable)',
  [UNAVOIDABLE_REASON.keptAsIs]: 'locked or outside the scope, kept as it was',
} as const;

function describe(
  networkId: NetworkId,
  band: UnavoidableCase['band'],
  population: number,
  reason: UnavoidableCase['reason'],
): UnavoidableCase {
  return {
    networkId,
    band,
    population,
    reason,
    message: `network ${networkId} (${population.toLocaleString('en-GB')}) is ${band} the band: ${REASON_TEXT[reason]}`,
  };
}
