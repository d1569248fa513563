// Seeded property tests over random practice sets: the invariants every plan must keep.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTessellation } from '../../../src/core/geometry';
import { DEFAULT_BAND, networkId, practiceCode, type NetworkId, type PracticeCode } from '../../../src/core/model';
import { evaluatePlan, type PlanResult, updatePlan } from '../../../src/core/plan';
import { toNetworksGeoJSON } from '../../../src/core/io';
import { deepFreeze, practice, square } from '../geometry/helpers';
import { featureCollectionValidityErrors } from '../geometry/validity';

const boundary = square(-2.3, 53.3, -1.7, 53.6);
const arbPractices = fc
  .uniqueArray(
    fc.record({
      lon: fc.integer({ min: -2400, max: -1600 }).map((v) => v / 1000),
      lat: fc.integer({ min: 53_250, max: 53_650 }).map((v) => v / 1000),
      listSize: fc.integer({ min: 0, max: 30_000 }),
    }),
    { minLength: 1, maxLength: 60, selector: (p) => `${p.lon},${p.lat}` },
  )
  .chain((pts) =>
    fc.tuple(
      fc.constant(pts),
      // Some points repeated exactly: co-located practices.
      fc.array(fc.nat({ max: pts.length - 1 }), { maxLength: 5 }),
      fc.array(fc.integer({ min: -1, max: 5 }), { minLength: pts.length + 5, maxLength: pts.length + 5 }),
    ),
  );

function build([pts, dupes, nets]: [{ lon: number; lat: number; listSize: number }[], number[], number[]]) {
  const all = [...pts, ...dupes.map((i) => pts[i])];
  const practices = deepFreeze(all.map((p, i) => practice(`P${i}`, p.lon, p.lat, p.listSize)));
  const networks = deepFreeze([0, 1, 2, 3, 4, 5].map((k) => ({ id: networkId(`N${k}`), name: `N${k}` })));
  const assignment = new Map<PracticeCode, NetworkId>();
  practices.forEach((p, i) => {
    if (nets[i] >= 0) assignment.set(p.code, networks[nets[i]].id);
  });
  return { practices, networks, assignment };
}

/** A plan's figures as text, areas and lengths to 6 decimals: an incremental update must equal a full evaluation. */
const strip = (x: PlanResult) =>
  JSON.stringify([
    [...x.networks.values()].map((s) => ({
      ...s,
      areaKm2: s.areaKm2.toFixed(6),
      perimeterKm: s.perimeterKm.toFixed(6),
      polsbyPopper: s.polsbyPopper.toFixed(6),
    })),
    x.unassigned,
    x.unassignedPopulation,
    x.inBand,
    x.outOfBand,
    x.nonContiguous,
    [...x.siteOwner],
    x.sharedSiteConflicts,
  ]);

describe('plan invariants on random practice sets', () => {
  it('footprints tile the area, practices are counted once, totals add up', () => {
    fc.assert(
      fc.property(arbPractices, (args) => {
        const { practices, networks, assignment } = build(args);
        const t = buildTessellation(practices, boundary);
        const r = evaluatePlan({ practices, networks, assignment, band: DEFAULT_BAND }, t);
        let owned = 0,
          unowned = 0;
        r.siteOwner.forEach((o, s) => {
          if (o < 0) unowned += t.cellAreaKm2[s];
          else owned += t.cellAreaKm2[s];
        });
        const footprints = [...r.networks.values()].reduce((a, s) => a + s.areaKm2, 0);
        expect(footprints).toBeCloseTo(owned, 6);
        expect(Math.abs(owned + unowned - t.areaKm2) / t.areaKm2).toBeLessThan(1e-6);
        const counted = [...r.networks.values()].reduce((a, s) => a + s.practiceCount, 0) + r.unassigned.length;
        expect(counted).toBe(practices.length);
        const codes = [...r.networks.values()].flatMap((s) => s.practiceCodes).concat(r.unassigned);
        expect(new Set(codes).size).toBe(practices.length);
        const pop = [...r.networks.values()].reduce((a, s) => a + s.population, 0) + r.unassignedPopulation;
        expect(pop).toBe(practices.reduce((a, p) => a + p.listSize, 0));
        for (const s of r.networks.values()) {
          const hasArea = s.sites.some((site) => t.cellAreaKm2[site] > 0);
          expect(s.parts >= 1).toBe(hasArea);
          expect(s.contiguous).toBe(s.parts === 1);
        }
        expect(featureCollectionValidityErrors(toNetworksGeoJSON(r.networks.values(), DEFAULT_BAND))).toEqual([]);
      }),
      { seed: 20261123, numRuns: 60 },
    );
  });

  it('an incremental update after random moves equals a full evaluation', () => {
    fc.assert(
      fc.property(
        arbPractices,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: -1, max: 5 })), { minLength: 1, maxLength: 10 }),
        (args, moves) => {
          const { practices, networks, assignment } = build(args);
          const t = buildTessellation(practices, boundary);
          let r = evaluatePlan({ practices, networks, assignment, band: DEFAULT_BAND }, t);
          for (const [pi, ni] of moves) {
            const code = practices[pi % practices.length].code;
            const next = new Map(r.input.assignment);
            if (ni < 0) next.delete(code);
            else next.set(code, networks[ni].id);
            r = updatePlan(r, { ...r.input, assignment: next }, [code]);
          }
          const full = evaluatePlan(r.input, t);
          expect(strip(r)).toBe(strip(full));
        },
      ),
      { seed: 7, numRuns: 60 },
    );
  });
});

