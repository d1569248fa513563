// Opening real files over the demo and over another plan: a new plan unless the user adds to the
// current one, problems that always describe the current plan, and an autosave flushed on pagehide.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  restoreAutosave,
  startAutosave,
  AUTOSAVE_KEY,
  type KeyValueStore,
  type PageLifecycle,
} from '../../../src/state/autosave';
import { loadBoundaryText, loadPracticesText, isDemoPlan } from '../../../src/state/loaders';
import { parsePlan, serialisePlan } from '../../../src/state/plan-file';
import { selectPlan, selectPlanChecks } from '../../../src/state/selectors';
import { createPlannerStore } from '../../../src/state/store';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const demo = (f: string) => readFileSync(path.join(repo, 'data', f), 'utf8');
const shared = (f: string) => readFileSync(path.join(repo, '../shared/data', f), 'utf8');
const GM_PRACTICES = 'gm_practices_2022-01.csv';
const GM_BOUNDARY = 'gm_combined_authority_2023_bgc.geojson';

function demoStore() {
  const store = createPlannerStore();
  loadBoundaryText(store, demo('demo-boundary.geojson'), 'demo-boundary.geojson', { demo: true });
  loadPracticesText(store, demo('demo-practices.geojson'), 'demo-practices.geojson', { demo: true });
  return store;
}

describe('opening real files', () => {
  it('starts a new plan from practices opened over the demo: no demo boundary, no stale warnings', () => {
    const store = demoStore();
    expect(isDemoPlan(store.getState().doc)).toBe(true);
    expect(loadPracticesText(store, shared(GM_PRACTICES), GM_PRACTICES, { mode: 'add' }).kind).toBe('loaded');
    const s = store.getState();
    expect(s.doc.boundary).toBeNull();
    expect(s.doc.sources).toEqual([{ kind: 'practices', name: GM_PRACTICES }]);
    expect(s.doc.practices).toHaveLength(426);
    expect(s.activeNetwork).toBeNull();
    expect(selectPlanChecks(s).outside).toBe(0);
    const plan = selectPlan(s);
    const empty = [...plan.networks.values()].filter((n) => n.areaKm2 === 0);
    expect(empty).toEqual([]);
    expect(s.problems.some((p) => /outside the boundary/.test(JSON.stringify(p)))).toBe(false);
  });

  it('re-checks the boundary: a wrong boundary warns, the right one clears it, New clears all', () => {
    const store = demoStore();
    loadPracticesText(store, shared(GM_PRACTICES), GM_PRACTICES);
    loadBoundaryText(store, demo('demo-boundary.geojson'), 'some-boundary.geojson');
    expect(selectPlanChecks(store.getState()).outside).toBe(426);
    loadBoundaryText(store, shared(GM_BOUNDARY), GM_BOUNDARY);
    const s = store.getState();
    expect(s.doc.sources.map((f) => f.name)).toEqual([GM_PRACTICES, GM_BOUNDARY]);
    expect(selectPlanChecks(s).outside).toBeLessThan(10);
    s.newPlan();
    expect(selectPlanChecks(store.getState()).outside).toBe(0);
    expect(store.getState().problems).toEqual([]);
  });

  it('adds practices to a real plan only when asked, keeping its boundary', () => {
    const store = demoStore();
    loadPracticesText(store, shared(GM_PRACTICES), GM_PRACTICES);
    loadBoundaryText(store, shared(GM_BOUNDARY), GM_BOUNDARY);
    const extra = 'practice_code,practice_name,registered_patients,longitude,latitude\nZZ001,EXTRA,5000,-2.24,53.48\n';
    loadPracticesText(store, extra, 'extra.csv', { mode: 'add' });
    let s = store.getState();
    expect(s.doc.practices).toHaveLength(427);
    expect(s.doc.boundary).not.toBeNull();
    expect(s.doc.sources.map((f) => f.kind)).toEqual(['practices', 'boundary', 'practices']);
    loadPracticesText(store, extra, 'extra.csv', { mode: 'new' });
    s = store.getState();
    expect(s.doc.practices).toHaveLength(1);
    expect(s.doc.boundary).toBeNull();
  });

  it('keeps a boundary opened before the practices, and opening a boundary over the demo starts afresh', () => {
    const store = demoStore();
    loadBoundaryText(store, shared(GM_BOUNDARY), GM_BOUNDARY);
    expect(store.getState().doc.practices).toHaveLength(0);
    expect(isDemoPlan(store.getState().doc)).toBe(false);
    loadPracticesText(store, shared(GM_PRACTICES), GM_PRACTICES);
    expect(store.getState().doc.boundary).not.toBeNull();
    expect(store.getState().doc.sources.map((f) => f.name)).toEqual([GM_BOUNDARY, GM_PRACTICES]);
  });

  it('saves the file list in the plan file and reads it back', () => {
    const store = demoStore();
    const back = parsePlan(serialisePlan(store.getState()), 'p.json', () => 1);
    expect(back.ok && back.value.scenarios[back.value.active].doc.sources).toEqual(store.getState().doc.sources);
  });
});

describe('autosave on leaving the page', () => {
  it('writes a pending edit at once on pagehide', async () => {
    const memory = new Map<string, unknown>();
    const kv: KeyValueStore = {
      get: async (k) => memory.get(k),
      set: async (k, v) => {
        memory.set(k, v);
      },
    };
    const listeners = new Map<string, () => void>();
    const page: PageLifecycle = {
      addEventListener: (t, l) => listeners.set(t, l),
      removeEventListener: (t) => listeners.delete(t),
    };
    const store = demoStore();
    const stop = startAutosave(store, kv, 60_000, page);
    store.getState().assignPractices([store.getState().doc.practices[0].code], null);
    expect(memory.has(AUTOSAVE_KEY)).toBe(false);
    listeners.get('pagehide')!();
    await Promise.resolve();
    const saved = parsePlan(memory.get(AUTOSAVE_KEY) as string, 'autosave', () => 1);
    expect(
      saved.ok && saved.value.scenarios[saved.value.active].doc.assignment.has(store.getState().doc.practices[0].code),
    ).toBe(false);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('keeps the unload save in a synchronous store too, and restores it first', async () => {
    const never: KeyValueStore = { get: async () => undefined, set: () => new Promise(() => undefined) };
    const local = new Map<string, string>();
    const backup = {
      getItem: (k: string) => local.get(k) ?? null,
      setItem: (k: string, v: string) => {
        local.set(k, v);
      },
      removeItem: (k: string) => {
        local.delete(k);
      },
    };
    const listeners = new Map<string, () => void>();
    const page: PageLifecycle = {
      addEventListener: (t, l) => listeners.set(t, l),
      removeEventListener: (t) => listeners.delete(t),
    };
    const store = demoStore();
    startAutosave(store, never, 60_000, page, backup);
    const moved = store.getState().doc.practices[3].code;
    store.getState().assignPractices([moved], null);
    listeners.get('visibilitychange')!();
    const restored = createPlannerStore();
    expect(await restoreAutosave(restored, never, backup)).toBe(true);
    expect(restored.getState().doc.assignment.has(moved)).toBe(false);
    expect(restored.getState().doc.practices).toHaveLength(86);
  });
});
