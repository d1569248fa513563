// The figures every run reports over the output plan, by the plan's own rules: a site's cell
// belongs to the network plan/site-owner names; population, land pieces and Polsby-Popper come
// from plan/network-figures, as the plan's summaries do.
import type { Assignment, Band, NetworkId, Practice } from '../model';
import { networkPopulation, siteFigures } from '../plan/network-figures';
import { siteOwnerId } from '../plan/site-owner';
import type { siteAttributes } from './site-graph';
import type { ClusterDeprivation, ClusterReport, ClusterTessellation, Core20Spread, UnavoidableCase } from './types';

export interface NetworkFigures {
  readonly population: number;
  readonly polsbyPopper: number;
  /** Connected pieces of the land cells it owns, joined by shared edges of positive length. */
  readonly parts: number;
  /**
   * One piece on land: the footprint's contiguity (one polygon, not counting whole islands of the
   * study area without practices, which belong to a cell but share no edge with any).
   */
  readonly contiguous: boolean;
}

/** Owner network of each site (index into `ids`, by plan/site-owner's rule), -1 when none of its practices is assigned. */
export function siteOwners(
  t: ClusterTessellation,
  practices: readonly Practice[],
  assignment: Assignment,
  ids: readonly NetworkId[],
): Int32Array {
  const index = new Map(ids.map((id, k) => [id, k]));
  const counts = (id: NetworkId) => index.has(id);
  const owner = new Int32Array(t.sites.length).fill(-1);
  t.sites.forEach((site, s) => {
    const id = siteOwnerId(site.practices, practices, assignment, counts);
    if (id !== undefined) owner[s] = index.get(id)!;
  });
  return owner;
}

/** Population, Polsby-Popper and parts of every network in `ids` under `assignment` (plan/network-figures' rules). */
export function networkFigures(
  t: ClusterTessellation,
  practices: readonly Practice[],
  attrs: ReturnType<typeof siteAttributes>,
  assignment: Assignment,
  ids: readonly NetworkId[],
): NetworkFigures[] {
  const owner = siteOwners(t, practices, assignment, ids);
  const index = new Map(ids.map((id, j) => [id, j]));
  const members: number[][] = ids.map(() => []);
  practices.forEach((pr, i) => {
    const id = assignment.get(pr.code);
    const j = id === undefined ? undefined : index.get(id);
    if (j !== undefined) members[j].push(i);
  });
  const sites: number[][] = ids.map(() => []);
  for (let s = 0; s < owner.length; s++) if (owner[s] !== -1) sites[owner[s]].push(s);
  const perimeterOf = (s: number) => attrs.perimeterMetres[s];
  return ids.map((_, j) => {
    const f = siteFigures(t, sites[j], (s) => owner[s] === j, perimeterOf);
    return {
      population: networkPopulation(members[j], practices),
      polsbyPopper: f.polsbyPopper,
      parts: f.landPieces,
      contiguous: f.contiguous,
    };
  });
}

export function buildReport(
  figures: readonly NetworkFigures[],
  band: Band,
  extra: {
    practicesMoved: number;
    practicesAssigned: number;
    movesUndone?: number;
    runtimeMs: number;
    unavoidable: readonly UnavoidableCase[];
  },
): ClusterReport {
  const n = figures.length;
  const inBand = figures.filter((f) => f.population >= band.min && f.population <= band.max).length;
  const contiguous = figures.filter((f) => f.contiguous).length;
  const pops = figures.map((f) => f.population).sort((a, b) => a - b);
  const median = n === 0 ? 0 : n % 2 ? pops[(n - 1) / 2] : (pops[n / 2 - 1] + pops[n / 2]) / 2;
  const pp = figures.map((f) => f.polsbyPopper);
  return {
    networks: n,
    inBand,
    shareInBand: n ? inBand / n : 1,
    contiguous,
    shareContiguous: n ? contiguous / n : 1,
    meanPolsbyPopper: n ? pp.reduce((s, x) => s + x, 0) / n : 0,
    minPolsbyPopper: n ? Math.min(...pp) : 0,
    populationMin: n ? pops[0] : 0,
    populationMedian: median,
    populationMax: n ? pops[n - 1] : 0,
    ...extra,
    movesUndone: extra.movesUndone ?? 0,
  };
}

/** The same figures for a plan as it stands (the "before" of a preview). */
export function reportForPlan(
  t: ClusterTessellation,
  practices: readonly Practice[],
  assignment: Assignment,
  ids: readonly NetworkId[],
  band: Band,
  attrs: ReturnType<typeof siteAttributes>,
): ClusterReport {
  return buildReport(networkFigures(t, practices, attrs, assignment, ids), band, {
    practicesMoved: 0,
    practicesAssigned: 0,
    runtimeMs: 0,
    unavoidable: [],
  });
}

/** How the networks' Core20 shares spread: min, median, max and standard deviation, beside the area's share. */
export function core20Spread(
  practices: readonly Practice[],
  assignment: Assignment,
  ids: readonly NetworkId[],
  dep: ClusterDeprivation,
): Core20Spread {
  const index = new Map(ids.map((id, j) => [id, j]));
  const c = new Float64Array(ids.length);
  const m = new Float64Array(ids.length);
  practices.forEach((pr, k) => {
    const id = assignment.get(pr.code);
    const j = id === undefined ? undefined : index.get(id);
    if (j === undefined) return;
    c[j] += dep.core20[k];
    m[j] += dep.imdPatients[k];
  });
  const shares: number[] = [];
  for (let j = 0; j < ids.length; j++) if (m[j] > 0) shares.push(c[j] / m[j]);
  shares.sort((a, b) => a - b);
  const n = shares.length;
  const totalM = m.reduce((s, x) => s + x, 0);
  const mean = n ? shares.reduce((s, x) => s + x, 0) / n : 0;
  return {
    areaShare: totalM > 0 ? c.reduce((s, x) => s + x, 0) / totalM : null,
    min: n ? shares[0] : null,
    median: n === 0 ? null : n % 2 ? shares[(n - 1) / 2] : (shares[n / 2 - 1] + shares[n / 2]) / 2,
    max: n ? shares[n - 1] : null,
    standardDeviation: n ? Math.sqrt(shares.reduce((s, x) => s + (x - mean) ** 2, 0) / n) : null,
    balanceWeight: dep.balanceWeight ?? 0,
  };
}
