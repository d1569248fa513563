// Overlap of every network with every community-service area, each network's home area, and the
// service areas redrawn around the networks (the dissolved tiles of the networks homed in each).
import { dissolveSites, type Tessellation } from '../geometry';
import { makeIssue } from '../io/issues';
import type { Issue, NetworkId, Result } from '../model';
import type { PlanResult } from '../plan';
import { footprintTiling } from './footprint-tiling';
import { boxOf, projectGeometry } from './planar';
import { smallAreaWeights } from './small-area-weights';
import { tileOverlaps } from './tile-overlaps';
import {
  APPORTION_METHOD,
  DEFAULT_SPLIT_THRESHOLD,
  OUTSIDE_AREA,
  type AlignNetwork,
  type AlignResult,
  type ApportionMethod,
  type AreaOverlap,
  type NetworkAlignment,
  type ServiceArea,
  type ServiceAreaAlignment,
  type SmallArea,
} from './types';

export interface AlignInput {
  readonly serviceAreas: readonly ServiceArea[];
  /** Named in messages, e.g. "services.geojson". */
  readonly serviceFileName?: string;
  /** A network whose home population share is below this is split; default 0.95. */
  readonly threshold?: number;
  /** Cell-level apportionment: the plan the networks come from (its tessellation, practices and owners). */
  readonly plan?: PlanResult;
  /** Without a plan: the networks' footprints (e.g. read from a networks GeoJSON), population spread evenly over each. */
  readonly networks?: readonly AlignNetwork[];
  /** Residents by small area, used instead of list sizes to apportion population. */
  readonly smallAreas?: readonly SmallArea[] | null;
}

interface Tiling {
  readonly t: Tessellation;
  readonly networks: readonly AlignNetwork[];
  /** Per tile: index into networks, -1 for a cell no network owns. */
  readonly owner: Int32Array;
  /** Per tile, list-size population placed on it by each network: [network index, population][]. */
  readonly listPopulation: readonly (readonly [number, number])[][];
}

