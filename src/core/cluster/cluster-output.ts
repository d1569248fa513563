// The last stage of clusterPlan: the final partition turned into the plan it returns. Regions
// get network ids (repair keeps the existing ones), practices their network, and the networks
// and moves are listed.
import type { Assignment, Network, NetworkId, PracticeCode } from '../model';
import type { Partition } from './partition';
import type { siteAttributes, SiteGraph } from './site-graph';
import type { ClusterOptions, PracticeMove } from './types';

/** What every stage of one clusterPlan run reads: the options and the graph built from them. */
export interface ClusterRun {
  readonly opts: ClusterOptions;
  /** The plan as it stands (empty when none was given). */
  readonly input: Assignment;
  readonly repair: boolean;
  readonly locked: ReadonlySet<string>;
  /** Per practice: kept in its network (locked, or out of scope). */
  readonly fixedPractice: readonly boolean[];
  /** Per site: 1 when the clustering may move it. */
  readonly keep: Uint8Array;
  readonly attrs: ReturnType<typeof siteAttributes>;
  readonly g: SiteGraph;
  /** performance.now() when the run started. */
  readonly started: number;
}

export interface ClusterOutput {
  /** Region -> network id, for every live region. */
  readonly idOf: Map<number, NetworkId>;
  readonly assignment: Map<PracticeCode, NetworkId>;
  readonly networks: Network[];
  readonly moves: PracticeMove[];
}

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

/** Network ids: repair keeps the existing ids; new regions get fresh ones, never an id of the input plan. */
function regionIds(run: ClusterRun, partition: Partition, regionOfId: ReadonlyMap<string, number>) {
  const { opts, input } = run;
  const taken = new Set<string>([...input.values(), ...(opts.networks ?? []).map((n) => n.id)]);
  const live: number[] = [];
  for (let r = 0; r < partition.pop.length; r++) if (partition.size[r] > 0) live.push(r);
  const lowest = new Int32Array(partition.pop.length);
  for (const r of live) lowest[r] = Math.min(...partition.members[r]);
  live.sort((a, b) => lowest[a] - lowest[b]);
  const idOf = new Map<number, NetworkId>();
  if (run.repair) for (const [id, r] of regionOfId) if (partition.size[r] > 0) idOf.set(r, id as NetworkId);
  const makeId = newIdMaker(opts.idPrefix ?? 'AC', taken, String(live.length).length + 1);
  for (const r of live) if (!idOf.has(r)) idOf.set(r, makeId());
  return idOf;
}

function outputAssignment(run: ClusterRun, partition: Partition, idOf: ReadonlyMap<number, NetworkId>) {
  const { opts, input, fixedPractice, keep, g } = run;
  const { practices, tessellation: t } = opts;
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
  return assignment;
}

/** The input's networks still in use, in their order, then the new ones by id. */
function outputNetworks(opts: ClusterOptions, assignment: ReadonlyMap<PracticeCode, NetworkId>): Network[] {
  const names = new Map((opts.networks ?? []).map((n) => [n.id as string, n.name]));
  const usedIds = new Set(assignment.values());
  const networks: Network[] = [];
  for (const n of opts.networks ?? []) if (usedIds.has(n.id)) networks.push(n);
  const listed = new Set(networks.map((n) => n.id as string));
  const orderedNew = [...usedIds].filter((id) => !listed.has(id)).sort();
  for (const id of orderedNew) networks.push({ id, name: names.get(id) ?? `Auto-cluster ${id}` });
  return networks;
}

export function clusterOutput(
  run: ClusterRun,
  partition: Partition,
  regionOfId: ReadonlyMap<string, number>,
): ClusterOutput {
  const idOf = regionIds(run, partition, regionOfId);
  const assignment = outputAssignment(run, partition, idOf);
  const networks = outputNetworks(run.opts, assignment);
  const moves: PracticeMove[] = [];
  for (const pr of run.opts.practices) {
    const from = run.input.get(pr.code) ?? null;
    const to = assignment.get(pr.code);
    if (to !== undefined && to !== from) moves.push({ practiceCode: pr.code, from, to });
  }
  return { idOf, assignment, networks, moves };
}
