// Auto-cluster entry point: partitions the practices in scope into contiguous networks inside
// the population band, from scratch or by repairing an existing plan. Pure and deterministic
// for a given seed; works at site level (co-located practices share one cell).
import { bandStatus, type Issue, type Network, type NetworkId, type PracticeCode, type Result } from '../model';
import { siteOwnerId } from '../plan/site-owner';
import { fixBand } from './fix-band';
import { siteAreas } from './hard-areas';
import { improveCompactness, type Core20Balance } from './improve-compactness';
import type { Partition } from './partition';
import { createRandom } from './prng';
import { repairStart } from './repair-start';
import { buildReport, core20Spread, networkFigures } from './report';
import { scratchStart } from './scratch-start';
import { buildSiteGraph, siteAttributes, type SiteGraph } from './site-graph';
import { classifyOutOfBand } from './classify';
import {
  UNAVOIDABLE_REASON,
  type ClusterDeprivation,
  type ClusterOptions,
  type ClusterReport,
  type ClusterResult,
  type PracticeMove,
  type UnavoidableCase,
} from './types';
import { placeCelllessSites } from './place-cellless-sites';
import { undoNeedlessMoves } from './undo-moves';
import { validateClusterOptions } from './validate-options';

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Id for the k-th new network that collides with none of `taken`, e.g. "AC0007". */
function newIdMaker(prefix: string, taken: Set<string>, width: number) {
  let k = 0;
  return (): NetworkId => {
    let id: string;
    do id = `${prefix}${String(++k).padStart(width, '0')}`;
    while (taken.has(id));
    taken.add(id);
    return id as NetworkId;
  };
}

/**
 * Clusters practices into networks. `onProgress` gets fractions 0..1; when `shouldCancel`
 * returns true the run stops and the result has `cancelled: true` and the input plan unchanged.
 * Example: `clusterPlan({ practices, tessellation, band: { min: 30000, max: 50000 }, seed: 1 })`.
 */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: on the allowlist in tests/unit/architecture/lint.test.ts
