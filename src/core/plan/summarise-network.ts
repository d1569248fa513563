import { dissolveSites, type Tessellation } from '../geometry';
import { SiteMarks } from '../geometry/site-marks';
import { bandStatus, type Band, type Network, type Practice } from '../model';
import { networkPopulation, siteFigures } from './network-figures';
import type { NetworkSummary } from './types';

const owned = new SiteMarks();

/**
 * Metrics and footprint of one network from its member practices and owned sites: the geometry,
 * area, perimeter and parts from the dissolved footprint, population, contiguity and
 * Polsby-Popper by plan/network-figures (the cluster's report uses the same).
 */
export function summariseNetwork(
  network: Network,
  memberIndices: readonly number[],
  sites: readonly number[],
  practices: readonly Practice[],
  t: Tessellation,
  band: Band,
): NetworkSummary {
  const population = networkPopulation(memberIndices, practices);
  const sortedSites = [...sites].sort((a, b) => a - b);
  const footprint = dissolveSites(t, sortedSites);
  owned.clear(t.sites.length);
  for (const s of sortedSites) owned.add(s);
  const figures = siteFigures(t, sortedSites, (s) => owned.has(s));
  return {
    id: network.id,
    name: network.name,
    population,
    practiceCount: memberIndices.length,
    practiceCodes: memberIndices.map((i) => practices[i].code).sort(),
    sites: sortedSites,
    areaKm2: footprint.areaKm2,
    perimeterKm: footprint.perimeterKm,
    parts: footprint.parts,
    contiguous: figures.contiguous,
    polsbyPopper: figures.polsbyPopper,
    band: bandStatus(population, band),
    geometry: footprint.geometry,
  };
}
