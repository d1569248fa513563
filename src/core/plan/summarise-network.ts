import { dissolveSites, type Tessellation } from '../geometry';
import { polsbyPopper } from '../geometry/polsby-popper';
import { bandStatus, type Band, type Network, type Practice } from '../model';
import type { NetworkSummary } from './types';

/** Metrics and footprint of one network from its member practices and owned sites. */
export function summariseNetwork(
  network: Network,
  memberIndices: readonly number[],
  sites: readonly number[],
  practices: readonly Practice[],
  t: Tessellation,
  band: Band,
): NetworkSummary {
  let population = 0;
  for (const i of memberIndices) population += practices[i].listSize;
  const sortedSites = [...sites].sort((a, b) => a - b);
  const footprint = dissolveSites(t, sortedSites);
  const p = footprint.perimeterKm;
  return {
    id: network.id,
    name: network.name,
    population,
    practiceCount: memberIndices.length,
    practiceCodes: memberIndices.map((i) => practices[i].code).sort(),
    sites: sortedSites,
    areaKm2: footprint.areaKm2,
    perimeterKm: p,
    parts: footprint.parts,
    contiguous: footprint.contiguous,
    polsbyPopper: polsbyPopper(footprint.areaKm2, p),
    band: bandStatus(population, band),
    geometry: footprint.geometry,
  };
}
