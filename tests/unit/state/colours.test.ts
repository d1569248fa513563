// Neighbouring networks never share a colour on Greater Manchester, and an edit changes the
// colour of no network that did not need it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { colourNetworks, evaluatePlan, networkAdjacency } from '../../../src/core/plan';
import { loadBoundaryText, loadPracticesText } from '../../../src/state/loaders';
import { checkColours } from '../../../src/state/colours';
import { PALETTE } from '../../../src/state/palette';
import { selectPlan, selectTessellation } from '../../../src/state/selectors';
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

  it('recolours when a paint brings a network next to one of its colour (the check after a paint looks only at the networks it touched)', () => {
    const store = createPlannerStore();
    loadPracticesText(store, shared('gm_practices_2022-01.csv'), 'gm_practices_2022-01.csv');
    loadBoundaryText(store, shared('gm_combined_authority_2023_bgc.geojson'), 'gm_combined_authority_2023_bgc.geojson');
    // An edit that cannot bring a clash first, so the paint below starts from a plan known to be free of them.
    const [code] = store.getState().doc.assignment.keys();
    expect(store.getState().assignPractices([code], null)).toBe(1);
    expect(clashes(store)).toEqual([]);

    // A cell next to a network W, painted into another network Z of W's colour.
    const s = store.getState();
    const plan = selectPlan(s);
    const t = selectTessellation(s);
    const nets = s.doc.networks;
    let found: { codes: string[]; z: string; w: string } | null = null;
    for (let site = 0; site < t.sites.length && !found; site++) {
      const x = plan.siteOwner[site];
      if (x < 0) continue;
      for (const near of t.neighbours[site]) {
        const w = plan.siteOwner[near];
        if (w < 0 || w === x) continue;
        const z = nets.findIndex((n, i) => i !== w && i !== x && n.colour === nets[w].colour);
        if (z < 0) continue;
        found = { codes: t.sites[site].practices.map((i) => s.doc.practices[i].code), z: nets[z].id, w: nets[w].id };
        break;
      }
    }
    expect(found).not.toBeNull();
    const { codes, z, w } = found!;
    const before = new Map(nets.map((n) => [n.id, n.colour]));
    store.getState().assignPractices(codes as never, z as never);
    expect(clashes(store)).toEqual([]);
    const after = new Map(store.getState().doc.networks.map((n) => [n.id, n.colour]));
    const changed = [...after].filter(([n, c]) => before.get(n) !== c).map(([n]) => n);
    expect(changed).toHaveLength(1);
    expect([z, w]).toContain(changed[0]);
  });

  it('colours after paints as the whole-plan colouring does, clashes or not', () => {
    const store = createPlannerStore();
    loadPracticesText(store, shared('gm_practices_2022-01.csv'), 'gm_practices_2022-01.csv');
    loadBoundaryText(store, shared('gm_combined_authority_2023_bgc.geojson'), 'gm_combined_authority_2023_bgc.geojson');
    const t = selectTessellation(store.getState());
    let seed = 5;
    const rand = (n: number) => {
      seed = (seed * 16807) % 2147483647;
      return seed % n;
    };
    let recoloured = 0;
    for (let i = 0; i < 60; i++) {
      const before = store.getState().doc;
      const site = t.sites[rand(t.sites.length)];
      const codes = site.practices.map((k) => before.practices[k].code);
      const to = before.networks[rand(before.networks.length)].id;
      if (store.getState().assignPractices(codes, to) === 0) continue;
      const after = store.getState().doc;
      const old = new Map(before.networks.map((n) => [n.id, n.colour]));
      const whole = colourNetworks(
        networkAdjacency(evaluatePlan({ ...after, networks: before.networks }, t)),
        PALETTE,
        old,
      );
      expect(new Map(after.networks.map((n) => [n.id, n.colour]))).toEqual(whole);
      if (after.networks !== before.networks) recoloured++;
    }
    expect(recoloured).toBeGreaterThan(5);
    expect(clashes(store)).toEqual([]);
  });

  it('checks the colours after a change that is not a paint, without recolouring anything', () => {
    const store = createPlannerStore();
    loadPracticesText(store, shared('gm_practices_2022-01.csv'), 'gm_practices_2022-01.csv');
    loadBoundaryText(store, shared('gm_combined_authority_2023_bgc.geojson'), 'gm_combined_authority_2023_bgc.geojson');
    expect(checkColours(store.getState())).toBe(true);
    // The planner picks a neighbour's colour: the check says so and leaves it.
    const [a, near] = [...networkAdjacency(selectPlan(store.getState()))][0];
    const b = [...near][0];
    const colourOfB = store.getState().doc.networks.find((n) => n.id === b)!.colour;
    store.getState().recolourNetwork(a, colourOfB);
    expect(checkColours(store.getState())).toBe(false);
    expect(store.getState().doc.networks.find((n) => n.id === a)!.colour).toBe(colourOfB);
    expect(clashes(store)).toContain([a, b].sort().join('/'));
    // The next change of membership recolours the whole plan, as before.
    const [code, id] = [...store.getState().doc.assignment].find(([, n]) => n !== a && n !== b)!;
    const other = store.getState().doc.networks.find((n) => n.id !== id)!.id;
    store.getState().assignPractices([code], other);
    expect(clashes(store)).toEqual([]);
    expect(checkColours(store.getState())).toBe(true);
  });
});
