// Stage 4 of alignServices: the service areas redrawn around the networks. Each area becomes the
// tiles of the networks homed in it (dissolved), plus the tiles no network owns that lie mostly
// inside it; the populations and areas before and after, and what changes hands.
import { dissolveSites } from '../geometry';
import type { NetworkId } from '../model';
import type { Tiling } from './apportion';
import { byName } from './network-alignment';
import type { TileOverlaps } from './tile-overlaps';
import type { NetworkAlignment, ServiceAreaAlignment } from './types';

export interface RedrawInput {
  readonly names: readonly string[];
  readonly networks: readonly NetworkAlignment[];
  /** Per network: index of its home area. */
  readonly homes: Int32Array;
  /** Per network, per area (+ outside): population shares. */
  readonly popShare: readonly Float64Array[];
  /** Per area (+ outside): population of practices in no network, as it stands. */
  readonly freePop: Float64Array;
  /** Per area: square metres inside the study area. */
  readonly areaInStudy: Float64Array;
}

export function redrawServiceAreas(tiling: Tiling, ov: TileOverlaps, input: RedrawInput): ServiceAreaAlignment[] {
  const { t, owner } = tiling;
  const { names, homes } = input;
  const nA = names.length;
  // Tiles no network owns (practices with no network) stay with the area holding most of them.
  const tileArea = Int32Array.from(t.sites, (_, s) => {
    if (owner[s] >= 0) return homes[owner[s]];
    const row = ov.overlapM2[s];
    let best = 0;
    for (let a = 1; a < nA; a++) if (row[a] > row[best]) best = a;
    return best;
  });
  const freeAfter = new Float64Array(nA);
  const freeChanged = new Float64Array(nA);
  tiling.listPopulation.forEach((entries, s) => {
    for (const [k, population] of entries) {
      if (k >= 0) continue;
      freeAfter[tileArea[s]] += population;
      const area = ov.tileAreaM2[s];
      for (let a = 0; a < nA; a++) {
        const here = area > 0 ? (population * ov.overlapM2[s][a]) / area : 0;
        freeChanged[a] += tileArea[s] === a ? population - here : here;
      }
    }
  });
  return names.map((name, a) => {
    const sites: number[] = [];
    let gainedM2 = 0,
      lostM2 = 0;
    t.sites.forEach((_, s) => {
      if (tileArea[s] === a) {
        sites.push(s);
        gainedM2 += Math.max(0, ov.tileAreaM2[s] - ov.overlapM2[s][a]);
      } else lostM2 += ov.overlapM2[s][a];
    });
    const aligned = dissolveSites(t, sites);
    let before = input.freePop[a],
      after = freeAfter[a],
      changed = freeChanged[a];
    const networkIds: NetworkId[] = [],
      inside: NetworkId[] = [],
      split: NetworkId[] = [];
    input.networks.forEach((n, k) => {
      const here = n.population * input.popShare[k][a];
      before += here;
      if (homes[k] === a) {
        after += n.population;
        changed += n.population - here;
        networkIds.push(n.id);
        if (!n.split) inside.push(n.id);
      } else changed += here;
      if (n.split && input.popShare[k][a] > 0) split.push(n.id);
    });
    return {
      name,
      networkIds: networkIds.sort(byName),
      networksInside: inside.sort(byName),
      networksSplit: split.sort(byName),
      populationBefore: before,
      populationAfter: after,
      areaBeforeKm2: input.areaInStudy[a] / 1e6,
      areaAfterKm2: aligned.areaKm2,
      areaChangedKm2: (gainedM2 + lostM2) / 1e6,
      populationChanged: changed,
      geometry: sites.length ? aligned.geometry : null,
    };
  });
}
