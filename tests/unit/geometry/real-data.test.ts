// The engine on real NHS data from ../shared/data (January 2022 practices and PCNs).
import { area, booleanPointInPolygon, featureCollection, intersect, point } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildTessellation, dissolveSites } from '../../../src/core/geometry';
import { DEFAULT_BAND } from '../../../src/core/model';
import { evaluatePlan, type PlanResult } from '../../../src/core/plan';
import { toNetworksGeoJSON } from '../../../src/core/io';
import { checkRfc7946, loadReal } from './helpers';
import { featureCollectionValidityErrors } from './validity';

function checkPlan(r: PlanResult, opts: { overlapPairs: boolean }) {
  const t = r.tessellation;
  const footprints = [...r.networks.values()].filter((s) => s.geometry);
  // Cover: footprints of a complete assignment tile the area (sites with no assigned practice
  // keep their cells unowned, so add those).
  let unowned = 0;
  r.siteOwner.forEach((o, s) => {
    if (o < 0) unowned += t.cellAreaKm2[s];
  });
  const footprintKm2 = footprints.reduce((a, s) => a + s.areaKm2, 0);
  expect(Math.abs(footprintKm2 + unowned - t.areaKm2) / t.areaKm2).toBeLessThan(0.001);
  const turfKm2 = footprints.reduce((a, s) => a + area(s.geometry!) / 1e6, 0);
  const turfUnownedOk = Math.abs(turfKm2 - footprintKm2) / footprintKm2;
  expect(turfUnownedOk).toBeLessThan(0.001);
  for (const s of footprints) expect(checkRfc7946(s.geometry!)).toEqual([]);
  // What is written is valid for a GIS (OGC rules by jsts, RFC 7946), every footprint.
  expect(featureCollectionValidityErrors(toNetworksGeoJSON(r.networks.values(), r.input.band))).toEqual([]);

  // Overlap: neighbouring footprints share edges only.
  if (opts.overlapPairs) {
    const ids = [...r.networks.keys()];
    const byId = new Map(footprints.map((s) => [s.id, s]));
    let checked = 0;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const a = byId.get(ids[i]),
          b = byId.get(ids[j]);
        if (!a || !b) continue;
        const hit = intersect(
          featureCollection([
            { type: 'Feature', properties: {}, geometry: a.geometry! } as Feature<Polygon | MultiPolygon>,
            { type: 'Feature', properties: {}, geometry: b.geometry! } as Feature<Polygon | MultiPolygon>,
          ]),
        );
        checked++;
        if (hit) expect(area(hit) / 1e6 / Math.min(a.areaKm2, b.areaKm2)).toBeLessThan(0.0001);
      }
    }
    expect(checked).toBeGreaterThan(100);
  }

  // Every practice inside the area lies in its own network's footprint (unless its shared cell
  // went to another network, which is reported).
  const conflicted = new Set(r.sharedSiteConflicts.flatMap((c) => c.practiceCodes));
  let checkedPractices = 0;
  r.input.practices.forEach((p, i) => {
    const id = r.input.assignment.get(p.code);
    const s = id && r.networks.get(id);
    if (!s || conflicted.has(p.code) || t.cellAreaKm2[t.siteOfPractice[i]] === 0) return;
    if (!booleanPointInPolygon(point([p.lon, p.lat]), t.areaGeometry)) return;
    checkedPractices++;
    expect(booleanPointInPolygon(point([p.lon, p.lat]), s.geometry!), `${p.code} in ${id}`).toBe(true);
  });
  expect(checkedPractices).toBeGreaterThan(r.input.practices.length * 0.8);

  // Totals add up.
  const total = r.input.practices.reduce((a, p) => a + p.listSize, 0);
  const networksTotal = [...r.networks.values()].reduce((a, s) => a + s.population, 0);
  expect(networksTotal + r.unassignedPopulation).toBe(total);
  expect(r.totalPopulation).toBe(total);
}

describe('Greater Manchester, real 2022 PCNs', () => {
  const gm = loadReal('gm_practices_2022-01.csv', 'gm_combined_authority_2023_bgc.geojson');
  const t = buildTessellation(gm.practices, gm.boundary);
  const r = evaluatePlan(
    { practices: gm.practices, networks: gm.networks, assignment: gm.assignment, band: DEFAULT_BAND },
    t,
  );

  it('footprints cover the boundary without overlapping, and contain their practices', () => {
    expect(r.networks.size).toBe(67);
    checkPlan(r, { overlapPairs: true });
  });

  it('gives every practice a single-piece cell (fragments cut off by the boundary join a neighbour)', () => {
    const pieces = t.sites.map((_, i) => dissolveSites(t, [i]).parts);
    expect(pieces.filter((p) => p > 1)).toEqual([]);
    // Neighbouring cells share their edges exactly: all cells dissolve into the one GM polygon.
    expect(
      dissolveSites(
        t,
        t.sites.map((_, i) => i),
      ).parts,
    ).toBe(1);
    const sum = t.cellAreaKm2.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(t.areaKm2, 3);
  });

  it('matches the published figures: 34 of 67 in band, population 3,182,014', () => {
    expect(r.inBand).toBe(34);
    expect(r.totalPopulation).toBe(3_182_014);
    expect(r.unassigned).toHaveLength(0);
    // The 5 Glossop practices lie outside the GM boundary.
    const outside = gm.practices.filter((p) => !booleanPointInPolygon(point([p.lon, p.lat]), gm.boundary));
    expect(outside.map((p) => p.code).sort()).toEqual(['C81077', 'C81081', 'C81106', 'C81615', 'C81640']);
  });
});

describe('England, real 2022 PCNs', () => {
  const en = loadReal('england_practices_2022-01.csv', 'england_icb_2022_ultragen.geojson');
  const t = buildTessellation(en.practices, en.boundary);
  const r = evaluatePlan(
    { practices: en.practices, networks: en.networks, assignment: en.assignment, band: DEFAULT_BAND },
    t,
  );

  it('covers England, keeps every practice in its own footprint, and totals add up', () => {
    expect(r.networks.size).toBe(1234);
    expect(r.unassigned).toHaveLength(68);
    expect(r.inBand).toBe(685);
    checkPlan(r, { overlapPairs: false });
  });

  it('makes one site per location (coincident practices merged)', () => {
    expect(t.sites.length).toBeLessThan(en.practices.length);
    const multi = t.sites.filter((s) => s.practices.length > 1);
    expect(multi.reduce((a, s) => a + s.practices.length, 0)).toBeGreaterThan(900);
  });
});
