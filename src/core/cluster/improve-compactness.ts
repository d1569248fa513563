// Local search for compactness: move boundary nodes to an adjacent region when that raises the
// two regions' summed Polsby-Popper without adding band violation or disconnecting either.
// With a Core20 balance, a move's score also loses weight x the rise in the two regions' summed
// distance of their Core20 share from the area's.
import { polsbyPopper } from '../geometry/polsby-popper';
import {
  canRemove,
  placeNode,
  regionPP,
  shapeAfter,
  unfrozenAdjacentRegions,
  violation,
  type Partition,
} from './partition';

/** Per node: Core20 patients and patients with an IMD value; `weight` > 0. */
export interface Core20Balance {
  readonly core20: Float64Array;
  readonly imdPatients: Float64Array;
  readonly weight: number;
}

/** Region sums and the cost of a region's Core20 share being away from the area's. */
function balanceState(p: Partition, b: Core20Balance) {
  const c = new Float64Array(p.pop.length);
  const m = new Float64Array(p.pop.length);
  let totalC = 0;
  let totalM = 0;
  for (let i = 0; i < p.g.n; i++) {
    totalC += b.core20[i];
    totalM += b.imdPatients[i];
    const r = p.label[i];
    if (r === -1) continue;
    c[r] += b.core20[i];
    m[r] += b.imdPatients[i];
  }
  const area = totalM > 0 ? totalC / totalM : 0;
  const cost = (core20: number, imd: number) => (imd > 0 ? Math.abs(core20 / imd - area) : 0);
  /** Weighted rise in cost when node i moves from region `from` to `to`. */
  const penalty = (i: number, from: number, to: number) => {
    const ci = b.core20[i];
    const mi = b.imdPatients[i];
    const rise =
      cost(c[from] - ci, m[from] - mi) + cost(c[to] + ci, m[to] + mi) - cost(c[from], m[from]) - cost(c[to], m[to]);
    return b.weight * rise;
  };
  const move = (i: number, from: number, to: number) => {
    c[from] -= b.core20[i];
    m[from] -= b.imdPatients[i];
    c[to] += b.core20[i];
    m[to] += b.imdPatients[i];
  };
  return { penalty, move };
}

/** Runs up to `passes` sweeps over the nodes; returns false when cancelled. */
export function improveCompactness(
  p: Partition,
  passes: number,
  shouldCancel: () => boolean,
  balance: Core20Balance | null = null,
): boolean {
  const { g, band } = p;
  const bal = balance && balance.weight > 0 ? balanceState(p, balance) : null;
  let maxDegree = 0;
  for (let i = 0; i < g.n; i++) maxDegree = Math.max(maxDegree, g.adjStart[i + 1] - g.adjStart[i]);
  const targets = new Int32Array(maxDegree);
  for (let pass = 0; pass < passes; pass++) {
    let moves = 0;
    for (let i = 0; i < g.n; i++) {
      if ((i & 255) === 0 && shouldCancel()) return false;
      const from = p.label[i];
      if (from === -1 || p.frozen[from]) continue;
      const count = unfrozenAdjacentRegions(p, i, targets);
      if (count === 0) continue;
      const pi = g.population[i];
      const vFrom = violation(p.pop[from], band);
      const a = shapeAfter(p, i, from, -1);
      const ppFromAfter = polsbyPopper(a.areaM2, a.perimeterMetres);
      let best = -1;
      let bestGain = 1e-6;
      for (let t = 0; t < count; t++) {
        const q = targets[t];
        const dv =
          violation(p.pop[from] - pi, band) + violation(p.pop[q] + pi, band) - vFrom - violation(p.pop[q], band);
        if (dv > 0) continue;
        const b = shapeAfter(p, i, q, 1);
        let gain = ppFromAfter + polsbyPopper(b.areaM2, b.perimeterMetres) - regionPP(p, from) - regionPP(p, q);
        if (bal) gain -= bal.penalty(i, from, q);
        if (gain > bestGain) {
          bestGain = gain;
          best = q;
        }
      }
      if (best !== -1 && canRemove(p, i)) {
        bal?.move(i, from, best);
        placeNode(p, i, best);
        moves++;
      }
    }
    if (moves === 0) break;
  }
  return true;
}
