// Practices whose site has no cell (outside the study area, e.g. on an island a generalised
// boundary left out) add population but no land. The graph links each to the nearest site with a
// cell only, so a network above the band can be stuck holding them (England: 5 sites on the Isle
// of Sheppey hang on one mainland cell). As a last step such a site may join a network that
// borders its anchor cell: no footprint changes, so contiguity is kept; the network it joins
// gets no further from the band (if it is full, it first passes a boundary cell to a neighbour
// with room), the one it leaves gets closer.
import { canRemove, placeNode, violation, type Partition } from './partition';

/** Moves cell-less sites out of out-of-band regions where that lowers the violation; returns the number of sites moved. */
export function placeCelllessSites(p: Partition): number {
  const { g, band } = p;
  let moved = 0;
  for (let r = 0; r < p.pop.length; r++) {
    if (p.size[r] === 0 || p.frozen[r]) continue;
    for (let progress = true; progress && violation(p.pop[r], band) > 0; ) {
      progress = false;
      let best: { node: number; to: number; delta: number } | null = null;
      for (const z of [...p.members[r]].sort((a, b) => a - b)) {
        if (g.areaM2[z] > 0) continue;
        for (const q of bordering(p, z)) {
          if (q === r || p.frozen[q]) continue;
          const pz = g.population[z];
          if (violation(p.pop[q] + pz, band) > violation(p.pop[q], band)) continue;
          const delta =
            violation(p.pop[r] - pz, band) +
            violation(p.pop[q] + pz, band) -
            violation(p.pop[r], band) -
            violation(p.pop[q], band);
          if (delta < 0 && (!best || delta < best.delta)) best = { node: z, to: q, delta };
        }
      }
      // A move that brings r into band first, then one that makes room for it, then a partial one
      // (a partial move first would leave the receiving network unable to pass on a cell).
      const usable = best !== null && hasOtherCell(p, r, best.node);
      if (usable && violation(p.pop[r] - g.population[best!.node], band) === 0) placeNode(p, best!.node, best!.to);
      else if (!makeRoom(p, r)) {
        if (!usable) continue;
        placeNode(p, best!.node, best!.to);
      }
      moved++;
      progress = true;
    }
  }
  return moved;
}

/**
 * When every network bordering the anchor is too full to take a cell-less site of r, one of them
 * passes a boundary cell to another neighbour first (both staying in band and in one piece), then
 * takes the site. Returns true when it did.
 */
function makeRoom(p: Partition, r: number): boolean {
  const { g, band } = p;
  const inBand = (pop: number) => violation(pop, band) === 0;
  for (const z of [...p.members[r]].sort((a, b) => a - b)) {
    const pz = g.population[z];
    if (g.areaM2[z] > 0 || !hasOtherCell(p, r, z) || violation(p.pop[r] - pz, band) > 0) continue;
    for (const q of bordering(p, z)) {
      if (q === r || p.frozen[q] || !inBand(p.pop[q])) continue;
      for (const c of [...p.members[q]].sort((a, b) => a - b)) {
        if (g.areaM2[c] <= 0 || !inBand(p.pop[q] + pz - g.population[c]) || !canRemove(p, c)) continue;
        for (let k = g.adjStart[c]; k < g.adjStart[c + 1]; k++) {
          const s = p.label[g.adj[k]];
          if (s < 0 || s === q || s === r || p.frozen[s] || g.edgeMetres[k] <= 0 || !inBand(p.pop[s] + g.population[c]))
            continue;
          placeNode(p, c, s);
          placeNode(p, z, q);
          return true;
        }
      }
    }
  }
  return false;
}

/** Regions holding a cell that shares an edge with the cell site(s) node z is linked to. */
function bordering(p: Partition, z: number): number[] {
  const { g } = p;
  const out = new Set<number>();
  for (let k = g.adjStart[z]; k < g.adjStart[z + 1]; k++) {
    const anchor = g.adj[k];
    if (g.areaM2[anchor] <= 0) continue;
    if (p.label[anchor] >= 0) out.add(p.label[anchor]);
    for (let e = g.adjStart[anchor]; e < g.adjStart[anchor + 1]; e++) {
      const o = g.adj[e];
      if (g.edgeMetres[e] > 0 && p.label[o] >= 0) out.add(p.label[o]);
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** Region r keeps some land after node z leaves. */
function hasOtherCell(p: Partition, r: number, z: number): boolean {
  for (const i of p.members[r]) if (i !== z && p.g.areaM2[i] > 0) return true;
  return false;
}
