// Reopening the small-area files of a restored autosave from this browser's copies (Greater
// Manchester: LSOAs, registrations, boroughs as hard areas, IMD), through the Small areas tab's own
// reading code with its worker run in-process: same footprints as saved; missing copies named, with
// the footprints plainly from practice cells; a bad copy reported with the open plan unchanged.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_KEY, restoreAutosave } from '../../../src/state/autosave';
import { FILE_KEY_PREFIX, type FileStore } from '../../../src/state/file-cache';
import { openPlanText } from '../../../src/state/loaders';
import { serialisePlan } from '../../../src/state/plan-file';
import { selectPlan } from '../../../src/state/selectors';
import { shownSmallAreaPlan } from '../../../src/state/small-areas';
import { createPlannerStore, type PlannerStore } from '../../../src/state/store';
import { openHardAreas, openSmallAreaFile } from '../../../src/ui/load-small-areas';
import { reopenSmallAreaFiles } from '../../../src/ui/reopen-small-areas';
import type { SmallAreaRecord } from '../../../src/core/io';
import { loadPracticesText } from '../../../src/state/loaders';
import { readData } from './helpers';

/** The small-area worker run on this thread: one request at a time, as the tab and the reopening send them. */
class InProcessWorker {
  static current: InProcessWorker | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string }) => void) | null = null;
  postMessage(data: unknown) {
    InProcessWorker.current = this;
    const scope = globalThis as unknown as { self: { onmessage: (e: { data: unknown }) => Promise<void> } };
    queueMicrotask(() => void scope.self.onmessage({ data }));
  }
  terminate() {}
}

beforeAll(async () => {
  vi.stubGlobal('self', { postMessage: (m: unknown) => InProcessWorker.current?.onmessage?.({ data: m }) });
  vi.stubGlobal('Worker', InProcessWorker);
  await import('../../../src/workers/small-areas-worker');
});
afterAll(() => {
  vi.unstubAllGlobals();
});

function memoryStore() {
  const memory = new Map<string, unknown>();
  const kv: FileStore = {
    get: async (k) => memory.get(k),
    set: async (k, v) => {
      memory.set(k, v);
    },
    del: async (k) => {
      memory.delete(k);
    },
  };
  return { kv, memory };
}

const LAYER = 'gm_lsoa2011_bgc.geojson';
const REGISTRATIONS = 'gm_practice_lsoa_2022-07.csv';
const BOROUGHS = 'gm_local_authorities_2023_bgc.geojson';
const IMD = 'england_imd2019_lsoa2011.csv';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function gmPractices(): PlannerStore {
  const store = createPlannerStore();
  loadPracticesText(store, readData('gm_practices_2022-01.geojson'), 'gm_practices_2022-01.geojson');
  return store;
}

/** GM with every small-area file opened through the tab (copies kept in `kv`), footprints from small areas. */
async function savedPlan(kv: FileStore): Promise<{ store: PlannerStore; text: string }> {
  const store = gmPractices();
  const open = (name: string, kind: 'layer' | 'registrations' | 'deprivation') =>
    openSmallAreaFile(store, new File([readData(name)], name), kind, undefined, kv);
  expect(await open(LAYER, 'layer')).toBe(true);
  expect(await open(REGISTRATIONS, 'registrations')).toBe(true);
  expect(await openHardAreas(store, new File([readData(BOROUGHS)], BOROUGHS), kv)).toBe(true);
  expect(await open(IMD, 'deprivation')).toBe(true);
  store.getState().setFootprintSource('smallAreas');
  return { store, text: serialisePlan(store.getState()) };
}

/** Restores `text` as the autosave into a fresh store and waits for the small-area files to be reopened. */
async function restore(kv: FileStore, memory: Map<string, unknown>, text: string) {
  memory.set(AUTOSAVE_KEY, text);
  const store = createPlannerStore();
  let reopened: Promise<boolean> = Promise.resolve(false);
  const origin = { fileName: 'the autosaved plan', autosave: true };
  expect(
    await restoreAutosave(store, kv, undefined, (r) => (reopened = reopenSmallAreaFiles(store, r, kv, origin))),
  ).toBe(true);
  return { store, reopened: await reopened };
}

const owners = (store: PlannerStore) => [...shownSmallAreaPlan(store.getState(), selectPlan(store.getState()))!.owner];
const notices = (store: PlannerStore) =>
  store
    .getState()
    .notices.map((n) => n.text)
    .join('\n');

