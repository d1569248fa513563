// Source sync: the plan (study area, cells, practices, footprints and their labels) pushed into
// the planner's MapLibre sources. A new table or boundary redraws everything; an edit pushes only
// what changed: footprints of changed networks through the small edits source (footprint-edits.ts),
// practice colours and hover/selection as feature-state.
import type * as maplibregl from 'maplibre-gl';
import { bbox as turfBbox } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import type { NetworkId, PracticeCode } from '../core/model';
import type { PlanResult } from '../core/plan';
import { selectPlan } from '../state/selectors';
import type { Planner } from '../state/store';
import type { NetworkDef } from '../state/types';
import {
  cellFeatures,
  defsById,
  footprintFeature,
  footprintLabel,
  practiceFeature,
  practicesToRefresh,
} from './features';
import { FootprintEdits } from './footprint-edits';
import type { FootprintLabels } from './labels';
import { FOOTPRINT_FILLS, SOURCES } from './layers';

/**
 * Cells and labels set per task in a full draw: MapLibre serialises ~2,500 national cells for its
 * worker in about 40 ms under load, and places ~400 labels in about 30 ms.
 */
const CELLS_PER_TASK = 2500;
const LABELS_PER_TASK = 400;

/** [from, to) ranges covering 0..n in pieces of at most `size` (one empty range when n is 0). */
function chunks(n: number, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let from = 0; from < n || from === 0; from += size) out.push([from, Math.min(n, from + size)]);
  return out;
}

export class PlanSync {
  private shown: PlanResult | null = null;
  private shownDefs: readonly NetworkDef[] = [];
  private hovered: number | null = null;
  private selected: number | null = null;
  private readonly edits: FootprintEdits;
  /** Bumped by every full draw: steps of an older one stop. */
  private generation = 0;
  /** The generation whose full draw has set every source. */
  private finished = 0;
  /** Callers of settled() waiting for the full draw in progress. */
  private waiting: (() => void)[] = [];

  constructor(
    private readonly map: maplibregl.Map,
    private readonly get: () => Planner,
    private readonly labels: FootprintLabels,
  ) {
    this.edits = new FootprintEdits(map);
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
    this.shown = plan;
    this.shownDefs = networks;
    this.hovered = this.selected = null;
    if (fit && s.doc.practices.length + (s.doc.boundary ? 1 : 0) > 0) {
      const b = turfBbox(s.doc.boundary ?? plan.tessellation.areaGeometry) as number[];
      if (b.every(Number.isFinite)) this.map.fitBounds([b[0], b[1], b[2], b[3]], { padding: 30, duration: 0 });
    }
    const steps = [
      () => this.drawPractices(plan, networks),
      () => this.drawFootprints(plan, networks),
      ...chunks(plan.tessellation.sites.length, CELLS_PER_TASK).map(
        ([from, to]) =>
          () =>
            this.drawCells(cellFeatures(plan.tessellation, from, to), from),
      ),
      () => this.labels.clear(),
      ...chunks(networks.length, LABELS_PER_TASK).map(
        ([from, to]) =>
          () =>
            this.drawLabels(plan, networks.slice(from, to)),
      ),
    ];
    const next = (i: number) => {
      if (generation !== this.generation) return;
      if (i === steps.length) {
        this.drawn();
        this.incremental();
        return;
      }
      steps[i]();
      setTimeout(() => next(i + 1), 0);
    };
    setTimeout(() => next(0), 0);
  }

