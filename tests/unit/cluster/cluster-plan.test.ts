import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterPlan } from '../../../src/core/cluster';
import { createRandom } from '../../../src/core/cluster/prng';
import { networkId, type Band, type NetworkId, type PracticeCode } from '../../../src/core/model';
import { gridInstance, randomGridSpec } from './grid-fixture';
import { colocatedTogether, piecesPerNetwork, populations } from './checks';

const band: Band = { min: 30_000, max: 50_000 };

function randomInstance(seed: number, outside = false) {
  return gridInstance(randomGridSpec(createRandom(seed), { outside, holes: 0.12, bigPractice: 0.01 }));
}

describe('clusterPlan on random grids (property)', () => {
  it('assigns every practice once, keeps networks connected and in band or flags them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.boolean(),
        (instanceSeed, seed, outside) => {
          const inst = randomInstance(instanceSeed, outside);
          const res = clusterPlan({ ...inst, band, seed });
          if (!res.ok) throw new Error(res.errors.map((e) => e.message).join('; '));
          const { assignment, networks, report } = res.value;
          expect(assignment.size).toBe(inst.practices.length);
          const ids = networks.map((n) => n.id);
          expect(new Set(ids).size).toBe(ids.length);
          for (const id of assignment.values()) expect(ids).toContain(id);
          expect(colocatedTogether(inst.tessellation, inst.practices, assignment)).toBe(true);
          for (const [, pieces] of piecesPerNetwork(inst.tessellation, inst.practices, assignment))
            expect(pieces).toBe(1);
          const flagged = new Set(report.unavoidable.map((u) => u.networkId));
          for (const [id, pop] of populations(inst.practices, assignment)) {
            if (pop < band.min || pop > band.max) expect(flagged.has(id as NetworkId)).toBe(true);
          }
          expect(report.networks).toBe(networks.length);
          expect(report.shareContiguous).toBe(1);
        },
      ),
      { numRuns: 60, seed: 20260101 },
    );
  });

  it('never mutates its inputs', () => {
    const inst = randomInstance(7);
    const assignment = new Map<PracticeCode, NetworkId>(
      inst.practices.slice(0, 5).map((p) => [p.code, networkId('X')]),
    );
    const before = JSON.stringify({
      practices: inst.practices,
      nb: inst.tessellation.neighbours.map((a) => [...a]),
      a: [...assignment],
    });
    clusterPlan({
      ...inst,
      band,
      seed: 3,
      assignment,
      networks: [{ id: networkId('X'), name: 'X' }],
      lockedNetworkIds: [networkId('X')],
    });
    clusterPlan({ ...inst, band, seed: 3, assignment, repair: true });
    expect(
      JSON.stringify({
        practices: inst.practices,
        nb: inst.tessellation.neighbours.map((a) => [...a]),
        a: [...assignment],
      }),
    ).toBe(before);
  });
});

