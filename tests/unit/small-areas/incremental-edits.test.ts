// Property: after random edits (moves, unassignments, networks added, removed and reordered, with
// hard areas so networks change home borough), the incremental update equals a full rebuild.
// Greater Manchester's real practices, LSOAs and registrations; the GM boroughs as hard areas.
import { describe, expect, it } from 'vitest';
import { parseHardAreas } from '../../../src/core/cluster';
import { networkId, type Network, type NetworkId, type PracticeCode } from '../../../src/core/model';
import {
  buildSmallAreaContext,
  evaluateSmallAreaPlan,
  updateSmallAreaPlan,
  type SmallAreaContext,
  type SmallAreaPlan,
} from '../../../src/core/small-areas';
import { gmCase, ok, readData, seeded } from './helpers';

function snapshot(p: SmallAreaPlan) {
  return {
    owner: [...p.owner],
    method: [...p.method],
    networkPatients: [...p.networkPatients],
    networkHard: p.networkHard ? [...p.networkHard] : null,
    networks: [...p.networks.values()].map((s) => ({
      id: s.id,
      name: s.name,
      population: s.population,
      practiceCodes: s.practiceCodes,
      areas: s.areas,
      parts: s.parts,
      contiguous: s.contiguous,
      areaKm2: Math.round(s.areaKm2 * 1e6),
      residentPatients: s.residentPatients,
      residentShare: s.residentShare,
      geometry: s.geometry,
    })),
    unassigned: p.unassigned,
    residentPatients: p.residentPatients,
    knownPatients: p.knownPatients,
    inBand: p.inBand,
    outOfBand: p.outOfBand,
    nonContiguous: p.nonContiguous,
  };
}

/** `steps` random edits, each applied incrementally; compared with a full rebuild every `every` steps. */
function randomEdits(ctx: SmallAreaContext, seed: number, steps: number, every: number) {
  const gm = gmCase();
  const rand = seeded(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  let networks: Network[] = [...gm.input.networks];
  const assignment = new Map<PracticeCode, NetworkId>(gm.input.assignment);
  let current = evaluateSmallAreaPlan(gm.input, ctx);
  let added = 0;
  const counts = { moves: 0, added: 0, removed: 0, reordered: 0, homeChanges: 0 };
  for (let step = 1; step <= steps; step++) {
    const r = rand();
    const changed: PracticeCode[] = [];
    if (r < 0.1 && networks.length > 2) {
      const gone = pick(networks);
      networks = networks.filter((n) => n !== gone);
      for (const [code, id] of assignment)
        if (id === gone.id) {
          assignment.delete(code);
          changed.push(code);
        }
      counts.removed++;
    } else if (r < 0.2) {
      const n: Network = { id: networkId(`NEW${++added}`), name: `New ${added}` };
      networks = [...networks.slice(0, 3), n, ...networks.slice(3)];
      for (let k = 0; k < 1 + Math.floor(rand() * 4); k++) {
        const p = pick(gm.input.practices);
        assignment.set(p.code, n.id);
        changed.push(p.code);
      }
      counts.added++;
    } else if (r < 0.25) {
      networks = [...networks.slice(5), ...networks.slice(0, 5)];
      counts.reordered++;
    } else {
      const p = pick(gm.input.practices);
      if (rand() < 0.1) assignment.delete(p.code);
      else assignment.set(p.code, pick(networks).id);
      changed.push(p.code);
      counts.moves++;
    }
    const input = { ...current.input, networks, assignment: new Map(assignment) };
    const next = updateSmallAreaPlan(current, input, changed);
    if (next.networkHard && current.networkHard) {
      const before = new Map(current.input.networks.map((n, k) => [n.id, current.networkHard![k]]));
      next.input.networks.forEach((n, k) => {
        if (before.has(n.id) && before.get(n.id) !== next.networkHard![k]) counts.homeChanges++;
      });
    }
    current = next;
    if (step % every === 0)
      expect(snapshot(current), `after ${step} edits`).toEqual(snapshot(evaluateSmallAreaPlan(current.input, ctx)));
  }
  return counts;
}

describe('incremental small-area updates under random edits (Greater Manchester)', () => {
  it('equals a full rebuild after moves and networks added, removed and reordered', () => {
    const gm = gmCase();
    const ctx = buildSmallAreaContext({
      layer: gm.layer,
      practices: gm.input.practices,
      registrations: gm.registrations,
    }).context;
    const counts = randomEdits(ctx, 5, 300, 25);
    expect(counts.added).toBeGreaterThan(10);
    expect(counts.removed).toBeGreaterThan(10);
    expect(counts.reordered).toBeGreaterThan(5);
  });

  it('equals a full rebuild with the GM boroughs as hard areas, networks changing home borough', () => {
    const gm = gmCase();
    const hardAreas = ok(
      parseHardAreas(
        readData('gm_local_authorities_2023_bgc.geojson'),
        'gm_local_authorities_2023_bgc.geojson',
        'lad23nm',
      ),
    );
    const ctx = buildSmallAreaContext({
      layer: gm.layer,
      practices: gm.input.practices,
      registrations: gm.registrations,
      hardAreas,
    }).context;
    const counts = randomEdits(ctx, 9, 300, 25);
    expect(counts.homeChanges).toBeGreaterThan(5);
  });

  it('keeps unchanged networks as they were when a network is added', () => {
    const gm = gmCase();
    const ctx = buildSmallAreaContext({
      layer: gm.layer,
      practices: gm.input.practices,
      registrations: gm.registrations,
    }).context;
    const plan = evaluateSmallAreaPlan(gm.input, ctx);
    const fresh: Network = { id: networkId('NEW'), name: 'New' };
    const p = gm.input.practices[0];
    const next = updateSmallAreaPlan(
      plan,
      {
        ...gm.input,
        networks: [...gm.input.networks, fresh],
        assignment: new Map(gm.input.assignment).set(p.code, fresh.id),
      },
      [p.code],
    );
    expect(next.changed).toContain('NEW');
    expect(next.changed.length).toBeLessThan(10);
    for (const [id, s] of next.networks) if (!next.changed.includes(id)) expect(s).toBe(plan.networks.get(id));
  });
});
