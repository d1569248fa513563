// Flood fill over a graph in compressed rows, the one connectivity walk of the core: the
// cluster's components, its "can this site leave its region" test, the carve's split check and
// a network's land pieces (plan/network-figures) all run it, each with its own rule for which
// nodes join.

/** Adjacency as compressed rows: the neighbours of node u are adj[adjStart[u] .. adjStart[u + 1]). */
export interface Csr {
  readonly adjStart: Int32Array;
  readonly adj: Int32Array;
}

/** Compressed rows from per-node neighbour lists, e.g. a Tessellation's `neighbours`. */
export function csrOf(neighbours: readonly ArrayLike<number>[]): Csr {
  const adjStart = new Int32Array(neighbours.length + 1);
  neighbours.forEach((nb, u) => {
    adjStart[u + 1] = adjStart[u] + nb.length;
  });
  const adj = new Int32Array(adjStart[neighbours.length]);
  neighbours.forEach((nb, u) => {
    for (let k = 0; k < nb.length; k++) adj[adjStart[u] + k] = nb[k];
  });
  return { adjStart, adj };
}

/**
 * Depth-first flood from `start`, which the caller has already marked. `enter(v)` is asked for
 * each neighbour reached and says whether v joins; it must mark v so it never joins twice.
 * Returns how many nodes joined, `start` included. `stack` may be passed to reuse its storage.
 * Example: on a path 0-1-2 with every node allowed once, flooding from 0 returns 3.
 */
export function floodFill(g: Csr, start: number, enter: (v: number) => boolean, stack: number[] = []): number {
  let reached = 1;
  stack.length = 0;
  stack.push(start);
  while (stack.length) {
    const u = stack.pop() as number;
    for (let k = g.adjStart[u]; k < g.adjStart[u + 1]; k++) {
      const v = g.adj[k];
      if (enter(v)) {
        reached++;
        stack.push(v);
      }
    }
  }
  return reached;
}
