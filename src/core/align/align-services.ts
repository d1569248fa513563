// Overlap of every network with every community-service area, each network's home area, and the
// service areas redrawn around the networks (the dissolved tiles of the networks homed in each).
// The stages: the tiling and its overlaps with the areas (here), population and area apportioned
// (apportion.ts), each network's home and split (network-alignment.ts), the areas redrawn
// (redraw-areas.ts).
import { makeIssue } from '../io/issues';
import type { Issue, Result } from '../model';
import type { PlanResult } from '../plan';
import { apportion, normalise, smallAreaShares, type Tiling } from './apportion';
import { footprintTiling } from './footprint-tiling';
import { alignNetworks } from './network-alignment';
import { boxOf, projectGeometry } from './planar';
import { redrawServiceAreas } from './redraw-areas';
import { tileOverlaps } from './tile-overlaps';
import {
  APPORTION_METHOD,
  DEFAULT_SPLIT_THRESHOLD,
  type AlignNetwork,
  type AlignResult,
  type ApportionMethod,
  type ServiceArea,
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

/**
 * Example: `alignServices({ serviceAreas, plan })` gives, for each network, its share of area and
 * population in each service area (plus OUTSIDE_AREA for any part outside all of them; the shares
 * sum to 1), its home area and whether it is split, and the service areas redrawn around the
 * networks. Areas are in km2, populations in patients (list sizes).
 */
export function alignServices(input: AlignInput): Result<AlignResult> {
  const file = input.serviceFileName ?? 'service areas';
  const threshold = input.threshold ?? DEFAULT_SPLIT_THRESHOLD;
  const warnings: Issue[] = [];
  const fail = (text: string): Result<AlignResult> => ({
    ok: false,
    errors: [makeIssue('error', 'alignInput', file, {}, text)],
    warnings,
  });
  if (!(threshold > 0 && threshold <= 1))
    return fail(`the split threshold ${threshold} is not a share between 0 (exclusive) and 1`);
  if (input.serviceAreas.length === 0) return fail('has no service areas');

  const tiling = tilingOf(input);
  const { t } = tiling;
  if (tiling.networks.length === 0) return fail('there are no networks to compare the service areas with');
  const areas = input.serviceAreas.map((a) => projectGeometry(a.geometry, t.projection));
  const areaBoxes = areas.map(boxOf);
  const ov = tileOverlaps(t, areas, areaBoxes);
  const nA = areas.length;

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
          'serviceAreaOutside',
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
        'serviceAreasOverlap',
        file,
        {},
        `service areas overlap each other (${(ov.doubleCountedM2 / 1e6).toFixed(3)} km2 inside the study area); the overlap is shared between them in proportion`,
      ),
    );
  }

  const { netPop, netArea, freePop } = apportion(tiling, ov, nA);
  let method: ApportionMethod = input.plan ? APPORTION_METHOD.cells : APPORTION_METHOD.footprints;
  let popShare = netPop.map((row) => normalise(row));
  if (input.smallAreas && input.smallAreas.length > 0) {
    method = APPORTION_METHOD.smallAreas;
    popShare = smallAreaShares(input.smallAreas, tiling, ov, areas, areaBoxes, popShare, file, warnings);
  }

  const names = input.serviceAreas.map((a) => a.name);
  const { networks: result, homes } = alignNetworks(
    tiling,
    areas,
    names,
    { popShare, netArea },
    threshold,
    file,
    warnings,
  );
  const serviceAreas = redrawServiceAreas(tiling, ov, {
    names,
    networks: result,
    homes,
    popShare,
    freePop,
    areaInStudy,
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
