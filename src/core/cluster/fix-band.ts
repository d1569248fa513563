// Brings regions into the population band: first single boundary moves that reduce the total
// band violation, then re-partitions of a region together with its neighbours (which covers
// merging a small region, splitting a large one and re-drawing a shared border).
import { polsbyPopper } from '../geometry/polsby-popper';
import { carveRegion } from './carve';
import { growRegions } from './grow-regions';
import {
  adjacentRegions,
  canRemove,
  membersOf,
  newRegion,
  placeNode,
  regionPP,
  shapeAfter,
  violation,
  type Partition,
} from './partition';

export interface FixBandOptions {
  /** Repair: prefer moves of few practices over compactness. */
  readonly repair: boolean;
  /** The number of regions must not change (no merges or extra splits). */
  readonly fixedCount: boolean;
  readonly targetSize: number;
  readonly random: () => number;
  readonly shouldCancel: () => boolean;
  readonly maxRounds?: number;
}

const v = (p: Partition, pop: number) => violation(pop, p.band);

/** Cap on second-ring regions in one re-partition, to bound its cost. */
const MAX_RING2 = 8;

interface Move {
  node: number;
  from: number;
  to: number;
  score: number;
}

/** Scores moving node i from its region to region `to` (lower is better), or null if it does not reduce the violation. */
function scoreMove(p: Partition, i: number, to: number, repair: boolean): number | null {
  const from = p.label[i];
  const pi = p.g.population[i];
  const delta = v(p, p.pop[from] - pi) + v(p, p.pop[to] + pi) - v(p, p.pop[from]) - v(p, p.pop[to]);
  if (delta >= 0) return null;
  if (repair) return delta / p.g.practiceCount[i];
  const a = shapeAfter(p, i, from, -1);
  const b = shapeAfter(p, i, to, 1);
  const ppGain =
    polsbyPopper(a.areaM2, a.perimeterMetres) +
    polsbyPopper(b.areaM2, b.perimeterMetres) -
    regionPP(p, from) -
    regionPP(p, to);
  return delta - 1000 * ppGain;
}

/** The best violation-reducing move in or out of region r among `allowed` regions. */
function bestMove(p: Partition, r: number, repair: boolean, allowed: (q: number) => boolean): Move | null {
  const { g } = p;
  const below = p.pop[r] < p.band.min;
  const candidates: Move[] = [];
  for (const i of p.members[r]) {
    for (let k = g.adjStart[i]; k < g.adjStart[i + 1]; k++) {
      const j = g.adj[k];
      const q = p.label[j];
      if (q === -1 || q === r || p.frozen[q] || !allowed(q)) continue;
      const node = below ? j : i;
      const to = below ? r : q;
      const score = scoreMove(p, node, to, repair);
      if (score !== null) candidates.push({ node, from: p.label[node], to, score });
    }
  }
  candidates.sort((a, b) => a.score - b.score || a.node - b.node || a.to - b.to);
  for (const c of candidates) if (canRemove(p, c.node)) return c;
  return null;
}

/** Applies violation-reducing moves around r until it is in band or none is left. */
function moveIntoBand(p: Partition, r: number, repair: boolean, allowed: (q: number) => boolean): boolean {
  let moved = false;
  while (v(p, p.pop[r]) > 0) {
    const m = bestMove(p, r, repair, allowed);
    if (!m) break;
    placeNode(p, m.node, m.to);
    moved = true;
  }
  return moved;
}

function partsFor(p: Partition, population: number, current: number, opts: FixBandOptions): number | null {
  if (opts.fixedCount) return current;
  const lo = Math.max(1, Math.ceil(population / p.band.max));
  const hi = Math.floor(population / p.band.min);
  if (lo > hi) return null;
  return Math.min(hi, Math.max(lo, Math.round(population / opts.targetSize)));
}

/** Renumbers the new regions so each keeps the old id it overlaps most (fewest practices change network). */
function relabelByOverlap(p: Partition, nodes: readonly number[], before: Int32Array, ids: readonly number[]): void {
  const overlaps: { newId: number; oldId: number; practices: number }[] = [];
  for (const newId of ids) {
    const byOld = new Map<number, number>();
    nodes.forEach((i, k) => {
      if (p.label[i] === newId) byOld.set(before[k], (byOld.get(before[k]) ?? 0) + p.g.practiceCount[i]);
    });
    for (const [oldId, practices] of byOld) overlaps.push({ newId, oldId, practices });
  }
  overlaps.sort((a, b) => b.practices - a.practices || a.newId - b.newId || a.oldId - b.oldId);
  const mapping = new Map<number, number>();
  const usedOld = new Set<number>();
  for (const o of overlaps) {
    if (mapping.has(o.newId) || usedOld.has(o.oldId) || !ids.includes(o.oldId)) continue;
    mapping.set(o.newId, o.oldId);
    usedOld.add(o.oldId);
  }
  const free = ids.filter((id) => !usedOld.has(id));
  for (const id of ids) if (!mapping.has(id) && p.size[id] > 0) mapping.set(id, free.shift() as number);
  const target = nodes.map((i) => mapping.get(p.label[i]) ?? p.label[i]);
  for (const i of nodes) placeNode(p, i, -1);
  nodes.forEach((i, k) => placeNode(p, i, target[k]));
}

