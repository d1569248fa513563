// Repair's least-change split of a region that is too big: cut off one connected piece that is a
// network in band by itself, leaving the rest connected and in band, moving as few practices as
// possible (the smaller side by practice count is the one that changes network).
import { floodFill } from '../geometry/flood-fill';
import { newRegion, placeNode, type Partition } from './partition';

/** Splits region r in two if a band-respecting cut exists; returns the new region or -1. */
export function carveRegion(p: Partition, r: number): number {
  const { g, band } = p;
  const members = [...p.members[r]].sort((a, b) => a - b);
  const total = p.pop[r];
  const low = Math.max(band.min, total - band.max);
  const high = Math.min(band.max, total - band.min);
  if (low > high) return -1;
  const inR = new Set(members);
  let best: { piece: number[]; cost: number } | null = null;
  for (const seed of members) {
    const piece = [seed];
    const inPiece = new Set(piece);
    let pop = g.population[seed];
    let practices = g.practiceCount[seed];
    while (pop < low) {
      let next = -1;
      let nextKey = Infinity;
      for (const u of piece) {
        for (let k = g.adjStart[u]; k < g.adjStart[u + 1]; k++) {
          const v = g.adj[k];
          if (!inR.has(v) || inPiece.has(v)) continue;
          // Few practices for much population, then near the seed.
          const key =
            g.practiceCount[v] * 1e12 -
            g.population[v] * 1e3 +
            Math.hypot(g.x[v] - g.x[seed], g.y[v] - g.y[seed]) * 1e-3;
          if (key < nextKey) {
            nextKey = key;
            next = v;
          }
        }
      }
      if (next === -1) break;
      piece.push(next);
      inPiece.add(next);
      pop += g.population[next];
      practices += g.practiceCount[next];
    }
    if (pop < low || pop > high) continue;
    const cost = Math.min(practices, p.practices[r] - practices);
    if (best && cost >= best.cost) continue;
    if (!connectedWithout(p, members, inPiece)) continue;
    best = { piece, cost };
  }
  if (!best) return -1;
  const fresh = newRegion(p);
  const pieceHasMore = best.cost !== best.piece.reduce((s, i) => s + g.practiceCount[i], 0);
  // The side with more practices keeps the region id, so fewer practices change network.
  if (pieceHasMore) {
    for (const i of members) if (!best.piece.includes(i)) placeNode(p, i, fresh);
  } else {
    for (const i of best.piece) placeNode(p, i, fresh);
  }
  return fresh;
}

function connectedWithout(p: Partition, members: readonly number[], removed: Set<number>): boolean {
  const rest = members.filter((i) => !removed.has(i));
  if (!rest.length) return false;
  const inRest = new Set(rest);
  const seen = new Set([rest[0]]);
  floodFill(p.g, rest[0], (v) => {
    if (!inRest.has(v) || seen.has(v)) return false;
    seen.add(v);
    return true;
  });
  return seen.size === rest.length;
}