  /** Resolves once the full draw in progress (if any) has set every source. */
  settled(): Promise<void> {
    if (this.generation === this.finished) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private drawn(): void {
    this.finished = this.generation;
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  private drawPractices(plan: PlanResult, networks: readonly NetworkDef[]): void {
    const defs = defsById(networks);
    const { practices, assignment } = plan.input;
    this.geo(SOURCES.area)?.setData({ type: 'Feature', properties: {}, geometry: plan.tessellation.areaGeometry });
    this.map.removeFeatureState({ source: SOURCES.practices });
    this.geo(SOURCES.practices)?.setData({
      type: 'FeatureCollection',
      features: practices.map((p, i) => practiceFeature(i, p, defs.get(assignment.get(p.code) as NetworkId))),
    });
    // Hover and selection made since the draw started.
    this.mark(this.hovered, 'hover', true);
    this.mark(this.selected, 'selected', true);
  }

  private drawFootprints(plan: PlanResult, networks: readonly NetworkDef[]): void {
    const fps: Feature[] = [];
    for (const def of networks) {
      const summary = plan.networks.get(def.id);
      const f = summary && footprintFeature(def, summary);
      if (f) fps.push(f);
    }
    this.edits.reset();
    this.geo(SOURCES.footprints)?.setData({ type: 'FeatureCollection', features: fps } as FeatureCollection);
  }

  /** The cells from `from` on: the first chunk replaces the source's data, later ones are added to it. */
  private drawCells(cells: Feature[], from: number): void {
    const source = this.geo(SOURCES.cells);
    if (from === 0) source?.setData({ type: 'FeatureCollection', features: cells });
    else source?.updateData({ add: cells });
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

  /** Networks whose name or colour changed between the drawn definitions and the current ones. */
  private restyled(networks: readonly NetworkDef[]): Set<NetworkId> {
    const out = new Set<NetworkId>();
    if (networks === this.shownDefs) return out;
    const prevDefs = defsById(this.shownDefs);
    for (const d of networks) {
      const old = prevDefs.get(d.id);
      if (!old || old.colour !== d.colour || old.name !== d.name) out.add(d.id);
    }
    return out;
  }

  /** After an edit: only the changed networks' footprints and labels, and the moved practices' colours. */
  incremental(): void {
    const s = this.get();
    const plan = selectPlan(s);
    // Edits during a full draw wait for its last step, which calls this again.
    if (!this.shown || plan === this.shown || this.generation !== this.finished) return;
    const prev = this.shown;
    const defs = defsById(s.doc.networks);
    const restyled = this.restyled(s.doc.networks);
    // Networks recomputed since the drawn plan: `changed` names those of the last step; after a full
    // draw that let edits wait, the drawn plan is older, and only the summaries' identity says which.
    const refresh = new Set<NetworkId>([...plan.changed, ...restyled]);
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
    this.edits.apply(removeFids, add);
    // A practice's new colour goes in as feature-state: drawn at the next frame, without the
    // practices source being re-tiled in MapLibre's worker.
    for (const i of practicesToRefresh(prev, plan, restyled)) {
      const p = s.doc.practices[i];
      const { colour, assigned } = practiceFeature(
        i,
        p,
        defs.get(s.doc.assignment.get(p.code) as NetworkId),
      ).properties;
      this.map.setFeatureState({ source: SOURCES.practices, id: i }, { colour, assigned });
    }
    this.shown = plan;
    this.shownDefs = s.doc.networks;
  }

  /** Ids of the networks whose footprint fill is drawn in the current view (for tests). */
  renderedNetworks(): string[] {
    const hits = this.map.queryRenderedFeatures({ layers: [FOOTPRINT_FILLS.base, FOOTPRINT_FILLS.edits] });
    return [...new Set(hits.filter((f) => f.state?.hidden !== true).map((f) => String(f.properties.network)))];
  }

  destroy(): void {
    this.generation++;
    this.drawn();
    this.edits.destroy();
  }

  /** Moves the hover ring to another practice (null: none). */
  hover(code: PracticeCode | null): void {
    this.mark(this.hovered, 'hover', false);
    this.hovered = this.indexOf(code);
    this.mark(this.hovered, 'hover', true);
  }

  /** Moves the selection ring to another practice (null: none). */
  select(code: PracticeCode | null): void {
    this.mark(this.selected, 'selected', false);
    this.selected = this.indexOf(code);
    this.mark(this.selected, 'selected', true);
  }

  private indexOf(code: PracticeCode | null): number | null {
    if (!code) return null;
    const i = this.get().doc.practices.findIndex((p) => p.code === code);
    return i < 0 ? null : i;
  }

  private mark(id: number | null, key: 'hover' | 'selected', value: boolean) {
    if (id !== null && this.map.getSource(SOURCES.practices))
      this.map.setFeatureState({ source: SOURCES.practices, id }, { [key]: value });
  }
}