export function clusterPlan(
  opts: ClusterOptions,
  onProgress: (fraction: number) => void = () => {},
  shouldCancel: () => boolean = () => false,
): Result<ClusterResult> {
  const started = now();
  const errors = validateClusterOptions(opts);
  if (errors.length) return { ok: false, errors, warnings: [] };
  const { practices, tessellation: t, band } = opts;
  const scope = opts.scope ?? 'all';
  const input = opts.assignment ?? new Map<PracticeCode, NetworkId>();
  const repair = opts.repair === true;
  const targetSize = opts.targetSize ?? (band.min + band.max) / 2;
  const random = createRandom(opts.seed ?? 1);
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
  onProgress(0.05);

  const cancelled = (): Result<ClusterResult> => {
    const figures = networkFigures(
      t,
      practices,
      attrs,
      input,
      (opts.networks ?? []).map((n) => n.id),
    );
    return {
      ok: true,
      warnings: [],
      value: {
        cancelled: true,
        assignment: new Map(input),
        networks: [...(opts.networks ?? [])],
        moves: [],
        report: withCore20(
          buildReport(figures, band, {
            practicesMoved: 0,
            practicesAssigned: 0,
            runtimeMs: now() - started,
            unavoidable: [],
          }),
          opts,
          input,
          (opts.networks ?? []).map((n) => n.id),
        ),
      },
    };
  };

  // Region index <-> existing network, for repair.
  const existingIds = [...new Set(g.site.length ? [...input.values()] : [])].filter((id) => !locked.has(id)).sort();
  const regionOfId = new Map(existingIds.map((id, k) => [id, k]));
  let reasons = new Map<number, (typeof UNAVOIDABLE_REASON)[keyof typeof UNAVOIDABLE_REASON]>();
  let partition: Partition;
  const initial = new Int32Array(g.n).fill(-1);
  if (repair) {
    for (let i = 0; i < g.n; i++) {
      const owner = siteOwnerId(t.sites[g.site[i]].practices, practices, input);
      if (owner !== undefined) initial[i] = regionOfId.get(owner) ?? -1;
    }
    partition = repairStart(g, band, initial, existingIds.length, targetSize, random);
  } else {
    const start = scratchStart(g, band, { targetSize, count: opts.count, random });
    partition = start.partition;
    reasons = start.reasons;
  }
  onProgress(0.3);
  if (shouldCancel()) return cancelled();

  const fixOpts = { repair, fixedCount: opts.count !== undefined, targetSize, random, shouldCancel };
  if (!fixBand(partition, fixOpts, () => onProgress(0.5))) return cancelled();
  onProgress(0.7);
  if (!repair) {
    if (!improveCompactness(partition, 15, shouldCancel, nodeBalance(g, t, opts.deprivation))) return cancelled();
    if (!fixBand(partition, fixOpts)) return cancelled();
  }
  const movesUndone = repair ? undoNeedlessMoves(partition, initial) : 0;
  placeCelllessSites(partition);
  onProgress(0.9);

  // Network ids: repair keeps the existing ids; new regions get fresh ones.
  const taken = new Set<string>([...input.values(), ...(opts.networks ?? []).map((n) => n.id)]);
  const live: number[] = [];
  for (let r = 0; r < partition.pop.length; r++) if (partition.size[r] > 0) live.push(r);
  live.sort((a, b) => Math.min(...partition.members[a]) - Math.min(...partition.members[b]));
  const idOf = new Map<number, NetworkId>();
  if (repair) for (const [id, r] of regionOfId) if (partition.size[r] > 0) idOf.set(r, id as NetworkId);
  // New ids never reuse an id of the input plan, so an id keeps meaning one network.
  const makeId = newIdMaker(opts.idPrefix ?? 'AC', taken, String(live.length).length + 1);
  for (const r of live) if (!idOf.has(r)) idOf.set(r, makeId());

  const assignment = new Map<PracticeCode, NetworkId>();
  practices.forEach((pr, k) => {
    const id = input.get(pr.code);
    if (fixedPractice[k] && id !== undefined) assignment.set(pr.code, id);
  });
  for (let i = 0; i < g.n; i++) {
    const id = idOf.get(partition.label[i]);
    if (id === undefined) continue;
    for (const pi of t.sites[g.site[i]].practices) assignment.set(practices[pi].code, id);
  }
  // Active practices on a site shared with a fixed practice keep their network.
  practices.forEach((pr, k) => {
    const id = input.get(pr.code);
    if (!assignment.has(pr.code) && id !== undefined && !keep[t.siteOfPractice[k]]) assignment.set(pr.code, id);
  });

  const names = new Map((opts.networks ?? []).map((n) => [n.id as string, n.name]));
  const usedIds = new Set(assignment.values());
  const networks: Network[] = [];
  for (const n of opts.networks ?? []) if (usedIds.has(n.id)) networks.push(n);
  const listed = new Set(networks.map((n) => n.id as string));
  const orderedNew = [...usedIds].filter((id) => !listed.has(id)).sort();
  for (const id of orderedNew) networks.push({ id, name: names.get(id) ?? `Auto-cluster ${id}` });

  const moves: PracticeMove[] = [];
  for (const pr of practices) {
    const from = input.get(pr.code) ?? null;
    const to = assignment.get(pr.code);
    if (to !== undefined && to !== from) moves.push({ practiceCode: pr.code, from, to });
  }

  const ids = networks.map((n) => n.id);
  const figures = networkFigures(t, practices, attrs, assignment, ids);
  const regionOfNetwork = new Map([...idOf].map(([r, id]) => [id as string, r]));
  const unavoidable: UnavoidableCase[] = [];
  networks.forEach((n, k) => {
    const f = figures[k];
    const status = bandStatus(f.population, band);
    const r = regionOfNetwork.get(n.id);
    if (r === undefined) {
      if (status !== 'within') unavoidable.push(describe(n.id, status, f.population, UNAVOIDABLE_REASON.keptAsIs));
      return;
    }
    if (status === 'within') return;
    const reason = reasons.get(r) ?? classifyOutOfBand(partition, r, targetSize);
    unavoidable.push(describe(n.id, status, f.population, reason));
  });

  const report = withCore20(
    buildReport(figures, band, {
      practicesMoved: moves.filter((m) => m.from !== null).length,
      practicesAssigned: moves.filter((m) => m.from === null).length,
      movesUndone,
      runtimeMs: now() - started,
      unavoidable,
    }),
    opts,
    assignment,
    ids,
  );
  onProgress(1);
  const warnings = opts.count === undefined ? [] : countWarnings(opts.count, networks.length, g.n);
  return { ok: true, warnings, value: { cancelled: false, assignment, networks, moves, report } };
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
  return [{ severity: 'warning', message: `asked for ${asked} networks but made ${made}: ${why}` }];
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
