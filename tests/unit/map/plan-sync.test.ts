// The progressive full draw (src/map/plan-sync.ts) against a fake map, with Greater Manchester's
// real practices: each source is set in a task of its own, and whatever happens between the steps
// (an edit, an undo, a new boundary, hover) the map ends up showing exactly the current plan.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, Geometry } from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cellGeometry } from '../../../src/core/geometry';
import { parseBoundary } from '../../../src/core/io';
import { footprintLabel, STUDY_AREA_ID } from '../../../src/map/features';
import type { FootprintLabels } from '../../../src/map/labels';
import { HOLD_LIMIT_MS } from '../../../src/map/frame-gate';
import { SOURCES } from '../../../src/map/layers';
import { PlanSync } from '../../../src/map/plan-sync';
import { PracticeCircles } from '../../../src/map/practice-circles';
import { loadPracticesText } from '../../../src/state/loaders';
import { selectPlan } from '../../../src/state/selectors';
import { createPlannerStore, type PlannerStore } from '../../../src/state/store';
import { sharedData } from '../geometry/helpers';

const text = (f: string) => readFileSync(path.join(sharedData, f), 'utf8');

/** What each step did: calls made in one run of synchronous code (before its microtasks) share a group. */
class Tasks {
  readonly done: string[][] = [];
  private open = false;
  record(what: string) {
    if (!this.open) {
      this.open = true;
      this.done.push([]);
      queueMicrotask(() => {
        this.open = false;
      });
    }
    this.done[this.done.length - 1].push(what);
  }
}

/** Sources that keep what they were last given (diffs applied), and feature-state per source. */
class FakeMap {
  readonly data = new Map<string, Feature[]>();
  readonly state = new Map<string, Map<number, Record<string, unknown>>>();
  /** Every setData, in order, by source. */
  readonly sets: string[] = [];

  /** Updates of a source sent while another of it was still with the worker (MapLibre would merge them). */
  readonly overlapping: string[] = [];
  private readonly inFlight = new Set<string>();

  /**
   * `workerMs`: how long the fake worker takes each update (0: at once); `tileMs`: how long its
   * tiles then take to load (0: at once), meanwhile the source is not loaded.
   */
  constructor(
    private readonly tasks: Tasks,
    private readonly workerMs = 0,
    private readonly tileMs = 0,
  ) {}
  private readonly loading = new Set<string>();
  private readonly sourceListeners = new Set<() => void>();
  /** No layers: the edits source's layers are not moved (footprint-edits.test.ts checks that). */
  getLayer() {
    return undefined;
  }

  private taken(id: string): Promise<void> {
    if (this.inFlight.has(id)) this.overlapping.push(id);
    if (this.workerMs === 0) return Promise.resolve();
    this.inFlight.add(id);
    return new Promise((resolve) =>
      setTimeout(() => {
        this.inFlight.delete(id);
        resolve();
      }, this.workerMs),
    );
  }

  /** What each frame drawn showed (a frame comes 16 ms after the first repaint asked for). */
  readonly frames: ReturnType<typeof shown>[] = [];
  private frameAsked = false;
  /** As MapLibre's: every change asks for a frame, and those asked for before it share it. */
  triggerRepaint() {
    if (this.frameAsked) return;
    this.frameAsked = true;
    setTimeout(() => {
      this.frameAsked = false;
      this.frames.push(shown());
    }, 16);
  }

  /**
   * Once the worker has the update, the source's tiles show it (after `tileMs`); MapLibre's data
   * events ask for a frame when the worker has it and again when its tiles are loaded.
   */
  private async tiled(id: string, update: () => void) {
    await this.taken(id);
    if (this.tileMs > 0) {
      this.triggerRepaint();
      this.loading.add(id);
      await new Promise((resolve) => setTimeout(resolve, this.tileMs));
      this.loading.delete(id);
    }
    update();
    for (const f of this.sourceListeners) f();
    this.triggerRepaint();
  }

