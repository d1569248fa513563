// A simple greedy region-growing baseline, printed beside the real algorithm so a user can see
// what it gains: start at the west-most free site, add the nearest free neighbour until the
// network reaches the target, then start the next; a left-over piece below the minimum joins
// the neighbouring network it touches. No balancing, no local search.
import type { Band, Network, NetworkId, Practice, PracticeCode } from '../model';
import { MinHeap } from './min-heap';
import { buildReport, networkFigures } from './report';
import { buildSiteGraph, siteAttributes } from './site-graph';
import type { ClusterReport, ClusterTessellation } from './types';

export interface BaselineOptions {
  readonly practices: readonly Practice[];
  readonly tessellation: ClusterTessellation;
  readonly band: Band;
  readonly targetSize?: number;
}

export function greedyBaseline(opts: BaselineOptions): {
  assignment: Map<PracticeCode, NetworkId>;
  networks: Network[];
  report: ClusterReport;
} {
  const started = performance.now();
  const { practices, tessellation: t, band } = opts;
  const target = opts.targetSize ?? (band.min + band.max) / 2;
  const attrs = siteAttributes(t, practices);
  const g = buildSiteGraph(t, attrs, new Uint8Array(t.sites.length).fill(1), null);
  const label = new Int32Array(g.n).fill(-1);
  const pop: number[] = [];
  const order = Array.from({ length: g.n }, (_, i) => i).sort((a, b) => g.x[a] - g.x[b] || a - b);
  for (const seed of order) {
    if (label[seed] !== -1) continue;
    const r = pop.push(0) - 1;
    const heap = new MinHeap();
    heap.push(seed, 0);
    while (heap.size && pop[r] < target) {
      const i = heap.pop();
      if (label[i] !== -1) continue;
      label[i] = r;
      pop[r] += g.population[i];
      for (let k = g.adjStart[i]; k < g.adjStart[i + 1]; k++) {
        const v = g.adj[k];
        if (label[v] === -1) heap.push(v, (g.x[v] - g.x[seed]) ** 2 + (g.y[v] - g.y[seed]) ** 2);
      }
    }
    if (pop[r] >= band.min) continue;
    let host = -1;
    for (let i = 0; i < g.n && host === -1; i++) {
      if (label[i] !== r) continue;
      for (let k = g.adjStart[i]; k < g.adjStart[i + 1]; k++) {
        const q = label[g.adj[k]];
        if (q !== -1 && q !== r) {
          host = q;
          break;
        }
      }
    }
    if (host === -1) continue;
    for (let i = 0; i < g.n; i++) if (label[i] === r) label[i] = host;
    pop[host] += pop[r];
    pop[r] = 0;
  }
  const idOf = new Map<number, NetworkId>();
  const assignment = new Map<PracticeCode, NetworkId>();
  for (let i = 0; i < g.n; i++) {
    if (!idOf.has(label[i])) idOf.set(label[i], `G${idOf.size + 1}` as NetworkId);
    for (const pi of t.sites[g.site[i]].practices) assignment.set(practices[pi].code, idOf.get(label[i]) as NetworkId);
  }
  const networks = [...idOf.values()].map((id) => ({ id, name: `Greedy ${id}` }));
  const figures = networkFigures(
    t,
    practices,
    attrs,
    assignment,
    networks.map((n) => n.id),
  );
  const report = buildReport(figures, band, {
    practicesMoved: 0,
    practicesAssigned: assignment.size,
    runtimeMs: performance.now() - started,
    unavoidable: [],
  });
  return { assignment, networks, report };
}
