// Colours for network footprints such that no two neighbours share one: networks are adjacent
// when their cells share an edge. Existing colours are kept wherever they do not clash (so a
// plan's colours stay put under edits); clashing and uncoloured networks are coloured by DSatur
// (most distinct neighbour colours first) from the palette.
import type { NetworkId } from '../model';
import { networkIndex } from './lookups';
import type { PlanResult } from './types';

/** Network -> the networks whose footprints share a cell edge with it. */
export function networkAdjacency(plan: PlanResult): Map<NetworkId, Set<NetworkId>> {
  const ids = plan.input.networks.map((n) => n.id);
  const adj = new Map<NetworkId, Set<NetworkId>>(ids.map((id) => [id, new Set()]));
  const { neighbours } = plan.tessellation;
  const owner = plan.siteOwner;
  for (let s = 0; s < neighbours.length; s++) {
    const a = owner[s];
    if (a < 0) continue;
    for (const t of neighbours[s]) {
      const b = owner[t];
      if (b >= 0 && b !== a) {
        adj.get(ids[a])!.add(ids[b]);
        adj.get(ids[b])!.add(ids[a]);
      }
    }
  }
  return adj;
}

/**
 * The part of `networkAdjacency(plan)` that colouring after an edit needs: the networks `around`
 * and their neighbours with every neighbour they have, then the neighbours' neighbours with no
 * edges of their own (so their colours count but they are never recoloured), in the plan's
 * network order. On a plan whose only clashes touch `around`, `colourNetworks` over this gives
 * every network in it the colour it gets over the whole adjacency.
 */
export function localNetworkAdjacency(plan: PlanResult, around: Iterable<NetworkId>): Map<NetworkId, Set<NetworkId>> {
  const ids = plan.input.networks.map((n) => n.id);
  const { neighbours } = plan.tessellation;
  const owner = plan.siteOwner;
  const near = new Map<number, Set<number>>();
  const nearOf = (k: number) => {
    let out = near.get(k);
    if (out) return out;
    out = new Set<number>();
    for (const s of plan.networks.get(ids[k])?.sites ?? []) {
      for (const t of neighbours[s]) if (owner[t] >= 0 && owner[t] !== k) out.add(owner[t]);
    }
    near.set(k, out);
    return out;
  };
  const index = networkIndex(plan.input.networks);
  const inner = new Set<number>();
  for (const id of around) {
    const k = index.get(id);
    if (k === undefined) continue;
    inner.add(k);
    for (const n of nearOf(k)) inner.add(n);
  }
  const all = new Set(inner);
  for (const k of inner) for (const n of nearOf(k)) all.add(n);
  const adj = new Map<NetworkId, Set<NetworkId>>();
  for (const k of [...all].sort((a, b) => a - b))
    adj.set(ids[k], inner.has(k) ? new Set([...nearOf(k)].map((n) => ids[n])) : new Set());
  return adj;
}

/**
 * Example: `colourNetworks(adj, ['#E69F00', '#009E73', '#CC79A7'], current)` keeps each current
 * colour unless a neighbour has it too (the later network in `adj` order gives way), then gives
 * every network without a colour the first palette colour no neighbour uses, the most
 * constrained network first. With more neighbours than colours, the least used nearby colour.
 */
export function colourNetworks(
  adj: ReadonlyMap<NetworkId, ReadonlySet<NetworkId>>,
  palette: readonly string[],
  current: ReadonlyMap<NetworkId, string>,
): Map<NetworkId, string> {
  const colour = new Map<NetworkId, string>();
  for (const id of adj.keys()) {
    const c = current.get(id);
    if (c !== undefined && ![...adj.get(id)!].some((n) => colour.get(n) === c)) colour.set(id, c);
  }
  const todo = new Set([...adj.keys()].filter((id) => !colour.has(id)));
  while (todo.size > 0) {
    let best: NetworkId | null = null;
    let bestSat = -1,
      bestDeg = -1;
    for (const id of todo) {
      const near = adj.get(id)!;
      const sat = new Set([...near].map((n) => colour.get(n)).filter((c) => c !== undefined)).size;
      if (sat > bestSat || (sat === bestSat && near.size > bestDeg)) {
        best = id;
        bestSat = sat;
        bestDeg = near.size;
      }
    }
    const id = best!;
    todo.delete(id);
    const used = new Map<string, number>();
    for (const n of adj.get(id)!) {
      const c = colour.get(n);
      if (c !== undefined) used.set(c, (used.get(c) ?? 0) + 1);
    }
    const free = palette.find((c) => !used.has(c));
    colour.set(id, free ?? palette.reduce((a, b) => ((used.get(b) ?? 0) < (used.get(a) ?? 0) ? b : a)));
  }
  return colour;
}
