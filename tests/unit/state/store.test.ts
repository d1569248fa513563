import { describe, expect, it } from 'vitest';
import { networkId, practiceCode, type NetworkId, type PracticeCode } from '../../../src/core/model';
import { evaluatePlan } from '../../../src/core/plan';
import { restoreAutosave, startAutosave, AUTOSAVE_KEY, type KeyValueStore } from '../../../src/state/autosave';
import { HISTORY_LIMIT } from '../../../src/state/history';
import {
  loadAssignmentText,
  loadBoundaryText,
  loadPracticesText,
  openPlanText,
  sniffKind,
} from '../../../src/state/loaders';
import { parsePlan, serialisePlan } from '../../../src/state/plan-file';
import { selectPlan, selectTessellation } from '../../../src/state/selectors';
import { createPlannerStore } from '../../../src/state/store';
import { demo, demoStore } from './demo-store';

const code = practiceCode;

describe('the planner store', () => {
  it('loads the demo region with its networks', () => {
    const s = demoStore().getState();
    expect(s.doc.practices).toHaveLength(86);
    expect(s.doc.networks.length).toBe(12);
    expect(s.doc.boundary).not.toBeNull();
  });

  it('undoes and redoes assignments, more than 100 steps deep', () => {
    const store = demoStore();
    const first = store.getState().doc;
    const target = store.getState().doc.networks[0].id;
    const others = store.getState().doc.networks[1].id;
    const one = store.getState().doc.practices[0].code;
    for (let i = 0; i < 120; i++) expect(store.getState().assignPractices([one], i % 2 ? target : others)).toBe(1);
    expect(store.getState().past.length).toBeGreaterThanOrEqual(100);
    for (let i = 0; i < 120; i++) store.getState().undo();
    expect(store.getState().doc.assignment).toEqual(first.assignment);
    for (let i = 0; i < 120; i++) store.getState().redo();
    expect(store.getState().future).toHaveLength(0);
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(100);
  });

  it('records one paint stroke as one step', () => {
    const store = demoStore();
    const before = store.getState().doc.assignment;
    const id = store.getState().doc.networks[2].id;
    const codes = store
      .getState()
      .doc.practices.slice(0, 6)
      .map((p) => p.code);
    store.getState().beginStroke();
    for (const c of codes) store.getState().assignPractices([c], id);
    store.getState().endStroke();
    expect(store.getState().past).toHaveLength(1);
    for (const c of codes) expect(store.getState().doc.assignment.get(c)).toBe(id);
    store.getState().undo();
    expect(store.getState().doc.assignment).toBe(before);
  });

  it('keeps locked networks as they are', () => {
    const store = demoStore();
    const [a, b] = store.getState().doc.networks;
    const member = [...store.getState().doc.assignment].find(([, v]) => v === a.id)![0];
    store.getState().setLocked(a.id, true);
    expect(store.getState().assignPractices([member], b.id)).toBe(0);
    expect(store.getState().doc.assignment.get(member)).toBe(a.id);
    const free = store.getState().doc.practices.find((p) => !store.getState().doc.assignment.has(p.code))!.code;
    expect(store.getState().assignPractices([free], a.id)).toBe(0);
    store.getState().deleteNetwork(a.id);
    expect(store.getState().doc.networks.some((n) => n.id === a.id)).toBe(true);
    expect(store.getState().notices.length).toBeGreaterThan(0);
  });

  it('deletes (members unassigned), merges, creates from practices, renames', () => {
    const store = demoStore();
    const [a, b] = store.getState().doc.networks;
    const bMembers = [...store.getState().doc.assignment].filter(([, v]) => v === b.id).map(([c]) => c);
    store.getState().mergeNetworks(a.id, b.id);
    for (const c of bMembers) expect(store.getState().doc.assignment.get(c)).toBe(a.id);
    expect(store.getState().doc.networks.some((n) => n.id === b.id)).toBe(false);
    store.getState().deleteNetwork(a.id);
    for (const c of bMembers) expect(store.getState().doc.assignment.has(c)).toBe(false);
    const id = store.getState().createNetworkFrom(bMembers, 'Harbour')!;
    expect(store.getState().doc.networks.find((n) => n.id === id)!.name).toBe('Harbour');
    store.getState().renameNetwork(id, 'Harbour & Coast');
    expect(store.getState().doc.networks.find((n) => n.id === id)!.name).toBe('Harbour & Coast');
    store.getState().undo();
    store.getState().undo();
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().doc.networks.some((n) => n.id === b.id)).toBe(true);
  });

  it('leaves the plan exactly as it was when a file fails to load', () => {
    const store = demoStore();
    const before = store.getState().doc;
    expect(loadPracticesText(store, '{"type":"FeatureCollection","features":[', 'broken.geojson').kind).toBe('failed');
    expect(loadBoundaryText(store, '{"type":"Point","coordinates":[0,0]}', 'point.geojson').kind).toBe('failed');
    expect(loadAssignmentText(store, 'nothing,useful\n1,2\n', 'bad.csv').kind).toBe('failed');
    expect(openPlanText(store, '{"format":"something-else"}', 'plan.json').kind).toBe('failed');
    expect(store.getState().doc).toBe(before);
    expect(store.getState().problems.length).toBeGreaterThanOrEqual(3);
    expect(store.getState().problems[0].title).toContain('plan is unchanged');
  });

  it('asks for field names when they cannot be detected', () => {
    const store = demoStore();
    const out = loadPracticesText(store, 'ods,size,x,y\nA1,100,-2,53\n', 'odd.csv');
    expect(out.kind).toBe('needs-fields');
    const mapped = loadPracticesText(store, 'ods,size,x,y\nA1,100,-2,53\n', 'odd.csv', {
      fields: { code: 'ods', listSize: 'size', lon: 'x', lat: 'y' },
    });
    expect(mapped.kind).toBe('loaded');
    expect(store.getState().doc.practices[0].code).toBe('A1');
  });

  it('tells file kinds apart', () => {
    expect(sniffKind(demo('demo-boundary.geojson'), 'b.geojson')).toBe('boundary');
    expect(sniffKind(demo('demo-practices.geojson'), 'p.geojson')).toBe('practices');
    expect(sniffKind(demo('demo-practices.csv'), 'p.csv')).toBe('practices');
    expect(sniffKind(demo('demo-assignment.csv'), 'a.csv')).toBe('assignment');
    expect(sniffKind(serialisePlan(demoStore().getState()), 'plan.json')).toBe('plan');
  });
});

