// Stage 3 of alignServices: per network, its overlaps with the service areas, its home area (the
// one holding most of its population; area breaks ties) and whether it is split.
import type { Tessellation } from '../geometry';
import { makeIssue } from '../io/issues';
import type { Issue } from '../model';
import type { Tiling } from './apportion';
import type { PlanarGeometry } from './planar';
import { OUTSIDE_AREA, type AreaOverlap, type NetworkAlignment } from './types';

export const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface NetworkShares {
  /** Per network, per area (+ outside): population shares summing to 1. */
  readonly popShare: readonly Float64Array[];
  /** Per network, per area (+ outside): square metres. */
  readonly netArea: readonly Float64Array[];
}

/** Every network's alignment, and its home area's index (parallel to tiling.networks). */
export function alignNetworks(
  tiling: Tiling,
  areas: readonly PlanarGeometry[],
  names: readonly string[],
  shares: NetworkShares,
  threshold: number,
  file: string,
  warnings: Issue[],
): { networks: NetworkAlignment[]; homes: Int32Array } {
  const { popShare, netArea } = shares;
  const nA = areas.length;
  const homes = new Int32Array(tiling.networks.length);
  const networks = tiling.networks.map((n, k): NetworkAlignment => {
    const areaTotal = netArea[k].reduce((a, b) => a + b, 0);
    const areaShare = areaTotal > 0 ? netArea[k].map((m2) => m2 / areaTotal) : popShare[k];
    let home = homeArea(popShare[k], areaShare, nA);
    if (home < 0) {
      home = nearestArea(tiling.t, tiling.owner, k, areas);
      warnings.push(
        makeIssue(
          'warning',
          'networkOutsideAreas',
          file,
          {},
          `network ${n.id} lies outside every service area; it is given to the nearest, "${names[home]}"`,
        ),
      );
    }
    homes[k] = home;
    const homeShare = popShare[k][home];
    return {
      id: n.id,
      name: n.name,
      population: n.population,
      areaKm2: areaTotal / 1e6,
      overlaps: overlapsOf(popShare[k], areaShare, netArea[k], names),
      home: names[home],
      homeShare,
      split: homeShare < threshold,
      populationMoved: n.population * (1 - homeShare),
    };
  });
  return { networks, homes };
}

/** The area with the largest population share (then area share), or -1 when the network touches none. */
function homeArea(popShare: Float64Array, areaShare: Float64Array, nA: number): number {
  let home = -1;
  for (let a = 0; a < nA; a++) {
    if (popShare[a] <= 0 && areaShare[a] <= 0) continue;
    if (home < 0 || popShare[a] > popShare[home] || (popShare[a] === popShare[home] && areaShare[a] > areaShare[home]))
      home = a;
  }
  return home;
}

/** One network's overlaps, largest population share first (then area share, then name). */
function overlapsOf(
  popShare: Float64Array,
  areaShare: Float64Array,
  netArea: Float64Array,
  names: readonly string[],
): AreaOverlap[] {
  const OUT = names.length;
  const overlaps: AreaOverlap[] = [];
  for (let a = 0; a <= OUT; a++) {
    // Slivers that round to 0 in the report (shares < 5e-7) are float noise along shared borders.
    if (popShare[a] < 5e-7 && areaShare[a] < 5e-7) continue;
    overlaps.push({
      serviceArea: a === OUT ? OUTSIDE_AREA : names[a],
      overlapAreaKm2: netArea[a] / 1e6,
      areaShare: areaShare[a],
      populationShare: popShare[a],
    });
  }
  return overlaps.sort(
    (x, y) =>
      y.populationShare - x.populationShare || y.areaShare - x.areaShare || byName(x.serviceArea, y.serviceArea),
  );
}

/** The area whose outline comes closest to the network's tiles (for a network outside all of them). */
function nearestArea(
  t: Tessellation,
  owner: Int32Array,
  k: number,
  areas: readonly (readonly (readonly Float64Array[])[])[],
): number {
  const points = t.sites.flatMap((s, i) => (owner[i] === k ? [[s.x, s.y] as const] : []));
  let best = 0,
    bestD = Infinity;
  areas.forEach((g, a) => {
    for (const p of g)
      for (const r of p)
        for (let i = 0; i < r.length; i += 2) {
          for (const [x, y] of points) {
            const d = (r[i] - x) ** 2 + (r[i + 1] - y) ** 2;
            if (d < bestD) {
              bestD = d;
              best = a;
            }
          }
        }
  });
  return best;
}