function tilingOf(input: AlignInput): Tiling {
  if (input.plan) {
    const plan = input.plan;
    const { practices, assignment } = plan.input;
    const networks = plan.input.networks.map((n) => {
      const s = plan.networks.get(n.id);
      return { id: n.id, name: n.name, population: s?.population ?? 0, geometry: s?.geometry ?? null };
    });
    const netIdx = new Map(networks.map((n, k) => [n.id as string, k]));
    const listPopulation: [number, number][][] = plan.tessellation.sites.map(() => []);
    practices.forEach((p, i) => {
      const id = assignment.get(p.code);
      const k = id === undefined ? -1 : (netIdx.get(id) ?? -1);
      listPopulation[plan.tessellation.siteOfPractice[i]].push([k, p.listSize]);
    });
    return { t: plan.tessellation, networks, owner: plan.siteOwner, listPopulation };
  }
  const networks = input.networks ?? [];
  const t = footprintTiling(networks);
  return {
    t,
    networks,
    owner: Int32Array.from(networks, (_, k) => k),
    listPopulation: networks.map((n, k) => [[k, n.population]]),
  };
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Example: `alignServices({ serviceAreas, plan })` gives, for each network, its share of area and
 * population in each service area (plus OUTSIDE_AREA for any part outside all of them; the shares
 * sum to 1), its home area and whether it is split, and the service areas redrawn around the
 * networks. Areas are in km2, populations in patients (list sizes).
 */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: on the allowlist in tests/unit/architecture/lint.test.ts
export function alignServices(input: AlignInput): Result<AlignResult> {
  const file = input.serviceFileName ?? 'service areas';
  const threshold = input.threshold ?? DEFAULT_SPLIT_THRESHOLD;
  const warnings: Issue[] = [];
  const fail = (text: string): Result<AlignResult> => ({
    ok: false,
    errors: [makeIssue('error', file, {}, text)],
    warnings,
  });
  if (!(threshold > 0 && threshold <= 1))
    return fail(`the split threshold ${threshold} is not a share between 0 (exclusive) and 1`);
  if (input.serviceAreas.length === 0) return fail('has no service areas');

  const { t, networks, owner, listPopulation } = tilingOf(input);
  if (networks.length === 0) return fail('there are no networks to compare the service areas with');
  const areas = input.serviceAreas.map((a) => projectGeometry(a.geometry, t.projection));
  const areaBoxes = areas.map(boxOf);
  const ov = tileOverlaps(t, areas, areaBoxes);
  const nA = areas.length;
  const OUT = nA;

  const areaInStudy = new Float64Array(nA);
  for (const row of ov.overlapM2) row.forEach((m2, a) => (areaInStudy[a] += m2));
  if (areaInStudy.every((m2) => m2 <= 0)) {
    return fail(
      `none of the ${nA} service areas overlaps the study area (the networks' footprints, ${t.areaKm2.toFixed(1)} km2); check the file covers the same region and is in WGS84 longitude/latitude`,
    );
  }
  input.serviceAreas.forEach((a, k) => {
    if (areaInStudy[k] <= 0)
      warnings.push(
        makeIssue(
          'warning',
          file,
          {},
          `service area "${a.name}" does not overlap the study area; it is reported with no networks`,
        ),
      );
  });
  if (ov.doubleCountedM2 > 1e-6 * t.areaKm2 * 1e6) {
    warnings.push(
      makeIssue(
        'warning',
        file,
        {},
        `service areas overlap each other (${(ov.doubleCountedM2 / 1e6).toFixed(3)} km2 inside the study area); the overlap is shared between them in proportion`,
      ),
    );
  }

  // Population per tile per area (last slot: outside all areas), by network.
  const nN = networks.length;
  const netPop = networks.map(() => new Float64Array(nA + 1));
  const netArea = networks.map(() => new Float64Array(nA + 1));
  const freePop = new Float64Array(nA + 1);
  let method: ApportionMethod = input.plan ? APPORTION_METHOD.cells : APPORTION_METHOD.footprints;
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

  let popShare = netPop.map((row) => normalise(row));
  if (input.smallAreas && input.smallAreas.length > 0) {
    method = APPORTION_METHOD.smallAreas;
    const sw = smallAreaWeights(input.smallAreas, t.projection, ov, areas, areaBoxes);
    const residents = networks.map(() => new Float64Array(nA + 1));
    sw.weights.forEach((row, s) => {
      if (owner[s] >= 0) row.forEach((w, a) => (residents[owner[s]][a] += w));
    });
    popShare = residents.map((row, k) => {
      if (row.some((w) => w > 0)) return normalise(row);
      warnings.push(
        makeIssue(
          'warning',
          file,
          {},
          `network ${networks[k].id}: no small-area population inside its footprint; its list-size shares are used`,
        ),
      );
      return popShare[k];
    });
    if (sw.approximated > 0)
      warnings.push(
        makeIssue(
          'warning',
          file,
          {},
          `${sw.approximated} small-area pieces could not be clipped exactly (invalid rings, e.g. self-intersections); their areas were estimated`,
        ),
      );
  }

  const names = input.serviceAreas.map((a) => a.name);
  const homes = new Int32Array(nN);
  const result: NetworkAlignment[] = networks.map((n, k) => {
    const areaTotal = netArea[k].reduce((a, b) => a + b, 0);
    const areaShare = areaTotal > 0 ? netArea[k].map((m2) => m2 / areaTotal) : popShare[k];
    let home = -1;
    for (let a = 0; a < nA; a++) {
      if (popShare[k][a] <= 0 && areaShare[a] <= 0) continue;
      if (
        home < 0 ||
        popShare[k][a] > popShare[k][home] ||
        (popShare[k][a] === popShare[k][home] && areaShare[a] > areaShare[home])
      )
        home = a;
    }
    if (home < 0) {
      home = nearestArea(t, owner, k, areas);
      warnings.push(
        makeIssue(
          'warning',
          file,
          {},
          `network ${n.id} lies outside every service area; it is given to the nearest, "${names[home]}"`,
        ),
      );
    }
    homes[k] = home;
    const overlaps: AreaOverlap[] = [];
    for (let a = 0; a <= nA; a++) {
      // Slivers that round to 0 in the report (shares < 5e-7) are float noise along shared borders.
      if (popShare[k][a] < 5e-7 && areaShare[a] < 5e-7) continue;
      overlaps.push({
        serviceArea: a === OUT ? OUTSIDE_AREA : names[a],
        overlapAreaKm2: netArea[k][a] / 1e6,
        areaShare: areaShare[a],
        populationShare: popShare[k][a],
      });
    }
    overlaps.sort(
      (x, y) =>
        y.populationShare - x.populationShare || y.areaShare - x.areaShare || byName(x.serviceArea, y.serviceArea),
    );
    const homeShare = popShare[k][home];
    return {
      id: n.id,
      name: n.name,
      population: n.population,
      areaKm2: areaTotal / 1e6,
      overlaps,
      home: names[home],
      homeShare,
      split: homeShare < threshold,
      populationMoved: n.population * (1 - homeShare),
    };
  });

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
  listPopulation.forEach((entries, s) => {
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

  const serviceAreas: ServiceAreaAlignment[] = names.map((name, a) => {
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
    let before = freePop[a],
      after = freeAfter[a],
      changed = freeChanged[a];
    const networkIds: NetworkId[] = [],
      inside: NetworkId[] = [],
      split: NetworkId[] = [];
    result.forEach((n, k) => {
      const here = n.population * popShare[k][a];
      before += here;
      if (homes[k] === a) {
        after += n.population;
        changed += n.population - here;
        networkIds.push(n.id);
        if (!n.split) inside.push(n.id);
      } else changed += here;
      if (n.split && popShare[k][a] > 0) split.push(n.id);
    });
    return {
      name,
      networkIds: networkIds.sort(byName),
      networksInside: inside.sort(byName),
      networksSplit: split.sort(byName),
      populationBefore: before,
      populationAfter: after,
      areaBeforeKm2: areaInStudy[a] / 1e6,
      areaAfterKm2: aligned.areaKm2,
      areaChangedKm2: (gainedM2 + lostM2) / 1e6,
      populationChanged: changed,
      geometry: sites.length ? aligned.geometry : null,
    };
  });

  return {
    ok: true,
    warnings,
    value: {
      method,
      threshold,
      networks: result,
      serviceAreas,
      studyAreaKm2: t.areaKm2,
      splitCount: result.filter((n) => n.split).length,
      populationChangingHands: result.reduce((s, n) => s + n.populationMoved, 0),
      areaChangingHandsKm2: result.reduce((s, n, k) => s + (n.areaKm2 - netArea[k][homes[k]] / 1e6), 0),
    },
  };
}

/** Shares summing to 1; an all-zero row stays all zero. */
function normalise(row: Float64Array): Float64Array {
  const total = row.reduce((a, b) => a + b, 0);
  return total > 0 ? row.map((v) => v / total) : new Float64Array(row.length);
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
