// A plan crossing threads as typed arrays (the import worker -> the app) comes back equal to the
// one evaluated, and edits after it (updatePlan on the main thread) give the same results.
import { describe, expect, it } from 'vitest';
import {
  buildTessellation,
  cellGeometry,
  dissolveSites,
  packTessellation,
  unpackTessellation,
  type Tessellation,
} from '../../../src/core/geometry';
import { DEFAULT_BAND, type NetworkId, type PracticeCode } from '../../../src/core/model';
import { evaluatePlan, packPlan, unpackPlan, updatePlan, type PlanResult } from '../../../src/core/plan';
import { transferablesOf } from '../../../src/workers/transfer';
import { coastBoundary, coastPractices } from '../geometry/coast-fixture';
import { loadReal } from '../geometry/helpers';

/** What postMessage with a transfer list does to the packed value. */
const crossThread = <T>(value: T): T => structuredClone(value, { transfer: transferablesOf(value) });

function expectSameTessellation(a: Tessellation, b: Tessellation) {
  const { projection: pa, edgeSite: ea, ...restA } = a;
  const { projection: pb, edgeSite: eb, ...restB } = b;
  expect(restB).toEqual(restA);
  expect([pb.lon0, pb.lat0]).toEqual([pa.lon0, pa.lat0]);
  expect(pb.forward(-1.5, 53.2)).toEqual(pa.forward(-1.5, 53.2));
  // The map's cells: built on the packing side (each as its own dissolve), read on the other.
  for (let site = 0; site < a.sites.length; site++) {
    expect(cellGeometry(a, site)).toEqual(dissolveSites(a, [site]).geometry);
    expect(cellGeometry(b, site)).toEqual(cellGeometry(a, site));
  }
  const nV = a.vertexXY.length / 2;
  for (const rings of a.cellRings) {
    for (const r of rings) {
      for (let i = 0; i < r.length; i++) {
        const from = r[i],
          to = r[(i + 1) % r.length];
        expect(eb.get(from * nV + to)).toBe(ea.get(from * nV + to));
        expect(eb.get(to * nV + from)).toBe(ea.get(to * nV + from));
      }
    }
  }
}

function expectSamePlan(a: PlanResult, b: PlanResult) {
  const { tessellation: ta, ...restA } = a;
  const { tessellation: tb, ...restB } = b;
  expect(restB).toEqual(restA);
  expect([...b.networks.keys()]).toEqual([...a.networks.keys()]);
}

describe('packed tessellation and plan (national practices, England boundary)', () => {
  const real = loadReal('england_practices_2022-01.geojson', 'england_icb_2022_ultragen.geojson');
  const t = buildTessellation(real.practices, real.boundary);
  const input = { practices: real.practices, networks: real.networks, assignment: real.assignment, band: DEFAULT_BAND };
  const plan = evaluatePlan(input, t);

  it('rebuilds the same tessellation from transferred arrays', () => {
    const packed = crossThread(packTessellation(t));
    expectSameTessellation(t, unpackTessellation(packed));
  });

  it('rebuilds the same plan, footprints included, over an input equal in content', () => {
    const copy = { ...input, networks: [...input.networks], assignment: new Map(input.assignment) };
    const unpacked = unpackPlan(crossThread(packPlan(plan)), copy);
    expect(unpacked.input).toBe(copy);
    expectSamePlan({ ...plan, input: copy }, unpacked);
    expectSameTessellation(t, unpacked.tessellation);
  });

  it('gives the same plan after edits on either side', () => {
    const unpacked = unpackPlan(crossThread(packPlan(plan)), input);
    const codes = real.practices.slice(100, 140).map((p) => p.code);
    const target = real.networks[7].id;
    const moved = new Map<PracticeCode, NetworkId>(input.assignment);
    for (const c of codes) moved.set(c, target);
    const next = { ...input, assignment: moved };
    const a = updatePlan(plan, next, codes);
    const b = updatePlan(unpacked, next, codes);
    expect(b.changed.length).toBeGreaterThan(1);
    expectSamePlan(a, b);
  });
});

describe('packed tessellation with islands that hold no practice', () => {
  it('keeps the island outlines', () => {
    const t = buildTessellation(coastPractices(), coastBoundary('ogc'));
    expect(t.islandEdges.size).toBeGreaterThan(0);
    expectSameTessellation(t, unpackTessellation(crossThread(packTessellation(t))));
  });
});
