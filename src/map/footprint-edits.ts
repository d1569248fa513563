// Footprints after an edit, without re-tiling the big footprint source on the critical path. The
// networks an edit changes go into a small edits source (its tiles cost the worker almost
// nothing); once that is tiled, the frame that shows them also hides the stale copies in the big
// source (feature-state `hidden`, no re-tiling). The big source catches up when the view moves
// (frames are drawn then anyway), when the edits source grows large, or once the pointer has
// rested for a while; once its tiles are in, its copies are shown and the edits source's hidden in
// the same frame, so no footprint is drawn twice or missing at any point. While the edits source
// is empty its layers are parked below the others (layers.ts, parkEditLayers: fewer clipping masks
// per frame); they are put back above their twins before it is given footprints.
import type { Feature, FeatureCollection } from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import { parkEditLayers, SOURCES } from './layers';

/** Quiet time (no edit, no pointer movement over the map) before the big source catches up. */
const CATCH_UP_AFTER_MS = 4000;
/** Edited networks held in the edits source before the big source catches up at once. */
const MAX_EDITED = 48;
/** A source that does not report its tiles loaded within this time is taken as loaded. */
const LOAD_LIMIT_MS = 3000;

/** Resolves once every tile of the source is loaded (or after `limitMs`). */
export function sourceLoaded(map: maplibregl.Map, id: string, limitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      map.off('sourcedata', check);
      clearTimeout(timer);
      resolve();
    };
    const check = () => {
      if (!map.getSource(id) || map.isSourceLoaded(id)) done();
    };
    const timer = setTimeout(done, limitMs);
    map.on('sourcedata', check);
    check();
  });
}

const collection = (features: Iterable<Feature>): FeatureCollection => ({
  type: 'FeatureCollection',
  features: [...features],
});

export class FootprintEdits {
  /** fid -> the footprint drawn from the edits source. */
  private readonly edited = new Map<number, Feature>();
  /** The big source's diff not yet sent. */
  private readonly pendingRemove = new Set<number>();
  private readonly pendingAdd = new Map<number, Feature>();
  /** Bumped by reset(): work started before it is dropped. */
  private epoch = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The edits source's layers are parked (its tiles are empty). */
  private parked = false;

  private readonly catchUpSoon = () => this.schedule(0);
  private readonly postpone = () => {
    if (this.timer !== undefined) this.schedule(CATCH_UP_AFTER_MS);
  };

  constructor(private readonly map: maplibregl.Map) {
    map.on('movestart', this.catchUpSoon);
    map.on('mousemove', this.postpone);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.catchUp();
    }, ms);
  }

  /** Work started in `epoch` may still touch the sources (no reset since, style not being replaced). */
  private current(epoch: number): boolean {
    return (
      epoch === this.epoch && this.source(SOURCES.footprints) !== undefined && this.source(SOURCES.edits) !== undefined
    );
  }

  private source(id: string) {
    return this.map.getSource(id) as maplibregl.GeoJSONSource | undefined;
  }

  /** A new plan drawn in full: nothing edited, nothing hidden. */
  reset(): void {
    this.epoch++;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.edited.clear();
    this.pendingRemove.clear();
    this.pendingAdd.clear();
    // A new style's layers start in place.
    this.parked = false;
    if (!this.source(SOURCES.edits)) return;
    this.map.removeFeatureState({ source: SOURCES.footprints });
    this.map.removeFeatureState({ source: SOURCES.edits });
    this.emptyEdits(this.epoch);
  }

  /** Empties the edits source; once its tiles are empty, parks its layers if nothing was edited meanwhile. */
  private emptyEdits(epoch: number): void {
    void this.source(SOURCES.edits)
      ?.setData(collection([]))
      .then(() => sourceLoaded(this.map, SOURCES.edits, LOAD_LIMIT_MS))
      .then(() => {
        if (!this.current(epoch) || this.edited.size > 0 || this.parked) return;
        parkEditLayers(this.map, true);
        this.parked = true;
      });
  }

  /**
   * An edit: the footprints of networks `removed` (fids) are no longer drawn, `added` are drawn
   * instead. Resolves once the change is on the map (the edits source tiled and the stale copies
   * hidden), or dropped by a reset or a new style.
   */
  apply(removed: readonly number[], added: readonly Feature[]): Promise<void> {
    if (removed.length + added.length === 0) return Promise.resolve();
    for (const fid of removed) {
      this.edited.delete(fid);
      this.pendingAdd.delete(fid);
      this.pendingRemove.add(fid);
    }
    for (const f of added) {
      this.edited.set(f.id as number, f);
      this.pendingAdd.set(f.id as number, f);
    }
    const epoch = this.epoch;
    const show = () => {
      if (!this.current(epoch)) return;
      for (const fid of removed) this.map.setFeatureState({ source: SOURCES.footprints, id: fid }, { hidden: true });
      for (const f of added) this.map.removeFeatureState({ source: SOURCES.edits, id: f.id as number }, 'hidden');
    };
    const edits = this.source(SOURCES.edits);
    this.schedule(this.edited.size > MAX_EDITED ? 0 : CATCH_UP_AFTER_MS);
    if (!edits) {
      show();
      return Promise.resolve();
    }
    if (this.parked) {
      parkEditLayers(this.map, false);
      this.parked = false;
    }
    return edits
      .setData(collection(this.edited.values()))
      .then(() => sourceLoaded(this.map, SOURCES.edits, LOAD_LIMIT_MS))
      .then(show);
  }

  /** The big source takes the pending diff; its copies replace the edits source's once tiled. */
  private catchUp(): void {
    const base = this.source(SOURCES.footprints);
    if (!base || this.pendingRemove.size + this.pendingAdd.size === 0) return;
    const epoch = this.epoch;
    const sent = new Set([...this.pendingRemove, ...this.pendingAdd.keys()]);
    const diff = { remove: [...this.pendingRemove], add: [...this.pendingAdd.values()] };
    this.pendingRemove.clear();
    this.pendingAdd.clear();
    void base
      .updateData(diff)
      .then(() => sourceLoaded(this.map, SOURCES.footprints, LOAD_LIMIT_MS))
      .then(() => {
        if (!this.current(epoch)) return;
        for (const fid of sent) {
          // Edited again meanwhile: the big source's copy is stale again and stays hidden.
          if (this.pendingRemove.has(fid) || this.pendingAdd.has(fid)) continue;
          this.map.removeFeatureState({ source: SOURCES.footprints, id: fid }, 'hidden');
          if (this.edited.delete(fid)) this.map.setFeatureState({ source: SOURCES.edits, id: fid }, { hidden: true });
        }
        if (this.edited.size === 0) this.emptyEdits(epoch);
        else void this.source(SOURCES.edits)?.setData(collection(this.edited.values()));
      });
  }

  destroy(): void {
    this.epoch++;
    clearTimeout(this.timer);
    this.map.off('movestart', this.catchUpSoon);
    this.map.off('mousemove', this.postpone);
  }
}
