// Trafford's four localities vs its 2022 PCNs, and the ten GM boroughs vs GM's 2022 PCNs.
import { describe, expect, it } from 'vitest';
import {
  alignServices,
  serviceOverlay,
  toAlignedGeoJSON,
  toOverlapCsv,
  type AlignResult,
} from '../../../src/core/align';
import { expectAlignedTiling, expectEachNetworkInOneArea, expectSharesSumToOne } from './checks';
import { gmCase, readData, traffordCase } from './helpers';

function aligned(c: ReturnType<typeof traffordCase>): AlignResult {
  const r = alignServices({ serviceAreas: c.services.areas, plan: c.plan, serviceFileName: c.services.fileName });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.value;
}

const footprintsOf = (c: ReturnType<typeof traffordCase>) =>
  new Map([...c.plan.networks].map(([id, s]) => [id as string, s.geometry]));

describe('Trafford localities vs Trafford networks (2022 PCNs)', () => {
  it('gives each network the home locality PROVENANCE states, by practice locality', () => {
    const c = traffordCase();
    const r = aligned(c);
    expect(r.method).toBe('cells');
    const homeOf = new Map(r.networks.map((n) => [n.id as string, n.home]));
    // North = North Trafford PCN; West = Trafford West PCN (+ one Sale Central practice);
    // Central = Sale Central PCN; South = South Trafford PCN and Altrincham Healthcare Alliance PCN.
    expect(Object.fromEntries(r.networks.map((n) => [n.name, n.home]))).toEqual({
      'NORTH TRAFFORD PCN': 'North',
      'TRAFFORD WEST PCN': 'West',
      'SALE CENTRAL PCN': 'Central',
      'SOUTH TRAFFORD PCN': 'South',
      'ALTRINCHAM HEALTHCARE ALLIANCE PCN': 'South',
    });
    const rows = readData('trafford_practices_2026-01.csv')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(','));
    const mismatched = rows.filter((row) => homeOf.get(row[11]) !== row[10]);
    expect(mismatched.map((row) => [row[10], row[12]])).toEqual([['West', 'SALE CENTRAL PCN']]);
  });

  it('meets the invariants: shares sum to 1, aligned areas tile the study area, one area per network', () => {
    const c = traffordCase();
    const r = aligned(c);
    expectSharesSumToOne(r);
    expectAlignedTiling(r, c.plan.tessellation.areaKm2);
    expectEachNetworkInOneArea(r, footprintsOf(c));
    const before = r.serviceAreas.reduce((s, a) => s + a.populationBefore, 0);
    const after = r.serviceAreas.reduce((s, a) => s + a.populationAfter, 0);
    expect(after).toBeCloseTo(c.plan.totalPopulation, 6);
    expect(before).toBeCloseTo(c.plan.totalPopulation, 6);
    expect(r.serviceAreas.reduce((s, a) => s + a.areaBeforeKm2, 0)).toBeCloseTo(r.studyAreaKm2, 3);
  });

  it('reports split networks and what changes hands (figures as measured)', () => {
    const r = aligned(traffordCase());
    expect(
      r.networks
        .filter((n) => n.split)
        .map((n) => n.name)
        .sort(),
    ).toEqual(['SALE CENTRAL PCN', 'TRAFFORD WEST PCN']);
    const central = r.serviceAreas.find((a) => a.name === 'Central')!;
    expect(central.networkIds).toEqual(['U83990']);
    expect(central.networksSplit).toContain('U83990');
    // Population changing hands = the population of each network outside its home.
    expect(r.populationChangingHands).toBeCloseTo(
      r.networks.reduce((s, n) => s + n.population * (1 - n.homeShare), 0),
      6,
    );
    expect(Math.round(r.populationChangingHands)).toBeGreaterThan(30_000);
    expect(Math.round(r.populationChangingHands)).toBeLessThan(45_000);
  });

  it('writes the issue 5 schemas', () => {
    const r = aligned(traffordCase());
    const fc = toAlignedGeoJSON(r);
    expect(fc.features.map((f) => Object.keys(f.properties))[0]).toEqual([
      'service_area',
      'network_ids',
      'population',
      'area_km2',
      'original_area_km2',
      'area_changed_km2',
      'population_changed',
    ]);
    expect(fc.features.find((f) => f.properties.service_area === 'South')!.properties.network_ids).toBe(
      'U42898;U95344',
    );
    const csv = toOverlapCsv(r).trim().split('\n');
    expect(csv[0]).toBe(
      'network_id,network_name,service_area,overlap_area_km2,area_share,population_share,home_service_area,split',
    );
    const sums = new Map<string, number>();
    for (const line of csv.slice(1)) {
      const f = line.split(',');
      sums.set(f[0], (sums.get(f[0]) ?? 0) + Number(f[5]));
    }
    for (const s of sums.values()) expect(Math.abs(s - 1)).toBeLessThan(1e-5);
  });

  it('does not mutate its inputs', () => {
    const c = traffordCase();
    const areas = JSON.stringify(c.services.areas);
    const owners = Array.from(c.plan.siteOwner);
    const nets = JSON.stringify([...c.plan.networks.values()]);
    aligned(c);
    expect(JSON.stringify(c.services.areas)).toBe(areas);
    expect(Array.from(c.plan.siteOwner)).toEqual(owners);
    expect(JSON.stringify([...c.plan.networks.values()])).toBe(nets);
  });
});

describe('GM boroughs vs GM networks (2022 PCNs)', () => {
  it('meets the invariants', () => {
    const c = gmCase();
    const r = aligned(c);
    expect(r.networks).toHaveLength(c.plan.input.networks.length);
    expectSharesSumToOne(r);
    expectAlignedTiling(r, c.plan.tessellation.areaKm2);
    expectEachNetworkInOneArea(r, footprintsOf(c));
  });

  it('homes most networks in the borough their CCG covered, and reports the split ones', () => {
    const r = aligned(gmCase());
    expect(r.serviceAreas.every((a) => a.networkIds.length >= 4)).toBe(true);
    // Glossop PCN's practices lie outside GM (in Derbyshire): most of its population is outside every borough.
    const glossop = r.networks.find((n) => n.name === 'GLOSSOP PCN')!;
    expect(glossop.split).toBe(true);
    expect(glossop.overlaps[0].serviceArea).toBe('(outside all service areas)');
    expect(r.splitCount).toBeGreaterThan(10);
    expect(r.splitCount).toBeLessThan(r.networks.length);
  });
});

describe('serviceOverlay (what the map shows)', () => {
  it('switches between original and aligned areas and lists split networks', () => {
    const c = traffordCase();
    const r = aligned(c);
    const original = serviceOverlay(c.services.areas, r, false);
    expect(original.areas.features.map((f) => f.properties.version)).toEqual([
      'original',
      'original',
      'original',
      'original',
    ]);
    expect(original.areas.features[0].geometry).toBe(c.services.areas[0].geometry);
    const al = serviceOverlay(c.services.areas, r, true, c.plan.networks);
    expect(al.splitFootprints.features.map((f) => f.properties.network_id).sort()).toEqual(['U79881', 'U83990']);
    expect(al.areas.features.every((f) => f.properties.version === 'aligned')).toBe(true);
    expect([...al.splitNetworkIds].sort()).toEqual(['U79881', 'U83990']);
    expect(serviceOverlay(c.services.areas, null, true).splitNetworkIds).toEqual([]);
  });
});
