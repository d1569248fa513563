// Independent checks of a clustering outcome, written without the clustering's own helpers.
import type { Assignment, Practice } from '../../../src/core/model';
import type { ClusterTessellation } from '../../../src/core/cluster';

/** Network id -> number of connected pieces of the cells (with area) of its practices' sites. */
export function piecesPerNetwork(
  t: ClusterTessellation,
  practices: readonly Practice[],
  assignment: Assignment,
): Map<string, number> {
  const owner = t.sites.map((site) => {
    const ids = new Set(site.practices.map((k) => assignment.get(practices[k].code)));
    return ids.size === 1 ? ([...ids][0] ?? null) : null;
  });
  const pieces = new Map<string, number>();
  const seen = new Set<number>();
  t.sites.forEach((_, s) => {
    const id = owner[s];
    if (id === null || seen.has(s) || t.cellAreaKm2[s] <= 0) return;
    pieces.set(id, (pieces.get(id) ?? 0) + 1);
    const stack = [s];
    seen.add(s);
    while (stack.length) {
      const u = stack.pop() as number;
      for (const v of t.neighbours[u]) {
        if (!seen.has(v) && owner[v] === id && t.cellAreaKm2[v] > 0) {
          seen.add(v);
          stack.push(v);
        }
      }
    }
  });
  return pieces;
}

/** True when every site's practices are in one network (or all unassigned). */
export function colocatedTogether(
  t: ClusterTessellation,
  practices: readonly Practice[],
  assignment: Assignment,
): boolean {
  return t.sites.every((site) => new Set(site.practices.map((k) => assignment.get(practices[k].code))).size <= 1);
}

export function populations(practices: readonly Practice[], assignment: Assignment): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of practices) {
    const id = assignment.get(p.code);
    if (id !== undefined) out.set(id, (out.get(id) ?? 0) + p.listSize);
  }
  return out;
}