describe("reopening small-area files from this browser's copies", () => {
  const { kv, memory } = memoryStore();
  let saved: { store: PlannerStore; text: string };
  beforeAll(async () => {
    saved = await savedPlan(kv);
  });

  it('restores the autosave with every file and the footprint source: the same footprints as saved', async () => {
    expect([...memory.keys()].filter((k) => k.startsWith(FILE_KEY_PREFIX))).toHaveLength(4);
    const { store, reopened } = await restore(kv, memory, saved.text);
    expect(reopened).toBe(true);
    const s = store.getState();
    expect(s.footprintSource).toBe('smallAreas');
    expect(s.smallAreas?.layerFile).toEqual(saved.store.getState().smallAreas?.layerFile);
    expect(s.smallAreas?.registrationsFile?.sha256).toBe(sha(readData(REGISTRATIONS)));
    expect(s.smallAreas?.hardAreas?.field).toBe('lad23nm');
    expect(s.deprivation?.file.name).toBe(IMD);
    expect(owners(store)).toEqual(owners(saved.store));
    const before = selectPlan(saved.store.getState());
    for (const [id, n] of selectPlan(store.getState()).networks)
      expect(n.geometry).toEqual(before.networks.get(id)!.geometry);
    expect(notices(store)).toMatch(
      /Reopened gm_lsoa2011_bgc\.geojson, gm_practice_lsoa_2022-07\.csv, gm_local_authorities_2023_bgc\.geojson and england_imd2019_lsoa2011\.csv from this browser's copy: footprints from small areas/,
    );
    expect(s.problems).toEqual([]);
  });

  it('names the files with no copy and says the footprints are from practice cells until they are opened', async () => {
    const partial = memoryStore();
    for (const [k, v] of memory) if (!k.endsWith(sha(readData(REGISTRATIONS)))) partial.memory.set(k, v);
    const { store, reopened } = await restore(partial.kv, partial.memory, saved.text);
    expect(reopened).toBe(false);
    expect(store.getState().footprintSource).toBe('cells');
    expect(store.getState().smallAreas).toBeNull();
    expect(notices(store)).toMatch(
      /The autosaved plan was made with footprints from small areas .*; this browser has no copy of gm_practice_lsoa_2022-07\.csv: open it in the Small areas tab to see the same footprints\. Until then the footprints shown are from practice cells, not small areas\./,
    );
    // Until they are opened the plan keeps naming them: an edit autosaved now loses nothing.
    const code = store.getState().doc.practices[0].code;
    store.getState().assignPractices([code], null);
    expect(serialisePlan(store.getState())).toContain(`"sha256":"${sha(readData(REGISTRATIONS))}"`);
    store.getState().newPlan();
    expect(serialisePlan(store.getState())).not.toContain('"smallAreas"');
    // Opening the plan file with no copies at all (another browser) names the files as before.
    const elsewhere = createPlannerStore();
    let record: SmallAreaRecord | null = null;
    expect(openPlanText(elsewhere, saved.text, 'plan.json', (r) => (record = r)).kind).toBe('loaded');
    expect(await reopenSmallAreaFiles(elsewhere, record!, null, { fileName: 'plan.json', autosave: false })).toBe(
      false,
    );
    expect(notices(elsewhere)).toMatch(
      /plan\.json was made with .*this browser has no copy of them: open them in the Small areas tab/,
    );
  });

  it('reports a copy that does not parse, or no longer matches its checksum, and keeps the open plan as it was', async () => {
    const { store } = await restore(kv, memory, saved.text);
    const open = store.getState().smallAreas;
    const bad = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null}]}';
    const badRef = { name: 'bad.geojson', sha256: sha(bad), bytes: bad.length };
    memory.set(`${FILE_KEY_PREFIX}${badRef.sha256}`, { ...badRef, blob: new Blob([bad]) });
    const record: SmallAreaRecord = { footprints: 'smallAreas', layer: badRef, registrations: null };
    const origin = { fileName: 'other.json', autosave: false };
    expect(await reopenSmallAreaFiles(store, record, kv, origin)).toBe(false);
    expect(store.getState().problems[0].title).toBe(
      "bad.geojson (this browser's copy) was not loaded; the plan is unchanged",
    );
    expect(store.getState().smallAreas).toBe(open);
    expect(store.getState().footprintSource).toBe('smallAreas');

    const swapped = 'x'.repeat(bad.length);
    memory.set(`${FILE_KEY_PREFIX}${badRef.sha256}`, { ...badRef, blob: new Blob([swapped]) });
    expect(await reopenSmallAreaFiles(store, record, kv, origin)).toBe(false);
    expect(store.getState().problems[0].issues[0].message).toMatch(
      /bad\.geojson: this browser's copy no longer has SHA-256/,
    );
    expect(store.getState().smallAreas).toBe(open);

    // A new plan opened while the copies are read: they are not applied to it.
    const fresh = gmPractices();
    const reading = reopenSmallAreaFiles(fresh, JSON.parse(saved.text).smallAreas as SmallAreaRecord, kv, origin);
    fresh.getState().newPlan();
    expect(await reading).toBe(false);
    expect(fresh.getState().smallAreas).toBeNull();
    expect(notices(fresh)).toMatch(/not reopened: other files or another plan were opened meanwhile/);
  });
});