interface Attempt {
  labels: Int32Array;
  violation: number;
  changedPractices: number;
  meanPP: number;
}

/**
 * Re-partitions region r together with each neighbour in turn (and with all of them), keeping
 * the best outcome if it lowers the total violation of the regions involved.
 */
function repartition(p: Partition, r: number, opts: FixBandOptions): boolean {
  const neighbours = new Set<number>();
  for (const i of p.members[r]) for (const q of adjacentRegions(p, i)) if (!p.frozen[q]) neighbours.add(q);
  const sorted = [...neighbours].sort((a, b) => p.pop[a] - p.pop[b] || a - b);
  const groups: number[][] = [[r], ...sorted.map((q) => [r, q])];
  if (sorted.length > 1) groups.push([r, ...sorted]);
  // The second ring lets a deficit pass through a neighbour that has no slack itself.
  const ring2 = new Set<number>();
  for (const q of sorted) {
    for (const i of p.members[q])
      for (const o of adjacentRegions(p, i)) if (o !== r && !p.frozen[o] && !neighbours.has(o)) ring2.add(o);
  }
  if (ring2.size) groups.push([r, ...sorted, ...[...ring2].sort((a, b) => a - b).slice(0, MAX_RING2)]);

  let best: { group: number[]; nodes: number[]; attempt: Attempt } | null = null;
  for (const group of groups) {
    const population = group.reduce((s, q) => s + p.pop[q], 0);
    const aim = partsFor(p, population, group.length, opts);
    if (aim === null) continue;
    // One part fewer gives each part more slack when the aimed-for count is tight.
    const counts = opts.fixedCount || aim - 1 < Math.ceil(population / p.band.max) ? [aim] : [aim, aim - 1];
    for (const m of counts) {
      if (group.length === 1 && m === 1) continue;
      const nodes = group.flatMap((q) => membersOf(p, q)).sort((a, b) => a - b);
      const before = Int32Array.from(nodes, (i) => p.label[i]);
      const violationBefore = group.reduce((s, q) => s + v(p, p.pop[q]), 0);
      const ids = [...group];
      while (ids.length < m) ids.push(newRegion(p));
      const inGroup = (q: number) => ids.includes(q);
      for (let tryNo = 0; tryNo < 3; tryNo++) {
        growRegions(p, nodes, ids.slice(0, m), opts.random, 1);
        for (const q of ids) if (p.size[q] > 0) moveIntoBand(p, q, opts.repair, inGroup);
        relabelByOverlap(p, nodes, before, ids);
        const live = ids.filter((q) => p.size[q] > 0);
        const attempt: Attempt = {
          labels: Int32Array.from(nodes, (i) => p.label[i]),
          violation: live.reduce((s, q) => s + v(p, p.pop[q]), 0),
          changedPractices: nodes.reduce((s, i, k) => s + (p.label[i] !== before[k] ? p.g.practiceCount[i] : 0), 0),
          meanPP: live.reduce((s, q) => s + regionPP(p, q), 0) / live.length,
        };
        if (attempt.violation < violationBefore && (!best || better(attempt, best.attempt, opts.repair))) {
          best = { group: ids, nodes, attempt };
        }
        for (const i of nodes) placeNode(p, i, -1);
        nodes.forEach((i, k) => placeNode(p, i, before[k]));
      }
    }
  }
  if (!best) return false;
  const { nodes, attempt } = best;
  for (const i of nodes) placeNode(p, i, -1);
  nodes.forEach((i, k) => placeNode(p, i, attempt.labels[k]));
  return true;
}

function better(a: Attempt, b: Attempt, repair: boolean): boolean {
  if (a.violation !== b.violation) return a.violation < b.violation;
  if (repair && a.changedPractices !== b.changedPractices) return a.changedPractices < b.changedPractices;
  return a.meanPP > b.meanPP;
}

/**
 * Runs rounds of moves and re-partitions until every unfrozen region is in band, nothing
 * improves, or the round limit. Returns false when cancelled.
 */
export function fixBand(p: Partition, opts: FixBandOptions, onRound?: (outOfBand: number) => void): boolean {
  const maxRounds = opts.maxRounds ?? 12;
  const all = () => true;
  for (let round = 0; round < maxRounds; round++) {
    const bad: number[] = [];
    for (let r = 0; r < p.pop.length; r++) if (p.size[r] > 0 && !p.frozen[r] && v(p, p.pop[r]) > 0) bad.push(r);
    onRound?.(bad.length);
    if (!bad.length) return true;
    bad.sort(
      (a, b) =>
        Number(p.pop[b] < p.band.min) - Number(p.pop[a] < p.band.min) || v(p, p.pop[b]) - v(p, p.pop[a]) || a - b,
    );
    let changed = false;
    for (const r of bad) {
      if (opts.shouldCancel()) return false;
      if (p.size[r] === 0 || v(p, p.pop[r]) === 0) continue;
      if (opts.repair && !opts.fixedCount && p.pop[r] > p.band.max && carveRegion(p, r) !== -1) changed = true;
      if (moveIntoBand(p, r, opts.repair, all)) changed = true;
      if (v(p, p.pop[r]) > 0 && repartition(p, r, opts)) changed = true;
    }
    if (!changed) return true;
  }
  return true;
}
