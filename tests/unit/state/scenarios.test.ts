// Scenarios in the store: create, rename, delete, switch, an undo history each, the comparison,
// and the plan file / autosave keeping them all (and reading version 1 files).
import { describe, expect, it } from 'vitest';
import { restoreAutosave, startAutosave, type KeyValueStore } from '../../../src/state/autosave';
import { selectComparison } from '../../../src/state/compare';
import { openPlanText } from '../../../src/state/loaders';
import { loadReferenceText, loadScenarioText } from '../../../src/state/scenario-loaders';
import { parsePlan, serialisePlan } from '../../../src/state/plan-file';
import { createPlannerStore } from '../../../src/state/store';
import { demo, demoStore } from './demo-store';

/** Moves the first three assigned practices of the first network to the second network. */
function moveThree(store: ReturnType<typeof demoStore>) {
  const s = store.getState();
  const [a, b] = s.doc.networks;
  const codes = s.doc.practices
    .filter((p) => s.doc.assignment.get(p.code) === a.id)
    .slice(0, 3)
    .map((p) => p.code);
  for (const c of codes) s.assignPractices([c], b.id);
  return { codes, from: a.id, to: b.id };
}

describe('scenarios', () => {
  it('duplicate, edit, compare, switch back, and undo in each independently', () => {
    const store = demoStore();
    const s0 = store.getState();
    s0.renameScenario(s0.activeScenario, 'Current 2022');
    s0.assignPractices([s0.doc.practices[0].code], null);
    const original = store.getState().doc;
    const first = store.getState().activeScenario;
    const second = store.getState().createScenario({ kind: 'duplicate' }, 'Proposal A');
    expect(store.getState().scenarios.map((x) => x.name)).toEqual(['Current 2022', 'Proposal A']);
    expect(store.getState().past).toEqual([]);
    expect(store.getState().compareWith).toBe(first);
    const moved = moveThree(store);
    const cmp = selectComparison(store.getState());
    if (!cmp?.ok) throw new Error('no comparison');
    expect(cmp.value.comparison.changes.map((c) => [c.practiceCode, c.from, c.to])).toEqual(
      moved.codes.map((c) => [c, moved.from, moved.to]),
    );
    const row = cmp.value.comparison.networks.find((n) => n.id === moved.to)!;
    expect(row.practicesIn).toEqual(moved.codes);
    expect(row.populationAfter - row.populationBefore).toBe(cmp.value.comparison.populationMoved);

    store.getState().switchScenario(first);
    expect(store.getState().doc).toBe(original);
    expect(store.getState().compareWith).toBe(second);
    store.getState().undo();
    expect(store.getState().doc.assignment.has(s0.doc.practices[0].code)).toBe(true);
    store.getState().switchScenario(second);
    expect(store.getState().past).toHaveLength(3);
    store.getState().undo();
    expect(store.getState().doc.assignment.get(moved.codes[2])).toBe(moved.from);
    expect(store.getState().doc.assignment.get(moved.codes[1])).toBe(moved.to);
    store.getState().switchScenario(first);
    expect(store.getState().future).toHaveLength(1);
  });

  it('creates blank and assignment scenarios, refuses duplicate names, deletes but never the last', () => {
    const store = demoStore();
    const blank = store.getState().createScenario({ kind: 'blank' });
    expect(store.getState().doc.networks).toEqual([]);
    expect(store.getState().doc.practices).toHaveLength(86);
    const s = store.getState();
    expect(s.renameScenario(blank, 'Current')).toBe(false);
    expect(s.createScenario({ kind: 'blank' })).not.toBe(blank);
    expect(store.getState().scenarios.map((x) => x.name)).toEqual(['Current', 'Blank scenario', 'Blank scenario 2']);
    for (const x of store.getState().scenarios) store.getState().deleteScenario(x.id);
    expect(store.getState().scenarios).toHaveLength(1);
    expect(store.getState().scenarios[0].id).toBe(store.getState().activeScenario);
  });

  it('the plan file and the autosave keep every scenario with its name; version 1 files are still read', async () => {
    const store = demoStore();
    const first = store.getState().activeScenario;
    store.getState().createScenario({ kind: 'duplicate' }, 'Proposal A');
    const moved = moveThree(store);
    const memory = new Map<string, unknown>();
    const kv: KeyValueStore = {
      get: async (k) => memory.get(k),
      set: async (k, v) => {
        memory.set(k, v);
      },
    };
    const stop = startAutosave(store, kv, 1);
    store.getState().switchScenario(first);
    await new Promise((r) => setTimeout(r, 20));
    stop();
    const restored = createPlannerStore();
    expect(await restoreAutosave(restored, kv)).toBe(true);
    const r = restored.getState();
    expect(r.scenarios.map((x) => x.name)).toEqual(['Current', 'Proposal A']);
    expect(r.scenarios.find((x) => x.id === r.activeScenario)!.name).toBe('Current');
    const proposal = r.scenarios.find((x) => x.name === 'Proposal A')!;
    expect(proposal.doc.assignment.get(moved.codes[0])).toBe(moved.to);
    expect(proposal.doc.practices).toBe(r.doc.practices);

    const text = serialisePlan(store.getState());
    const v1 = JSON.stringify({
      ...JSON.parse(text),
      version: 1,
      scenarios: undefined,
      networks: store.getState().doc.networks.map((n) => ({ id: n.id, name: n.name })),
      assignment: [...store.getState().doc.assignment],
      band: { min: 1, max: 2 },
    });
    const old = parsePlan(v1, 'old.json', () => 1);
    expect(old.ok && old.value.scenarios.map((x) => [x.name, x.doc.band.max, x.doc.assignment.size])).toEqual([
      ['Plan', 2, store.getState().doc.assignment.size],
    ]);
    const opened = createPlannerStore();
    expect(openPlanText(opened, text, 'plan.json').kind).toBe('loaded');
    expect(opened.getState().scenarios.map((x) => x.name)).toEqual(['Current', 'Proposal A']);
    expect(opened.getState().past).toHaveLength(1);
  });

  it('says why two scenarios cannot be compared', () => {
    const store = demoStore();
    const first = store.getState().activeScenario;
    store.getState().createScenario({ kind: 'duplicate' });
    const fewer = store.getState().doc.practices.slice(1);
    store.getState().replaceDoc({ ...store.getState().doc, practices: fewer }, 'fewer');
    store.getState().setCompareWith(first);
    const cmp = selectComparison(store.getState());
    expect(cmp?.ok).toBe(false);
    if (cmp && !cmp.ok)
      expect(cmp.errors[0].message).toMatch(
        /^Current and Current copy: the plans cover different practices: only in Current: 1 practice \(Z9/,
      );
  });
});

describe('scenarios from files', () => {
  it('an assignment CSV becomes a scenario named after the file; a bad file changes nothing', () => {
    const store = demoStore();
    expect(loadScenarioText(store, demo('demo-assignment.csv'), 'proposal-b.csv')).toBe(true);
    const s = store.getState();
    expect(s.scenarios.map((x) => x.name)).toEqual(['Current', 'proposal-b']);
    expect(s.doc.assignment.size).toBeGreaterThan(0);
    expect(s.doc.practices).toBe(s.scenarios[0].doc.practices);
    const before = store.getState().scenarios;
    expect(loadScenarioText(store, 'practice_code,network_id\nZ90001,N1\nZ90001,N2\n', 'bad.csv')).toBe(false);
    expect(store.getState().scenarios).toBe(before);
    expect(store.getState().problems[0].title).toBe('bad.csv was not loaded; the plan is unchanged');
  });

  it('a reference layer is any polygon file, kept in the plan file', () => {
    const store = demoStore();
    expect(loadReferenceText(store, demo('demo-boundary.geojson'), 'area.geojson')).toBe(true);
    const read = parsePlan(serialisePlan(store.getState()), 'plan.json', () => 1);
    expect(read.ok && read.value.reference?.name).toBe('area.geojson');
    expect(read.ok && read.value.reference?.features.length).toBe(store.getState().reference?.features.length);
    expect(loadReferenceText(store, demo('demo-practices.geojson'), 'points.geojson')).toBe(false);
    expect(store.getState().reference?.name).toBe('area.geojson');
  });
});
