// Stage 2 of alignServices: each network's population and area spread over the service areas
// (last slot: outside all of them), from the tiles it owns and the practices placed on them.
import type { Tessellation } from '../geometry';
import { makeIssue } from '../io/issues';
import type { Issue } from '../model';
import type { Projection } from '../geometry';
import type { Box, PlanarGeometry } from './planar';
import { smallAreaWeights } from './small-area-weights';
import type { TileOverlaps } from './tile-overlaps';
import type { AlignNetwork, SmallArea } from './types';

/** The networks laid over the tiles: the tessellation, who owns each tile and who placed list-size population on it. */
export interface Tiling {
  readonly t: Tessellation;
  readonly networks: readonly AlignNetwork[];
  /** Per tile: index into networks, -1 for a cell no network owns. */
  readonly owner: Int32Array;
  /** Per tile, list-size population placed on it by each network: [network index, population][]. */
  readonly listPopulation: readonly (readonly [number, number])[][];
}

export interface Apportioned {
  /** Per network, per area (+ outside): list-size population. */
  readonly netPop: Float64Array[];
  /** Per network, per area (+ outside): square metres of its tiles. */
  readonly netArea: Float64Array[];
  /** Per area (+ outside): population of practices in no network. */
  readonly freePop: Float64Array;
}

/** List sizes spread over each tile's overlaps in proportion to area; tile areas summed per owner. */
export function apportion(tiling: Tiling, ov: TileOverlaps, nA: number): Apportioned {
  const { t, networks, owner, listPopulation } = tiling;
  const OUT = nA;
  const netPop = networks.map(() => new Float64Array(nA + 1));
  const netArea = networks.map(() => new Float64Array(nA + 1));
  const freePop = new Float64Array(nA + 1);
  const spread = (target: Float64Array, s: number, population: number) => {
    const area = ov.tileAreaM2[s];
    if (!(area > 0)) {
      target[OUT] += population;
      return;
    }
    let placed = 0;
    ov.overlapM2[s].forEach((m2, a) => {
      target[a] += (population * m2) / area;
      placed += m2;
    });
    target[OUT] += (population * Math.max(0, area - placed)) / area;
  };
  listPopulation.forEach((entries, s) => {
    for (const [k, population] of entries) spread(k >= 0 ? netPop[k] : freePop, s, population);
  });
  t.sites.forEach((_, s) => {
    const k = owner[s];
    if (k < 0) return;
    let placed = 0;
    ov.overlapM2[s].forEach((m2, a) => {
      netArea[k][a] += m2;
      placed += m2;
    });
    netArea[k][OUT] += Math.max(0, ov.tileAreaM2[s] - placed);
  });
  return { netPop, netArea, freePop };
}

/** Shares summing to 1; an all-zero row stays all zero. */
export function normalise(row: Float64Array): Float64Array {
  const total = row.reduce((a, b) => a + b, 0);
  return total > 0 ? row.map((v) => v / total) : new Float64Array(row.length);
}

/**
 * Population shares from residents by small area instead of list sizes; a network with no
 * resident inside its footprint keeps its list-size shares `fallback` (a warning says so).
 */
export function smallAreaShares(
  smallAreas: readonly SmallArea[],
  tiling: Tiling,
  ov: TileOverlaps,
  areas: readonly PlanarGeometry[],
  areaBoxes: readonly Box[],
  fallback: readonly Float64Array[],
  file: string,
  warnings: Issue[],
): Float64Array[] {
  const { t, networks, owner } = tiling;
  const projection: Projection = t.projection;
  const nA = areas.length;
  const sw = smallAreaWeights(smallAreas, projection, ov, areas, areaBoxes);
  const residents = networks.map(() => new Float64Array(nA + 1));
  sw.weights.forEach((row, s) => {
    if (owner[s] >= 0) row.forEach((w, a) => (residents[owner[s]][a] += w));
  });
  const shares = residents.map((row, k) => {
    if (row.some((w) => w > 0)) return normalise(row);
    warnings.push(
      makeIssue(
        'warning',
        'noResidents',
        file,
        {},
        `network ${networks[k].id}: no small-area population inside its footprint; its list-size shares are used`,
      ),
    );
    return fallback[k];
  });
  if (sw.approximated > 0)
    warnings.push(
      makeIssue(
        'warning',
        'approximated',
        file,
        {},
        `${sw.approximated} small-area pieces could not be clipped exactly (invalid rings, e.g. self-intersections); their areas were estimated`,
      ),
    );
  return shares;
}