  getSource(id: string) {
    return {
      setData: (d: Feature | { features: Feature[] }) => {
        this.sets.push(id);
        this.tasks.record(id);
        return this.tiled(id, () => this.data.set(id, 'features' in d ? d.features : [d]));
      },
      updateData: (diff: { remove?: number[]; add?: Feature[] }) => {
        this.tasks.record(`${id} +`);
        const add = diff.add ?? [];
        const gone = new Set([...(diff.remove ?? []), ...add.map((f) => f.id)]);
        return this.tiled(id, () =>
          this.data.set(id, [...(this.data.get(id) ?? []).filter((f) => !gone.has(f.id as number)), ...add]),
        );
      },
    };
  }
  isSourceLoaded(id: string) {
    return !this.loading.has(id);
  }
  /** The view's zoom: a county (cells drawn) unless a test zooms out. */
  zoom = 10;
  private readonly zoomListeners = new Set<() => void>();
  getZoom() {
    return this.zoom;
  }
  /** Zooms the view, firing 'zoom' as MapLibre does. */
  zoomTo(z: number) {
    this.zoom = z;
    for (const f of this.zoomListeners) f();
  }
  on(type: string, f: () => void) {
    if (type === 'zoom') this.zoomListeners.add(f);
    if (type === 'sourcedata') this.sourceListeners.add(f);
  }
  off(_type: string, f: () => void) {
    this.zoomListeners.delete(f);
    this.sourceListeners.delete(f);
  }
  fitBounds() {}
  isMoving() {
    return false;
  }
  private states(source: string) {
    return this.state.get(source) ?? this.state.set(source, new Map()).get(source)!;
  }
  setFeatureState(t: { source: string; id: number }, s: Record<string, unknown>) {
    this.states(t.source).set(t.id, { ...this.states(t.source).get(t.id), ...s });
    this.triggerRepaint();
  }
  removeFeatureState(t: { source: string; id?: number }, key?: string) {
    this.triggerRepaint();
    if (t.id === undefined) this.states(t.source).clear();
    else if (key === undefined) this.states(t.source).delete(t.id);
    else delete this.states(t.source).get(t.id)?.[key];
  }
  /** Footprints drawn (hidden copies left out): fid -> network, colour and geometry. */
  footprints() {
    const out = new Map<number, { network: unknown; colour: unknown; geometry: Geometry }>();
    for (const source of [SOURCES.footprints, SOURCES.edits]) {
      for (const f of this.data.get(source) ?? []) {
        if (this.states(source).get(f.id as number)?.hidden === true || f.id === STUDY_AREA_ID) continue;
        expect(out.has(f.id as number), `footprint ${f.id} drawn twice`).toBe(false);
        out.set(f.id as number, { network: f.properties?.network, colour: f.properties?.colour, geometry: f.geometry });
      }
    }
    return out;
  }
  /** The study area's geometry in the footprint source (where the land and its outline are drawn from). */
  studyArea() {
    return (this.data.get(SOURCES.footprints) ?? []).find((f) => f.id === STUDY_AREA_ID)?.geometry;
  }
}

/** Labels kept as fid -> text. */
class FakeLabels {
  readonly entries = new Map<number, string>();
  constructor(private readonly tasks: Tasks) {}
  set(fid: number, _g: Geometry | null, label: string) {
    this.entries.set(fid, label);
    this.tasks.record('label');
  }
  remove(fid: number) {
    this.entries.delete(fid);
  }
  clear() {
    this.entries.clear();
  }
}

let tasks: Tasks;
let map: FakeMap;
let labels: FakeLabels;
let store: PlannerStore;
let sync: PlanSync;
let circles: PracticeCircles;

/** A PlanSync on the current fake map, with its practice circles. */
function newSync() {
  circles = new PracticeCircles('circles', map as unknown as maplibregl.Map);
  return new PlanSync(map as unknown as maplibregl.Map, store.getState, labels as unknown as FootprintLabels, circles);
}

/** What the map should show for the store's current plan. */
function expected() {
  const s = store.getState();
  const plan = selectPlan(s);
  const footprints = new Map<number, { network: unknown; colour: unknown; geometry: Geometry }>();
  const texts = new Map<number, string>();
  for (const def of s.doc.networks) {
    const summary = plan.networks.get(def.id);
    if (summary?.geometry) footprints.set(def.fid, { network: def.id, colour: def.colour, geometry: summary.geometry });
    if (summary) texts.set(def.fid, footprintLabel(def, summary));
  }
  const colourOf = new Map(s.doc.networks.map((n) => [n.id, n.colour.toLowerCase()]));
  const colours = s.doc.practices.map((p) => colourOf.get(s.doc.assignment.get(p.code)!) ?? '#ffffff');
  const t = plan.tessellation;
  const cells = t.sites.flatMap((_, site) => (cellGeometry(t, site) ? [site] : []));
  return { footprints, colours, labels: [...texts].sort((a, b) => a[0] - b[0]), cells, studyArea: t.areaGeometry };
}