describe('clusterPlan determinism and options', () => {
  it('gives the same plan for the same seed', () => {
    const inst = randomInstance(42);
    const a = clusterPlan({ ...inst, band, seed: 9 });
    const b = clusterPlan({ ...inst, band, seed: 9 });
    if (!a.ok || !b.ok) throw new Error('failed');
    expect([...a.value.assignment]).toEqual([...b.value.assignment]);
    expect(a.value.networks).toEqual(b.value.networks);
  });

  it('uses a fixed count when given', () => {
    const inst = gridInstance({ width: 10, height: 10, cells: Array.from({ length: 100 }, () => [4_000]) });
    const res = clusterPlan({ ...inst, band, count: 9, seed: 1 });
    if (!res.ok) throw new Error('failed');
    expect(res.value.networks.length).toBe(9);
    expect(res.value.report.shareInBand).toBe(1);
  });

  it('aims at the target size', () => {
    const inst = gridInstance({ width: 12, height: 10, cells: Array.from({ length: 120 }, () => [4_000]) });
    const small = clusterPlan({ ...inst, band, targetSize: 34_000, seed: 1 });
    const large = clusterPlan({ ...inst, band, targetSize: 46_000, seed: 1 });
    if (!small.ok || !large.ok) throw new Error('failed');
    // 480,000 people: about 14 networks of 34,000 or 10 of 46,000 (band repairs may shift one).
    expect(Math.abs(small.value.networks.length - 14)).toBeLessThanOrEqual(1);
    expect(Math.abs(large.value.networks.length - 10)).toBeLessThanOrEqual(1);
    expect(small.value.report.shareInBand).toBe(1);
  });

  it('reports a practice above the maximum and a cut-off group below the minimum as unavoidable', () => {
    // Row of cells: an island of 10k (cut off by a missing cell), then 60k, then ordinary cells.
    const cells = [[10_000], [], [60_000], ...Array.from({ length: 9 }, () => [5_000])];
    const inst = gridInstance({ width: 12, height: 1, cells });
    const res = clusterPlan({ ...inst, band, seed: 1 });
    if (!res.ok) throw new Error('failed');
    const reasons = res.value.report.unavoidable.map((u) => `${u.reason}:${u.band}`).sort();
    expect(reasons).toEqual(['isolated-below-min:below', 'practice-above-max:above']);
  });

  it('keeps locked networks exactly and never assigns others to them', () => {
    const inst = randomInstance(11);
    const lockedCodes = inst.practices.slice(0, 6).map((p) => p.code);
    const assignment = new Map<PracticeCode, NetworkId>(lockedCodes.map((c) => [c, networkId('LOCK')]));
    const res = clusterPlan({
      ...inst,
      band,
      seed: 2,
      assignment,
      lockedNetworkIds: [networkId('LOCK')],
      scope: 'unlocked',
    });
    if (!res.ok) throw new Error('failed');
    const inLock = inst.practices.filter((p) => res.value.assignment.get(p.code) === 'LOCK').map((p) => p.code);
    expect(inLock.sort()).toEqual([...lockedCodes].sort());
  });

  it("scope 'unassigned' leaves assigned practices where they are", () => {
    const inst = randomInstance(12);
    const assignment = new Map<PracticeCode, NetworkId>(
      inst.practices.slice(0, 10).map((p, k) => [p.code, networkId(`N${k % 2}`)]),
    );
    const res = clusterPlan({ ...inst, band, seed: 2, assignment, scope: 'unassigned' });
    if (!res.ok) throw new Error('failed');
    for (const [code, id] of assignment) expect(res.value.assignment.get(code)).toBe(id);
    expect(res.value.assignment.size).toBe(inst.practices.length);
  });

  it('never crosses hard boundaries', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (instanceSeed) => {
        const inst = randomInstance(instanceSeed);
        // Two areas split at x = 3.5 km (lon 0.035): every network must lie on one side.
        const west = {
          type: 'Polygon' as const,
          coordinates: [
            [
              [-1, 49],
              [0.035, 49],
              [0.035, 51],
              [-1, 51],
              [-1, 49],
            ],
          ],
        };
        const east = {
          type: 'Polygon' as const,
          coordinates: [
            [
              [0.035, 49],
              [1, 49],
              [1, 51],
              [0.035, 51],
              [0.035, 49],
            ],
          ],
        };
        const res = clusterPlan({
          ...inst,
          band,
          seed: 5,
          hardAreas: [
            { name: 'west', geometry: west },
            { name: 'east', geometry: east },
          ],
        });
        if (!res.ok) throw new Error('failed');
        const side = new Map<string, Set<boolean>>();
        for (const p of inst.practices) {
          const id = res.value.assignment.get(p.code) as string;
          if (!side.has(id)) side.set(id, new Set());
          side.get(id)?.add(p.lon < 0.035 && p.lon >= -0.0005);
        }
        for (const sides of side.values()) expect(sides.size).toBe(1);
      }),
      { numRuns: 25, seed: 7 },
    );
  });
});

describe('clusterPlan errors and cancel', () => {
  const inst = randomInstance(3);

  it('rejects min above max, unknown lock ids and an empty hard-boundary layer with clear messages', () => {
    const res = clusterPlan({
      ...inst,
      band: { min: 50_000, max: 30_000 },
      lockedNetworkIds: [networkId('NOPE')],
      hardAreas: [],
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const text = res.errors.map((e) => e.message).join('\n');
    expect(text).toContain('band minimum 50,000 is above the maximum 30,000');
    expect(text).toContain('cannot lock unknown network id "NOPE"');
    expect(text).toContain('hard-boundary layer has no polygons');
  });

  it('rejects repair without an assignment', () => {
    const res = clusterPlan({ ...inst, band, repair: true });
    expect(res.ok).toBe(false);
  });

  it('stops when cancelled and returns the input plan', () => {
    const assignment = new Map<PracticeCode, NetworkId>([[inst.practices[0].code, networkId('A')]]);
    const progress: number[] = [];
    const res = clusterPlan(
      { ...inst, band, assignment },
      (f) => progress.push(f),
      () => true,
    );
    if (!res.ok) throw new Error('failed');
    expect(res.value.cancelled).toBe(true);
    expect([...res.value.assignment]).toEqual([...assignment]);
    expect(res.value.moves).toEqual([]);
    expect(progress.at(-1)).toBeLessThan(1);
  });

  it('stops part-way when cancelled during the run', () => {
    const big = gridInstance({
      width: 30,
      height: 30,
      cells: Array.from({ length: 900 }, (_, k) => [2_000 + (k % 7) * 1_000]),
    });
    let calls = 0;
    const res = clusterPlan({ ...big, band, seed: 1 }, undefined, () => ++calls > 2);
    if (!res.ok) throw new Error('failed');
    expect(res.value.cancelled).toBe(true);
    expect(res.value.assignment.size).toBe(0);
  });

  it('reports progress up to 1', () => {
    const progress: number[] = [];
    clusterPlan({ ...inst, band }, (f) => progress.push(f));
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });
});
