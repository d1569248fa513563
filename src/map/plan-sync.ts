// Source sync: the plan (study area, cells, practices, footprints and their labels) pushed into
// the planner's MapLibre sources. A new table or boundary redraws everything; an edit pushes only
// what changed: practice colours (and hover/selection) as feature-state at once, footprints of
// changed networks through the small edits source (footprint-edits.ts) and their labels in a task
// of their own, after the panel has shown the edit; the colours are drawn by the next frame, the
// footprints together in one frame (frame-gate.ts).
import type * as maplibregl from 'maplibre-gl';
import { bbox as turfBbox } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import { polygonsOf } from '../core/geometry/polygons';
import type { NetworkId, PracticeCode } from '../core/model';
import type { Tessellation } from '../core/geometry';
import type { PlanResult } from '../core/plan';
import { selectPlan } from '../state/selectors';
import type { Planner } from '../state/store';
import type { NetworkDef } from '../state/types';
import {
  cellFeatures,
  defsById,
  footprintFeature,
  footprintLabel,
  practiceColour,
  practiceFeature,
  practicesToRefresh,
  studyAreaFeature,
} from './features';
import { FootprintEdits, sourceLoaded } from './footprint-edits';
import { FrameGate } from './frame-gate';
import type { PracticeCircles } from './practice-circles';
import { circleData } from './practice-circles-data';
import type { FootprintLabels } from './labels';
import { CELLS_FROM_ZOOM, FOOTPRINT_FILLS, SOURCES } from './layers';

/**
 * A full draw sets each big source in chunks of about this weight (a coordinate counts 1, a feature
 * 4 more; the national practices weigh 32,000, footprints 28,000, cells 64,000): MapLibre
 * serialises such a chunk for its worker in about 40 ms at a load average of 4-5 on this 2-core
 * machine, 80-90 ms at 9 (a whole national source took 100-130 ms there). Labels are placed 400 per
 * task (30-60 ms: turf's pointOnFeature for concave footprints took 50 of 98 ms for 700). Each step
 * costs a frame in software compositing, so there are few of them (the cells take 4 anyway).
 */
const CHUNK_WEIGHT = 20_000;
/**
 * The cells go to the map only from this zoom (a step before their outlines show): below it nothing
 * draws them, and their four national chunks cost four frames, each a long main-thread task with
 * software compositing, while a plan is drawn.
 */
const CELLS_SENT_FROM_ZOOM = CELLS_FROM_ZOOM - 1;
const FEATURE_WEIGHT = 4;
const LABELS_PER_TASK = 400;

/** [from, to) ranges covering 0..n, each of total weight at most `budget` (or one item); one empty range when n is 0. */
function chunksByWeight(n: number, weight: (i: number) => number, budget: number): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const w = weight(i);
    if (i > from && sum + w > budget) {
      out.push([from, i]);
      from = i;
      sum = 0;
    }
    sum += w;
  }
  out.push([from, n]);
  return out;
}

/** Positions in a (Multi)Polygon. */
function coordinateCount(g: Geometry | null): number {
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return 0;
  return polygonsOf(g).reduce((n, rings) => n + rings.reduce((m, r) => m + r.length, 0), 0);
}

/** A step waits at most this long for MapLibre's worker (a source removed meanwhile may never answer). */
const SOURCE_WAIT_MS = 2000;
/**
 * While a chunk is taken and tiled, the map's frames are held (frame-gate.ts), at most this long:
 * the frames its data events ask for would draw nothing new, and with software compositing each is
 * a main-thread task of a whole national redraw. Chunks sent together are drawn in one frame.
 * Nothing is held while the view moves (a drag during a draw is drawn as it goes).
 */
const DRAW_HOLD_MS = 1000;

/**
 * A step of a full draw: `run` sets a chunk of `source` (and returns MapLibre's promise of its
 * worker taking it) or places labels.
 */
interface Step {
  readonly source?: string;
  readonly run: () => unknown;
}

/** Resolves when `p` settles or after `ms`, whichever is first. */
function within(p: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    p.then(done, done);
  });
}

/** Networks whose name or colour differ between definitions `before` and `now`. */
function restyled(before: readonly NetworkDef[], now: readonly NetworkDef[]): Set<NetworkId> {
  const out = new Set<NetworkId>();
  if (now === before) return out;
  const prevDefs = defsById(before);
  for (const d of now) {
    const old = prevDefs.get(d.id);
    if (!old || old.colour !== d.colour || old.name !== d.name) out.add(d.id);
  }
  return out;
}

/** [from, to) ranges covering 0..n in pieces of `size` (one empty range when n is 0). */
const chunks = (n: number, size: number) => chunksByWeight(n, () => 1, size);