function shown() {
  return {
    footprints: map.footprints(),
    colours: circles.drawnColours(),
    labels: [...labels.entries].sort((a, b) => a[0] - b[0]),
    cells: (map.data.get(SOURCES.cells) ?? []).map((f) => f.id as number).sort((a, b) => a - b),
    studyArea: map.studyArea(),
  };
}

/** What the store's subscription in map/index.ts does for a document change. */
function follow() {
  store.subscribe((s, prev) => {
    if (s.doc.practices !== prev.doc.practices || s.doc.boundary !== prev.doc.boundary) sync.full(true);
    else if (s.doc !== prev.doc) sync.incremental();
    if (s.hoveredPractice !== prev.hoveredPractice) sync.hover(s.hoveredPractice);
  });
}

/** Moves the first practice of the largest network into another network. */
function paintOne() {
  const s = store.getState();
  const [from, to] = s.doc.networks;
  const code = s.doc.practices.find((p) => s.doc.assignment.get(p.code) === from.id)!.code;
  s.assignPractices([code], to.id);
  return code;
}

beforeEach(() => {
  vi.useFakeTimers();
  tasks = new Tasks();
  map = new FakeMap(tasks);
  labels = new FakeLabels(tasks);
  store = createPlannerStore();
  loadPracticesText(store, text('gm_practices_2022-01.csv'), 'gm_practices_2022-01.csv');
  sync = newSync();
  follow();
});
afterEach(() => {
  sync.destroy();
  vi.useRealTimers();
});

describe('an edit', () => {
  it('recolours the moved practice at once and sends footprints and labels in a task of their own', async () => {
    sync.full(true);
    await vi.runAllTimersAsync();
    const before = shown();
    let settled = false;
    const code = paintOne();
    void sync.settled().then(() => (settled = true));
    // In the same task as the edit (before the panel renders): only the practice's colour.
    const now = shown();
    const i = store.getState().doc.practices.findIndex((p) => p.code === code);
    expect(now.colours[i]).not.toBe(before.colours[i]);
    expect(now.colours).toEqual(expected().colours);
    expect(now.footprints).toEqual(before.footprints);
    expect(now.labels).toEqual(before.labels);
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.runAllTimersAsync();
    expect(settled).toBe(true);
    expect(shown()).toEqual(expected());
    expect(shown().footprints).not.toEqual(before.footprints);
  });

  it('sends the footprints of several edits made before that task together, and a recolour reaches every member', async () => {
    sync.full(true);
    await vi.runAllTimersAsync();
    tasks.done.length = 0;
    paintOne();
    paintOne();
    const s = store.getState();
    s.recolourNetwork(s.doc.networks[2].id, '#123456');
    expect(shown().colours).toEqual(expected().colours);
    await vi.advanceTimersByTimeAsync(10);
    expect(tasks.done.filter((t) => t.includes(SOURCES.edits))).toHaveLength(1);
    expect(shown()).toEqual(expected());
    await vi.runAllTimersAsync();
    expect(shown()).toEqual(expected());
  });
});

