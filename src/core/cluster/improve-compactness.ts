// Local search for compactness: move boundary nodes to an adjacent region when that raises the
// two regions' summed Polsby-Popper without adding band violation or disconnecting either.
import { polsbyPopper } from '../geometry/polsby-popper';
import { adjacentRegions, canRemove, placeNode, regionPP, shapeAfter, violation, type Partition } from './partition';

/** Runs up to `passes` sweeps over the nodes; returns false when cancelled. */
export function improveCompactness(p: Partition, passes: number, shouldCancel: () => boolean): boolean {
  const { g, band } = p;
  for (let pass = 0; pass < passes; pass++) {
    let moves = 0;
    for (let i = 0; i < g.n; i++) {
      if ((i & 255) === 0 && shouldCancel()) return false;
      const from = p.label[i];
      if (from === -1 || p.frozen[from]) continue;
      const targets = adjacentRegions(p, i).filter((q) => !p.frozen[q]);
      if (!targets.length) continue;
      const pi = g.population[i];
      const vFrom = violation(p.pop[from], band);
      const a = shapeAfter(p, i, from, -1);
      const ppFromAfter = polsbyPopper(a.areaM2, a.perimeterMetres);
      let best = -1;
      let bestGain = 1e-6;
      for (const q of targets) {
        const dv = violation(p.pop[from] - pi, band) + violation(p.pop[q] + pi, band) - vFrom - violation(p.pop[q], band);
        if (dv > 0) continue;
        const b = shapeAfter(p, i, q, 1);
        const gain = ppFromAfter + polsbyPopper(b.areaM2, b.perimeterMetres) - regionPP(p, from) - regionPP(p, q);
        if (gain > bestGain) {
          bestGain = gain;
          best = q;
        }
      }
      if (best !== -1 && canRemove(p, i)) {
        placeNode(p, i, best);
        moves++;
      }
    }
    if (moves === 0) break;
  }
  return true;
}