export class PlanSync {
  /** The plan and definitions whose footprints and labels are on the map. */
  private shown: PlanResult | null = null;
  private shownDefs: readonly NetworkDef[] = [];
  /** The plan and definitions whose practice colours are on the map. */
  private coloured: PlanResult | null = null;
  private colouredDefs: readonly NetworkDef[] = [];
  /** The task that brings footprints and labels up to the current plan, when one is due. */
  private footprintsDue: ReturnType<typeof setTimeout> | undefined;
  private hovered: number | null = null;
  private selected: number | null = null;
  private readonly edits: FootprintEdits;
  private readonly gate: FrameGate;
  /** Bumped by every full draw: steps of an older one stop. */
  private generation = 0;
  /** The generation whose full draw has set every source. */
  private finished = 0;
  /** Callers of settled() waiting for the full draw in progress. */
  private waiting: (() => void)[] = [];
  /** The tessellation whose cells wait for the view to zoom in to CELLS_SENT_FROM_ZOOM. */
  private cellsWaiting: Tessellation | null = null;
  /** Whether waiting cells are being given to the map (settled() waits for them too). */
  private sendingCells = false;
  private readonly onZoom = () => this.sendWaitingCells();
  /** A view moved by the user (or a zoom from the panel) is drawn as it moves, holds or not. */
  private readonly onMoveStart = () => this.gate.open();

  constructor(
    private readonly map: maplibregl.Map,
    private readonly get: () => Planner,
    private readonly labels: FootprintLabels,
    private readonly circles: PracticeCircles,
  ) {
    this.edits = new FootprintEdits(map);
    this.gate = new FrameGate(map);
    map.on('zoom', this.onZoom);
    map.on('movestart', this.onMoveStart);
  }

  /** Whether a plan has been drawn since the map was created (a style reload keeps it). */
  get hasShown(): boolean {
    return this.shown !== null;
  }

  private geo(id: string) {
    return this.map.getSource(id) as maplibregl.GeoJSONSource | undefined;
  }

  /**
   * Every source from the current plan, drawn progressively: each source (and the labels) is set in
   * a task of its own, so no task serialises the whole national plan for MapLibre's worker. The
   * steps draw the plan as it was when the draw started; edits made meanwhile are applied by
   * `incremental` once the last step is done, and a newer full draw cancels the rest of an older one.
   * `fit` moves the view to the study area.
   */
  full(fit: boolean): void {
    const s = this.get();
    const plan = selectPlan(s);
    const networks = s.doc.networks;
    const generation = ++this.generation;
    this.gate.open();
    this.shown = this.coloured = plan;
    this.shownDefs = this.colouredDefs = networks;
    this.sendingCells = false;
    if (fit && s.doc.practices.length + (s.doc.boundary ? 1 : 0) > 0) {
      const b = turfBbox(s.doc.boundary ?? plan.tessellation.areaGeometry) as number[];
      if (b.every(Number.isFinite)) this.map.fitBounds([b[0], b[1], b[2], b[3]], { padding: 30, duration: 0 });
    }
    this.run(generation, this.steps(plan, networks), () => {
      this.drawn();
      this.incremental();
      this.sendWaitingCells();
    });
  }

  /** The cells left out of the last full draw, once the view is zoomed in far enough for them. */
  private sendWaitingCells(): void {
    const t = this.cellsWaiting;
    if (!t || this.generation !== this.finished || this.map.getZoom() < CELLS_SENT_FROM_ZOOM) return;
    this.cellsWaiting = null;
    this.sendingCells = true;
    this.run(this.generation, this.cellSteps(t), () => {
      this.sendingCells = false;
      this.drawn();
    });
  }

  private cellSteps(t: Tessellation): Step[] {
    const cellWeight = (site: number) => t.cellRings[site].reduce((n, r) => n + r.length + 1, FEATURE_WEIGHT);
    return this.sourceSteps(SOURCES.cells, chunksByWeight(t.sites.length, cellWeight, CHUNK_WEIGHT), (from, to) =>
      cellFeatures(t, from, to),
    );
  }

