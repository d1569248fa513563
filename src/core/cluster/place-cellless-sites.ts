// Practices whose site has no cell (outside the study area, e.g. on an island a generalised
// boundary left out) add population but no land. The graph links each to the nearest site with a
// cell only, so a network above the band can be stuck holding them (England: 5 sites on the Isle
// of Sheppey hang on one mainland cell). As a last step such a site may join a network that
// borders its anchor cell: no footprint changes, so contiguity is kept; the network it joins
// gets no further from the band, the one it leaves gets closer.
import { placeNode, violation, type Partition } from './partition';

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
          const delta = violation(p.pop[r] - pz, band) + violation(p.pop[q] + pz, band) - violation(p.pop[r], band) - violation(p.pop[q], band);
          if (delta < 0 && (!best || delta < best.delta)) best = { node: z, to: q, delta };
        }
      }
      if (best && hasOtherCell(p, r, best.node)) {
        placeNode(p, best.node, best.to);
        moved++;
        progress = true;
      }
    }
  }
  return moved;
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
