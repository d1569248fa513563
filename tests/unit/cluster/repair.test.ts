import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterPlan } from '../../../src/core/cluster';
import { createRandom } from '../../../src/core/cluster/prng';
import { networkId, type Assignment, type Band, type NetworkId, type PracticeCode } from '../../../src/core/model';
import { gridInstance, randomGridSpec } from './grid-fixture';
import { piecesPerNetwork, populations } from './checks';

const band: Band = { min: 30_000, max: 50_000 };
const outOfBand = (pop: number) => Math.max(0, band.min - pop, pop - band.max);

/** Moves (one-practice sites) that could go back with every network as close to the band and in one piece. */
function unneededMoves(inst: ReturnType<typeof gridInstance>, before: Assignment, after: Assignment): PracticeCode[] {
  const popsAfter = populations(inst.practices, after);
  const unneeded: PracticeCode[] = [];
  inst.practices.forEach((p, k) => {
    const from = before.get(p.code);
    if (
      from === undefined ||
      from === after.get(p.code) ||
      inst.tessellation.sites[inst.tessellation.siteOfPractice[k]].practices.length > 1
    )
      return;
    const reverted = new Map(after).set(p.code, from);
    const pops = populations(inst.practices, reverted);
    const worse = [...pops].some(([id, pop]) =>
      popsAfter.has(id) ? outOfBand(pop) > outOfBand(popsAfter.get(id)!) : outOfBand(pop) > 0,
    );
    const split = [...piecesPerNetwork(inst.tessellation, inst.practices, reverted).values()].some((n) => n !== 1);
    if (!worse && !split) unneeded.push(p.code);
  });
  return unneeded;
}

describe('clusterPlan repair', () => {
  it('moves nothing when the plan is already valid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (instanceSeed) => {
        const inst = gridInstance(randomGridSpec(createRandom(instanceSeed), { holes: 0.1, bigPractice: 0 }));
        const first = clusterPlan({ ...inst, band, seed: 4 });
        if (!first.ok) throw new Error('failed');
        const { assignment, networks } = first.value;
        const valid = first.value.report.unavoidable.length === 0;
        const res = clusterPlan({ ...inst, band, seed: 99, assignment, networks, repair: true });
        if (!res.ok) throw new Error('failed');
        if (valid) {
          expect(res.value.moves).toEqual([]);
          expect([...res.value.assignment].sort()).toEqual([...assignment].sort());
        }
      }),
      { numRuns: 30, seed: 3 },
    );
  });

  it('brings stripes of the wrong size into band with few moves and reports each move', () => {
    // 10 x 6 cells of 4,000: columns paired into networks of 2 columns (48,000) except two
    // single columns of 24,000 (below): repair should fix them without redrawing everything.
    const width = 10;
    const height = 6;
    const inst = gridInstance({ width, height, cells: Array.from({ length: width * height }, () => [4_000]) });
    const columnNetwork = [0, 0, 1, 2, 2, 3, 3, 4, 5, 5];
    const assignment = new Map<PracticeCode, NetworkId>();
    inst.practices.forEach((p, k) => assignment.set(p.code, networkId(`S${columnNetwork[k % width]}`)));
    const res = clusterPlan({ ...inst, band, seed: 1, assignment, repair: true });
    if (!res.ok) throw new Error('failed');
    const { report, moves } = res.value;
    expect(report.shareInBand).toBe(1);
    expect(report.shareContiguous).toBe(1);
    expect(report.practicesMoved).toBe(moves.length);
    expect(moves.length).toBeGreaterThan(0);
    expect(moves.length).toBeLessThan(inst.practices.length / 2);
    for (const m of moves) expect(assignment.get(m.practiceCode)).toBe(m.from);
    for (const m of moves) expect(res.value.assignment.get(m.practiceCode)).toBe(m.to);
    expect(unneededMoves(inst, assignment, res.value.assignment)).toEqual([]);
  });

  it('makes a non-contiguous network contiguous: a detached piece joins the neighbour it shares most edge with', () => {
    const width = 8;
    const height = 4;
    const inst = gridInstance({ width, height, cells: Array.from({ length: width * height }, () => [2_500]) });
    // Left half A, right half B, but one cell in the far corner of B labelled A.
    const assignment = new Map<PracticeCode, NetworkId>();
    inst.practices.forEach((p, k) => assignment.set(p.code, networkId(k % width < 4 ? 'A' : 'B')));
    const stray = inst.practices[width * height - 1].code;
    assignment.set(stray, networkId('A'));
    const res = clusterPlan({ ...inst, band, seed: 1, assignment, repair: true });
    if (!res.ok) throw new Error('failed');
    expect(res.value.moves).toEqual([{ practiceCode: stray, from: 'A', to: 'B' }]);
    for (const pieces of piecesPerNetwork(inst.tessellation, inst.practices, res.value.assignment).values())
      expect(pieces).toBe(1);
  });

  it('repairs random plans into band or flags what is left', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (instanceSeed) => {
        const rand = createRandom(instanceSeed);
        const inst = gridInstance(randomGridSpec(rand, { holes: 0.1 }));
        // A messy plan: random stripes of 1-4 columns.
        const assignment = new Map<PracticeCode, NetworkId>();
        inst.practices.forEach((p) =>
          assignment.set(p.code, networkId(`R${Math.floor((p.lon * 100) / (1 + Math.floor(rand() * 2)))}`)),
        );
        const res = clusterPlan({ ...inst, band, seed: 1, assignment, repair: true });
        if (!res.ok) throw new Error('failed');
        const flagged = new Set<string>(res.value.report.unavoidable.map((u) => u.networkId));
        for (const [id, pop] of populations(inst.practices, res.value.assignment)) {
          if (pop < band.min || pop > band.max) expect(flagged.has(id)).toBe(true);
        }
        for (const pieces of piecesPerNetwork(inst.tessellation, inst.practices, res.value.assignment).values())
          expect(pieces).toBe(1);
        expect(res.value.assignment.size).toBe(inst.practices.length);
        expect(unneededMoves(inst, assignment, res.value.assignment)).toEqual([]);
      }),
      { numRuns: 40, seed: 11 },
    );
  });
});