  /**
   * The full draw's steps: the practices, the footprints, the labels and then the cells (or, zoomed
   * out, the cells are kept for later), whose chunks go to MapLibre's worker one after another (a
   * step that returns a promise is waited for).
   */
  private steps(plan: PlanResult, networks: readonly NetworkDef[]): Step[] {
    const t = plan.tessellation;
    const defs = defsById(networks);
    const { practices, assignment } = plan.input;
    // The study area goes with the footprints' first chunk (it shares their source: layers.ts).
    const footprints: Feature[] = [studyAreaFeature(t.areaGeometry)];
    for (const def of networks) {
      const summary = plan.networks.get(def.id);
      const f = summary && footprintFeature(def, summary);
      if (f) footprints.push(f);
    }
    const practiceSteps = this.sourceSteps(
      SOURCES.practices,
      chunksByWeight(practices.length, () => 1 + FEATURE_WEIGHT, CHUNK_WEIGHT),
      (from, to) =>
        practices
          .slice(from, to)
          .map((p, k) => practiceFeature(from + k, p, defs.get(assignment.get(p.code) as NetworkId))),
      () => {
        this.circles.setData(
          circleData(practices, (i) => {
            const def = defs.get(assignment.get(practices[i].code) as NetworkId);
            return { colour: practiceColour(def), assigned: def !== undefined };
          }),
        );
        // Hover and selection as they are now, in this table.
        this.hover(this.get().hoveredPractice);
        this.select(this.get().selectedPractice);
      },
    );
    const footprintSteps = this.sourceSteps(
      SOURCES.footprints,
      chunksByWeight(footprints.length, (i) => coordinateCount(footprints[i].geometry) + FEATURE_WEIGHT, CHUNK_WEIGHT),
      (from, to) => footprints.slice(from, to),
      () => this.edits.reset(),
    );
    const labelSteps: Step[] = chunks(networks.length, LABELS_PER_TASK).map(([from, to]) => ({
      run: () => {
        if (from === 0) this.labels.clear();
        this.drawLabels(plan, networks.slice(from, to));
      },
    }));
    const cellsNow = this.map.getZoom() >= CELLS_SENT_FROM_ZOOM;
    this.cellsWaiting = cellsNow ? null : t;
    // First chunks first (study area and practices, footprints, labels, cells), then the second
    // ones, and so on: a source's next chunk waits for its last, and meanwhile the others go ahead.
    const lists = [practiceSteps, footprintSteps, labelSteps, ...(cellsNow ? [this.cellSteps(t)] : [])];
    const rounds = Math.max(...lists.map((l) => l.length));
    const steps: Step[] = [];
    for (let r = 0; r < rounds; r++) for (const l of lists) if (r < l.length) steps.push(l[r]);
    return steps;
  }

  /**
   * Steps that set source `id` chunk by chunk: the first chunk (after `first`) replaces its data,
   * later ones are added to it (updateData); each step returns MapLibre's promise of taking it.
   */
  private sourceSteps(
    id: string,
    ranges: readonly [number, number][],
    features: (from: number, to: number) => Feature[],
    first?: () => void,
  ): Step[] {
    return ranges.map(([from, to]) => ({
      source: id,
      run: () => {
        const source = this.geo(id);
        if (from > 0) return source?.updateData({ add: features(from, to) });
        first?.();
        return source?.setData({ type: 'FeatureCollection', features: features(from, to) });
      },
    }));
  }

  /**
   * Runs the steps one task each. A source's next chunk is sent once MapLibre's worker has taken
   * its last (an update sent while another of the same source is in flight is merged with it and
   * serialised with it in one task, which would undo the chunking); `done` runs once every chunk
   * has been taken. The map draws no frame until the chunks sent are tiled (or DRAW_HOLD_MS).
   */
  private run(generation: number, steps: readonly Step[], done: () => void): void {
    const inFlight = new Map<string, Promise<void>>();
    const later = (f: () => void) => setTimeout(() => generation === this.generation && f(), 0);
    const next = (i: number) => {
      if (i === steps.length) {
        void Promise.all(inFlight.values()).then(() => later(done));
        return;
      }
      const { source, run } = steps[i];
      const last = source === undefined ? undefined : inFlight.get(source);
      if (source !== undefined && last) {
        inFlight.delete(source);
        void last.then(() => later(() => next(i)));
        return;
      }
      const taken = run();
      if (source !== undefined && taken instanceof Promise) {
        const took = within(taken, SOURCE_WAIT_MS);
        inFlight.set(source, took);
        if (!this.map.isMoving())
          this.gate.hold(
            took.then(() => sourceLoaded(this.map, source, DRAW_HOLD_MS)),
            DRAW_HOLD_MS,
          );
      }
      later(() => next(i + 1));
    };
    later(() => next(0));
  }