describe('the progressive full draw', () => {
  it('sets one source per task, then the labels, and is settled only after the last step', async () => {
    let settled = false;
    sync.full(true);
    void sync.settled().then(() => (settled = true));
    expect(map.sets).toEqual([]);
    await vi.runAllTimersAsync();
    expect(settled).toBe(true);
    const labelTasks = tasks.done.filter((t) => t.includes('label'));
    expect(tasks.done.filter((t) => !t.includes('label'))).toEqual([
      [SOURCES.practices],
      [SOURCES.edits, SOURCES.footprints],
      [SOURCES.cells],
    ]);
    expect(labelTasks.flat().every((x) => x === 'label')).toBe(true);
    expect(shown()).toEqual(expected());
  });

  it('shows edits and undos made between the steps once the draw is done, nothing stale', async () => {
    sync.full(true);
    await vi.advanceTimersToNextTimerAsync();
    paintOne();
    await vi.advanceTimersToNextTimerAsync();
    store.getState().undo();
    paintOne();
    const s = store.getState();
    s.recolourNetwork(s.doc.networks[1].id, '#123456');
    await vi.runAllTimersAsync();
    expect(shown()).toEqual(expected());
    store.getState().undo();
    store.getState().undo();
    await vi.runAllTimersAsync();
    expect(shown()).toEqual(expected());
  });

  it('drops the rest of a draw when a newer one starts (a boundary opened meanwhile), hover kept', async () => {
    sync.full(true);
    await vi.advanceTimersToNextTimerAsync();
    const boundary = parseBoundary(
      text('gm_combined_authority_2023_bgc.geojson'),
      'gm_combined_authority_2023_bgc.geojson',
    );
    if (!boundary.ok) throw new Error('cannot read the boundary');
    store.getState().setBoundary(boundary.value, { kind: 'boundary', name: 'gm.geojson' });
    const code = store.getState().doc.practices[3].code;
    store.getState().hoverPractice(code);
    await vi.runAllTimersAsync();
    expect(shown()).toEqual(expected());
    expect(circles.rings().hover).toBe(3);
    expect(map.sets.filter((id) => id === SOURCES.cells)).toHaveLength(1);
  });

  it('sets the national sources in chunks and the labels over several tasks, each source whole at the end', async () => {
    loadPracticesText(store, text('england_practices_2022-01.geojson'), 'england_practices_2022-01.geojson');
    tasks.done.length = 0;
    await vi.runAllTimersAsync();
    // Each big source: set in one step, then added to in at least one more, one chunk per step.
    for (const id of [SOURCES.practices, SOURCES.footprints, SOURCES.cells]) {
      const steps = tasks.done.filter((t) => t.some((x) => x === id || x === `${id} +`));
      expect(steps.length, id).toBeGreaterThanOrEqual(2);
      expect(steps.flat().filter((x) => x === id || x === `${id} +`)).toEqual([
        id,
        ...steps.slice(1).map(() => `${id} +`),
      ]);
    }
    const labelTasks = tasks.done.filter((t) => t.includes('label'));
    expect(labelTasks.map((t) => t.length)).toEqual([400, 400, 400, 34]);
    expect(shown()).toEqual(expected());
  });

  it('zoomed out, keeps the cells until the view zooms in, then sends the current ones in chunks', async () => {
    map.zoom = 5.7;
    loadPracticesText(store, text('england_practices_2022-01.geojson'), 'england_practices_2022-01.geojson');
    await vi.runAllTimersAsync();
    expect(map.data.has(SOURCES.cells)).toBe(false);
    const { cells: _, ...rest } = shown();
    const { cells: want, ...wantRest } = expected();
    expect(rest).toEqual(wantRest);
    // A boundary opened while zoomed out: its draw keeps its own cells back too.
    const boundary = parseBoundary(text('england_icb_2022_ultragen.geojson'), 'england_icb_2022_ultragen.geojson');
    if (!boundary.ok) throw new Error('cannot read the boundary');
    store.getState().setBoundary(boundary.value, { kind: 'boundary', name: 'england.geojson' });
    await vi.runAllTimersAsync();
    map.zoomTo(6.9);
    await vi.runAllTimersAsync();
    expect(map.data.has(SOURCES.cells)).toBe(false);
    tasks.done.length = 0;
    map.zoomTo(7.2);
    let settled = false;
    void sync.settled().then(() => (settled = true));
    await vi.advanceTimersToNextTimerAsync();
    expect(settled).toBe(false);
    await vi.runAllTimersAsync();
    expect(settled).toBe(true);
    const steps = tasks.done.filter((t) => t.some((x) => x.startsWith(SOURCES.cells)));
    expect(steps.length).toBeGreaterThanOrEqual(2);
    expect(steps.flat()).toEqual([SOURCES.cells, ...steps.slice(1).map(() => `${SOURCES.cells} +`)]);
    expect(shown()).toEqual(expected());
    expect(want).not.toEqual(expected().cells);
    // Sent once: zooming further sends nothing more.
    map.zoomTo(9);
    await vi.runAllTimersAsync();
    expect(map.sets.filter((id) => id === SOURCES.cells)).toHaveLength(1);
  });

  it('draws a frame once the chunks sent meanwhile are tiled, not one for each chunk, and ends on the whole plan', async () => {
    sync.destroy();
    map = new FakeMap(tasks, 30, 40);
    sync = newSync();
    loadPracticesText(store, text('england_practices_2022-01.geojson'), 'england_practices_2022-01.geojson');
    await vi.runAllTimersAsync();
    // Rounds of chunks (first chunks of every source, then second ones...): as many as the source
    // with most chunks has. Without the hold each chunk brought a frame when its worker took it and
    // another when it was tiled (9 frames here for 8 chunks).
    const big: string[] = [SOURCES.practices, SOURCES.footprints, SOURCES.cells];
    const chunks = tasks.done.flat().filter((x) => big.includes(x.split(' ')[0]));
    const rounds = Math.max(...big.map((id) => chunks.filter((x) => x.split(' ')[0] === id).length));
    expect(chunks.length).toBeGreaterThan(rounds);
    expect(map.frames.length).toBeLessThanOrEqual(rounds);
    expect(map.frames.at(-1)).toEqual(expected());
  });

  it('sends no chunk of a source while the map worker still has its last one', async () => {
    sync.destroy();
    map = new FakeMap(tasks, 30);
    sync = newSync();
    loadPracticesText(store, text('england_practices_2022-01.geojson'), 'england_practices_2022-01.geojson');
    paintOne();
    await vi.runAllTimersAsync();
    expect(map.overlapping).toEqual([]);
    expect(shown()).toEqual(expected());
  });
});

