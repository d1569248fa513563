// Neighbouring networks never share a colour on Greater Manchester, and an edit changes the
// colour of no network that did not need it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { networkAdjacency } from '../../../src/core/plan';
import { loadBoundaryText, loadPracticesText } from '../../../src/state/loaders';
import { PALETTE } from '../../../src/state/palette';
import { selectPlan } from '../../../src/state/selectors';
import { createPlannerStore, type PlannerStore } from '../../../src/state/store';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shared = (f: string) => readFileSync(path.join(repo, '../shared/data', f), 'utf8');

function clashes(store: PlannerStore): string[] {
  const s = store.getState();
  const colour = new Map(s.doc.networks.map((n) => [n.id, n.colour]));
  const out: string[] = [];
  for (const [a, near] of networkAdjacency(selectPlan(s)))
    for (const b of near) if (a < b && colour.get(a) === colour.get(b)) out.push(`${a}/${b}`);
  return out;
}

describe('network colours', () => {
  it('gives neighbours different colours from a palette without light blues, stable under edits', () => {
    const store = createPlannerStore();
    loadPracticesText(store, shared('gm_practices_2022-01.csv'), 'gm_practices_2022-01.csv');
    loadBoundaryText(store, shared('gm_combined_authority_2023_bgc.geojson'), 'gm_combined_authority_2023_bgc.geojson');
    expect(clashes(store)).toEqual([]);
    expect(store.getState().doc.networks.every((n) => (PALETTE as readonly string[]).includes(n.colour))).toBe(true);
    expect(PALETTE).not.toContain('#56B4E9');

    // Move a whole network's practices into one of its neighbours' neighbours, step by step.
    const s = store.getState();
    const adj = networkAdjacency(selectPlan(s));
    const steps = s.past.length;
    for (const [id] of [...adj].slice(0, 12)) {
      const before = new Map(store.getState().doc.networks.map((n) => [n.id, n.colour]));
      const target = [...adj.get(id)!][0];
      const members = [...store.getState().doc.assignment]
        .filter(([, n]) => n === id)
        .map(([c]) => c)
        .slice(0, 2);
      store.getState().assignPractices(members, target);
      expect(clashes(store)).toEqual([]);
      const after = new Map(store.getState().doc.networks.map((n) => [n.id, n.colour]));
      const changed = [...after].filter(([n, c]) => before.get(n) !== c).map(([n]) => n);
      expect(changed.length).toBeLessThanOrEqual(2);
    }
    expect(store.getState().past.length).toBe(steps + 12);
    for (let i = 0; i < 12; i++) store.getState().undo();
    expect(store.getState().doc.networks).toEqual(s.doc.networks);
  });
});