  /**
   * Resolves once the full draw in progress (if any) has set every source, the last edit's
   * footprints are sent, and cells being sent on zooming in are.
   */
  settled(): Promise<void> {
    if (this.generation === this.finished && this.footprintsDue === undefined && !this.sendingCells)
      return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private drawn(): void {
    this.finished = this.generation;
    this.release();
  }

  /** Callers of settled() go on once nothing is left to send. */
  private release(): void {
    if (this.generation !== this.finished || this.footprintsDue !== undefined || this.sendingCells) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  private drawLabels(plan: PlanResult, networks: readonly NetworkDef[]): void {
    for (const def of networks) {
      const summary = plan.networks.get(def.id);
      if (!summary) continue;
      this.labels.set(
        def.fid,
        summary.geometry,
        footprintLabel(def, summary),
        summary.band !== 'within',
        summary.areaKm2,
      );
    }
  }

  /**
   * After an edit: the moved (or recoloured) practices' colours at once, drawn by the next frame;
   * the changed networks' footprints and labels in a task of their own, which lets the panel show
   * the edit first. Edits made before that task runs are sent together. From that task until the
   * footprints are tiled and the stale copies hidden, the map's frames are held (frame-gate.ts), so
   * the footprints come in one frame: the colours' frame when the worker is quick enough, else the
   * next one.
   */
  incremental(): void {
    // Edits during a full draw wait for its last step, which calls this again.
    if (!this.shown || this.generation !== this.finished) return;
    const s = this.get();
    this.recolourPractices(s, selectPlan(s));
    if (this.footprintsDue !== undefined) return;
    this.footprintsDue = setTimeout(() => {
      this.footprintsDue = undefined;
      // A full draw started meanwhile sends them when it ends.
      if (this.generation === this.finished) this.gate.hold(this.syncFootprints());
      this.release();
    }, 0);
  }

  /** A practice's new colour goes to the circles' layer: drawn at the next frame, nothing re-tiled. */
  private recolourPractices(s: Planner, plan: PlanResult): void {
    const prev = this.coloured;
    if (!prev || plan === prev) return;
    const defs = defsById(s.doc.networks);
    for (const i of practicesToRefresh(prev, plan, restyled(this.colouredDefs, s.doc.networks))) {
      const def = defs.get(s.doc.assignment.get(s.doc.practices[i].code) as NetworkId);
      this.circles.setStyle(i, practiceColour(def), def !== undefined);
    }
    this.coloured = plan;
    this.colouredDefs = s.doc.networks;
  }

  /** The changed networks' footprints (through the edits source) and labels, since those drawn. */
  private syncFootprints(): Promise<void> {
    const s = this.get();
    const plan = selectPlan(s);
    if (!this.shown || plan === this.shown) return Promise.resolve();
    const prev = this.shown;
    const defs = defsById(s.doc.networks);
    const restyledIds = restyled(this.shownDefs, s.doc.networks);
    // Networks recomputed since the drawn plan: `changed` names those of the last step; after a full
    // draw that let edits wait, the drawn plan is older, and only the summaries' identity says which.
    const refresh = new Set<NetworkId>([...plan.changed, ...restyledIds]);
    for (const [id, summary] of plan.networks) if (prev.networks.get(id) !== summary) refresh.add(id);
    const removeFids: number[] = [];
    const add: Feature[] = [];
    for (const old of this.shownDefs) {
      if (!defs.has(old.id) || refresh.has(old.id)) {
        removeFids.push(old.fid);
        this.labels.remove(old.fid);
      }
    }
    for (const id of refresh) {
      const def = defs.get(id);
      const summary = plan.networks.get(id);
      if (!def || !summary) continue;
      const f = footprintFeature(def, summary);
      if (f) add.push(f);
      this.labels.set(
        def.fid,
        summary.geometry,
        footprintLabel(def, summary),
        summary.band !== 'within',
        summary.areaKm2,
      );
    }
    const drawn = this.edits.apply(removeFids, add);
    this.shown = plan;
    this.shownDefs = s.doc.networks;
    return drawn;
  }

  /** Ids of the networks whose footprint fill is drawn in the current view (for tests). */
  renderedNetworks(): string[] {
    const hits = this.map.queryRenderedFeatures({ layers: [FOOTPRINT_FILLS.base, FOOTPRINT_FILLS.edits] });
    return [...new Set(hits.filter((f) => f.state?.hidden !== true).map((f) => String(f.properties.network)))];
  }

  destroy(): void {
    this.map.off('zoom', this.onZoom);
    this.map.off('movestart', this.onMoveStart);
    clearTimeout(this.footprintsDue);
    this.footprintsDue = undefined;
    this.generation++;
    this.sendingCells = false;
    this.drawn();
    this.edits.destroy();
    this.gate.destroy();
  }

  /** Moves the hover ring to another practice (null: none). */
  hover(code: PracticeCode | null): void {
    this.hovered = this.indexOf(code);
    this.circles.setHover(this.hovered);
  }

  /** Moves the selection ring to another practice (null: none). */
  select(code: PracticeCode | null): void {
    this.selected = this.indexOf(code);
    this.circles.setSelected(this.selected);
  }

  private indexOf(code: PracticeCode | null): number | null {
    if (!code) return null;
    const i = this.get().doc.practices.findIndex((p) => p.code === code);
    return i < 0 ? null : i;
  }
}
