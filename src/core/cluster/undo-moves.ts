// Repair's last step: every practice moved by the search goes back to the network it came from
// when that move is not needed, i.e. when going back keeps both networks contiguous and leaves
// neither further outside the band than it is. Sites with most practices are tried first.
import { adjacentRegions, canRemove, placeNode, violation, type Partition } from './partition';

/**
 * `initial[i]` is node i's region before repair (-1: no network then; such nodes are left alone).
 * Returns the number of practices moved back. Example: after `fixBand`, `undoNeedlessMoves(p, initial)`.
 */
export function undoNeedlessMoves(p: Partition, initial: Int32Array): number {
  const { g, band } = p;
  let undone = 0;
  for (let changed = true; changed; ) {
    changed = false;
    const moved: number[] = [];
    for (let i = 0; i < g.n; i++) if (initial[i] >= 0 && p.label[i] >= 0 && p.label[i] !== initial[i]) moved.push(i);
    moved.sort((a, b) => g.practiceCount[b] - g.practiceCount[a] || a - b);
    for (const i of moved) {
      const from = p.label[i];
      const to = initial[i];
      if (from === to || p.frozen[from] || p.frozen[to] || p.size[to] === 0) continue;
      if (!adjacentRegions(p, i).includes(to) || !canRemove(p, i)) continue;
      const pop = g.population[i];
      if (violation(p.pop[from] - pop, band) > violation(p.pop[from], band)) continue;
      if (violation(p.pop[to] + pop, band) > violation(p.pop[to], band)) continue;
      placeNode(p, i, to);
      undone += g.practiceCount[i];
      changed = true;
    }
  }
  return undone;
}