describe('plan file and autosave', () => {
  it('round-trips the document through the plan file', () => {
    const store = demoStore();
    store.getState().setLocked(store.getState().doc.networks[0].id, true);
    const doc = store.getState().doc;
    let fid = 100;
    const read = parsePlan(serialisePlan(store.getState()), 'plan.json', () => ++fid);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const back = { value: read.value.scenarios[read.value.active].doc };
    expect(back.value.practices).toEqual(doc.practices);
    expect(back.value.boundary).toEqual(doc.boundary);
    expect([...back.value.assignment]).toEqual([...doc.assignment]);
    expect(back.value.networks.map((n) => [n.id, n.name, n.colour, n.locked])).toEqual(
      doc.networks.map((n) => [n.id, n.name, n.colour, n.locked]),
    );
  });

  it('reports a corrupted plan file with what is wrong', () => {
    const store = demoStore();
    const text = serialisePlan(store.getState()).replace('"listSize":', '"listSize":-');
    const r = parsePlan(text, 'plan.json', () => 1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toMatch(/plan\.json \(practices\) feature \d+ \(Z9\d+\): list size/);
  });

  it('autosaves and restores, and sets an unreadable autosave aside', async () => {
    const memory = new Map<string, unknown>();
    const kv: KeyValueStore = {
      get: async (k) => memory.get(k),
      set: async (k, v) => {
        memory.set(k, v);
      },
    };
    const store = demoStore();
    const stop = startAutosave(store, kv, 1);
    store.getState().assignPractices([store.getState().doc.practices[0].code], null);
    await new Promise((r) => setTimeout(r, 20));
    stop();
    const restored = createPlannerStore();
    expect(await restoreAutosave(restored, kv)).toBe(true);
    expect([...restored.getState().doc.assignment]).toEqual([...store.getState().doc.assignment]);

    memory.set(AUTOSAVE_KEY, '{"format":"pcn-planner-plan","version":1,"practices":"oops"');
    const broken = createPlannerStore();
    expect(await restoreAutosave(broken, kv)).toBe(false);
    expect(broken.getState().problems[0].title).toMatch(/could not be restored.*kept/);
    expect([...memory.keys()].some((k) => k.startsWith(`${AUTOSAVE_KEY}:unreadable:`))).toBe(true);
  });
});

describe('selectors', () => {
  it('follow edits incrementally and agree with a full evaluation', () => {
    const store = demoStore();
    const t = selectTessellation(store.getState());
    const ids: NetworkId[] = store.getState().doc.networks.map((n) => n.id);
    const codes: PracticeCode[] = store.getState().doc.practices.map((p) => p.code);
    selectPlan(store.getState());
    for (let i = 0; i < 30; i++) {
      const moved = store.getState().assignPractices([codes[(i * 7) % codes.length]], ids[(i * 3) % ids.length]);
      const plan = selectPlan(store.getState());
      expect(selectTessellation(store.getState())).toBe(t);
      if (moved > 0) expect(plan.changed.length).toBeLessThanOrEqual(4);
    }
    const plan = selectPlan(store.getState());
    const full = evaluatePlan(plan.input, t);
    for (const [id, s] of full.networks) {
      expect(plan.networks.get(id)!.population).toBe(s.population);
      expect(plan.networks.get(id)!.geometry).toEqual(s.geometry);
    }
    expect(networkId('x')).toBe('x');
    expect(code('y')).toBe('y');
  });
});
