// Footprint-only apportionment (no practices), small-area populations, and bad inputs.
import { describe, expect, it } from 'vitest';
import { alignServices, parseServiceAreas, type SmallArea } from '../../../src/core/align';
import { parseNetworksGeoJSON, toNetworksGeoJSON } from '../../../src/core/io';
import { DEFAULT_BAND, type Boundary } from '../../../src/core/model';
import { expectAlignedTiling, expectEachNetworkInOneArea, expectSharesSumToOne, km2Of } from './checks';
import { gmCase, readData, traffordCase } from './helpers';

function networksFileOf(c: ReturnType<typeof traffordCase>) {
  const text = JSON.stringify(toNetworksGeoJSON([...c.plan.networks.values()], DEFAULT_BAND));
  const r = parseNetworksGeoJSON(text, 'networks.geojson');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.value.networks;
}

describe('footprint-only apportionment (a networks GeoJSON, no practices)', () => {
  it('tiles the study area and homes the Trafford networks as with cells', () => {
    const c = traffordCase();
    const networks = networksFileOf(c);
    const r = alignServices({ serviceAreas: c.services.areas, networks });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.method).toBe('footprints');
    expectSharesSumToOne(r.value);
    expectAlignedTiling(r.value, c.plan.tessellation.areaKm2);
    expectEachNetworkInOneArea(r.value, new Map(networks.map((n) => [n.id as string, n.geometry])));
    for (const n of r.value.networks) for (const o of n.overlaps) expect(o.populationShare).toBeCloseTo(o.areaShare, 9);
    expect(Object.fromEntries(r.value.networks.map((n) => [n.id, n.home]))).toEqual({
      U66368: 'North',
      U79881: 'West',
      U83990: 'Central',
      U42898: 'South',
      U95344: 'South',
    });
  });

  it('does not mutate the networks or the service areas', () => {
    const c = traffordCase();
    const networks = networksFileOf(c);
    const before = JSON.stringify(networks);
    const areas = JSON.stringify(c.services.areas);
    alignServices({
      serviceAreas: c.services.areas,
      networks,
      smallAreas: [{ geometry: c.boundary, population: 1000 }],
    });
    expect(JSON.stringify(networks)).toBe(before);
    expect(JSON.stringify(c.services.areas)).toBe(areas);
  });

  it('works on the GM networks file too', () => {
    const c = gmCase();
    const networks = networksFileOf(c);
    const r = alignServices({ serviceAreas: c.services.areas, networks });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expectSharesSumToOne(r.value);
    expectAlignedTiling(r.value, r.value.studyAreaKm2);
    expect(Math.abs(r.value.studyAreaKm2 - c.plan.tessellation.areaKm2) / c.plan.tessellation.areaKm2).toBeLessThan(
      1e-3,
    );
  });
});

describe('small-area populations (synthetic populations on the real GM LSOA 2021 polygons)', () => {
  const lsoas = (JSON.parse(readData('gm_lsoa2021_bgc.geojson')) as { features: { geometry: Boundary }[] }).features;

  it('with residents proportional to area, population shares equal area shares', () => {
    const c = gmCase();
    const smallAreas: SmallArea[] = lsoas.map((f) => ({ geometry: f.geometry, population: km2Of(f.geometry) * 2500 }));
    const r = alignServices({ serviceAreas: c.services.areas, plan: c.plan, smallAreas });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.method).toBe('small-areas');
    expectSharesSumToOne(r.value);
    let worst = 0;
    for (const n of r.value.networks)
      for (const o of n.overlaps) worst = Math.max(worst, Math.abs(o.populationShare - o.areaShare));
    // LSOAs (generalised to 20 m) and the combined-authority outline differ slightly at the edges.
    expect(worst).toBeLessThan(0.01);
  });

  it('with every resident in one borough, every network with a footprint there is homed there', () => {
    const c = gmCase();
    const r0 = alignServices({ serviceAreas: c.services.areas, plan: c.plan });
    const lsoaProps = (
      JSON.parse(readData('gm_lsoa2021_bgc.geojson')) as { features: { properties: { lsoa21nm: string } }[] }
    ).features;
    const smallAreas: SmallArea[] = lsoas.map((f, i) => ({
      geometry: f.geometry,
      population: lsoaProps[i].properties.lsoa21nm.startsWith('Bolton') ? 1500 : 0,
    }));
    const r = alignServices({ serviceAreas: c.services.areas, plan: c.plan, smallAreas });
    expect(r.ok && r0.ok).toBe(true);
    if (!r.ok || !r0.ok) return;
    const touchingBolton = r0.value.networks.filter((n) =>
      n.overlaps.some((o) => o.serviceArea === 'Bolton' && o.areaShare > 0.01),
    );
    for (const n of touchingBolton) expect(r.value.networks.find((m) => m.id === n.id)!.home).toBe('Bolton');
    expectSharesSumToOne(r.value);
  });
});

describe('bad inputs give clear errors and change nothing', () => {
  it('service areas that miss the study area entirely', () => {
    const c = traffordCase();
    const moved = JSON.parse(readData('trafford_localities_2023.geojson'));
    for (const f of moved.features)
      f.geometry.coordinates = f.geometry.coordinates.map((ring: number[][]) => ring.map(([x, y]) => [x + 3, y]));
    const services = parseServiceAreas(JSON.stringify(moved), 'elsewhere.geojson');
    expect(services.ok).toBe(true);
    if (!services.ok) return;
    const before = JSON.stringify(services.value);
    const r = alignServices({ serviceAreas: services.value.areas, plan: c.plan, serviceFileName: 'elsewhere.geojson' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0].message).toMatch(
      /^elsewhere\.geojson: none of the 4 service areas overlaps the study area/,
    );
    expect(JSON.stringify(services.value)).toBe(before);
  });

  it('a layer larger than the study area warns about the areas that miss it', () => {
    const c = traffordCase();
    const r = alignServices({
      serviceAreas: gmCase().services.areas,
      plan: c.plan,
      serviceFileName: 'boroughs.geojson',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.filter((w) => w.code === 'serviceAreaOutside').length).toBeGreaterThanOrEqual(7);
    expect(r.value.networks.every((n) => n.home === 'Trafford' || n.home === 'Manchester')).toBe(true);
    expect(r.value.serviceAreas.find((a) => a.name === 'Bolton')!.geometry).toBeNull();
  });

  it('a threshold outside 0-1, and no networks', () => {
    const c = traffordCase();
    const bad = alignServices({ serviceAreas: c.services.areas, plan: c.plan, threshold: 1.5 });
    expect(!bad.ok && bad.errors[0].message).toMatch(/split threshold 1.5 is not a share/);
    const none = alignServices({ serviceAreas: c.services.areas, networks: [] });
    expect(!none.ok && none.errors[0].message).toMatch(/no networks/);
  });
});