describe('updatePlan after recolours', () => {
  it('with moves between recolours (new network arrays, same networks) equals a full evaluation', () => {
    fc.assert(
      fc.property(
        arbPractices,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: -2, max: 5 })), { minLength: 1, maxLength: 12 }),
        (args, steps) => {
          const { practices, networks, assignment } = build(args);
          const t = buildTessellation(practices, boundary);
          let r = evaluatePlan({ practices, networks, assignment, band: DEFAULT_BAND }, t);
          for (const [pi, ni] of steps) {
            if (ni === -2) {
              const recoloured = r.input.networks.map((n, k) => (k === pi % 6 ? { ...n, colour: `#00000${k}` } : n));
              r = updatePlan(r, { ...r.input, networks: recoloured }, []);
              continue;
            }
            const code = practices[pi % practices.length].code;
            const next = new Map(r.input.assignment);
            if (ni < 0) next.delete(code);
            else next.set(code, r.input.networks[ni].id);
            r = updatePlan(r, { ...r.input, assignment: next }, [code]);
          }
          const full = evaluatePlan(r.input, t);
          expect(strip(r)).toBe(strip(full));
        },
      ),
      { seed: 11, numRuns: 60 },
    );
  });
});

describe('updatePlan', () => {
  const practices = [
    practice('A', -2.2, 53.4),
    practice('B', -2.0, 53.4),
    practice('C', -1.8, 53.4),
    practice('D', -2.0, 53.5),
  ];
  const networks = [
    { id: networkId('X'), name: 'X' },
    { id: networkId('Y'), name: 'Y' },
  ];
  const assignment = new Map([
    [practiceCode('A'), networkId('X')],
    [practiceCode('B'), networkId('X')],
    [practiceCode('C'), networkId('Y')],
  ]);
  const t = buildTessellation(practices, boundary);
  const r0 = evaluatePlan({ practices, networks, assignment, band: DEFAULT_BAND }, t);

  it('recomputes only the two networks a move touches and leaves the previous result intact', () => {
    const snapshot = JSON.stringify([...r0.networks.values()]);
    const next = new Map(assignment).set(practiceCode('B'), networkId('Y'));
    const r1 = updatePlan(r0, { ...r0.input, assignment: next }, [practiceCode('B')]);
    expect([...r1.changed].sort()).toEqual(['X', 'Y']);
    expect(r1.networks.get(networkId('Y'))!.practiceCodes).toEqual(['B', 'C']);
    expect(JSON.stringify([...r0.networks.values()])).toBe(snapshot);
  });

  it('handles renames, new and deleted networks', () => {
    const renamed = [{ id: networkId('X'), name: 'Renamed' }, networks[1], { id: networkId('Z'), name: 'Z' }];
    const r1 = updatePlan(r0, { ...r0.input, networks: renamed }, []);
    expect(r1.networks.get(networkId('X'))!.name).toBe('Renamed');
    expect(r1.changed).toEqual(['Z']);
    const withoutY = [networks[0]];
    const a2 = new Map(assignment);
    a2.delete(practiceCode('C'));
    const r2 = updatePlan(r0, { ...r0.input, networks: withoutY, assignment: a2 }, [practiceCode('C')]);
    expect(r2.networks.has(networkId('Y'))).toBe(false);
    expect(r2.unassigned).toEqual(['C', 'D']);
    expect(r2.siteOwner[t.siteOfPractice[2]]).toBe(-1);
  });

  it('re-bands every network when the band changes, without geometry work', () => {
    const r1 = updatePlan(r0, { ...r0.input, band: { min: 5_000, max: 15_000 } }, []);
    expect(r1.networks.get(networkId('Y'))!.band).toBe('within');
    expect(r1.networks.get(networkId('X'))!.band).toBe('above');
    expect(r1.changed).toEqual([]);
  });
});