describe('an edit on the map', () => {
  /** A full draw done, then the frames from here on. */
  async function drawn(workerMs: number, tileMs = 0) {
    sync.destroy();
    map = new FakeMap(tasks, workerMs, tileMs);
    sync = newSync();
    sync.full(true);
    await vi.runAllTimersAsync();
    map.frames.length = 0;
  }

  it('draws the new colours in the next frame and the footprints, stale copies hidden, in one more', async () => {
    // The worker takes the edits source after the colours' frame and tiles it a frame later:
    // without the frame gate its data event and its tiles brought a frame each (3 frames).
    await drawn(20, 20);
    const before = shown();
    paintOne();
    // Up to the big source's catch-up (seconds later, frames of its own).
    await vi.advanceTimersByTimeAsync(1000);
    expect(map.frames).toHaveLength(2);
    expect(map.frames[0].colours).toEqual(expected().colours);
    expect(map.frames[0].footprints).toEqual(before.footprints);
    expect(map.frames[1]).toEqual(expected());
  });

  it("draws the whole edit in the colours' frame when the worker is quick", async () => {
    await drawn(2, 2);
    paintOne();
    await vi.advanceTimersByTimeAsync(1000);
    expect(map.frames).toHaveLength(1);
    expect(map.frames[0]).toEqual(expected());
  });

  it("does not wait for a slow worker past the frame gate's limit: the colours first, the footprints later", async () => {
    await drawn(200);
    paintOne();
    await vi.advanceTimersByTimeAsync(HOLD_LIMIT_MS + 16);
    expect(map.frames).toHaveLength(1);
    expect(map.frames[0].colours).toEqual(expected().colours);
    await vi.runAllTimersAsync();
    expect(map.frames.at(-1)).toEqual(expected());
  });

  it('a full draw started while an edit holds the frames lets them through at once', async () => {
    await drawn(200);
    const code = paintOne();
    await vi.advanceTimersByTimeAsync(20);
    expect(map.frames).toHaveLength(1);
    // The footprints are with the worker: a change now (the hover ring) waits for them.
    sync.hover(code);
    await vi.advanceTimersByTimeAsync(17);
    expect(map.frames).toHaveLength(1);
    sync.full(false);
    await vi.advanceTimersByTimeAsync(17);
    expect(map.frames).toHaveLength(2);
    await vi.runAllTimersAsync();
    expect(map.frames.at(-1)).toEqual(expected());
  });
});
