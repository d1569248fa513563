import { dissolveSites, type Tessellation } from '../geometry';
import { SiteMarks } from '../geometry/site-marks';
import { ascending, bandStatus, type Band, type Network, type Practice } from '../model';
import { networkPopulation, siteFigures } from './network-figures';
import type { NetworkSummary } from './types';

const owned = new SiteMarks();

/**
 * Metrics and footprint of one network from its member practices and owned sites: the geometry,
 * area, perimeter and parts from the dissolved footprint, population, contiguity and
 * Polsby-Popper by plan/network-figures (the cluster's report uses the same). `sites` becomes the
 * summary's list when already ascending, so callers pass a list they no longer change.
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
  const sortedSites = ascending(sites);
  const footprint = dissolveSites(t, sortedSites);
  owned.clear(t.sites.length);
  for (const s of sortedSites) owned.add(s);
  const figures = siteFigures(t, sortedSites, (s) => owned.has(s));
  return {
    id: network.id,
    name: network.name,
    population,
    practiceCount: memberIndices.length,
    practiceCodes: ascending(memberIndices.map((i) => practices[i].code)),
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
