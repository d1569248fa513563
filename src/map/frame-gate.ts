// Footprints in one frame. An edit changes the map in steps: the moved practices' colours at once
// (feature-state), then, once MapLibre's worker has tiled the edits source, the new footprints
// with the stale copies hidden. Each step, and each of the source's data events in between, asks
// for a frame, and with software WebGL every frame of the national map is a main-thread task of
// 60-80 ms: three frames where two (or one, when the worker is quick) would show the whole edit.
// A full draw's chunks are held the same way (plan-sync.ts).
//
// MapLibre has no public way to hold its frames. Every change reaches the map's own
// `triggerRepaint()` (setFeatureState, a source's data events through `_update`, the end of a frame
// that left something dirty), so the gate replaces that method on this one map instance: while a
// hold is on, a repaint asked for is only remembered; when the holds end, one repaint is asked
// for. Nothing stays held: the gate opens when every hold's promise has settled, or HOLD_LIMIT_MS
// after it closed whatever arrives meanwhile (a drag that paints practice after practice cannot
// starve the map of frames), or when `open()` is called (a full redraw, a new style); `destroy()`
// puts the method back. A frame asked for before the gate closed is drawn as asked.
import type * as maplibregl from 'maplibre-gl';

/** The gate opens at the latest this long after it closed. */
export const HOLD_LIMIT_MS = 50;

type Repaintable = Pick<maplibregl.Map, 'triggerRepaint'>;

export class FrameGate {
  private readonly original: () => void;
  /** Holds not yet ended. */
  private readonly holds = new Set<object>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A repaint was asked for while held. */
  private wanted = false;

  constructor(private readonly map: Repaintable) {
    this.original = map.triggerRepaint;
    map.triggerRepaint = () => {
      if (this.holds.size > 0) this.wanted = true;
      else this.original.call(map);
    };
  }

  /** Whether repaints are held now. */
  get held(): boolean {
    return this.holds.size > 0;
  }

  /**
   * Holds the map's repaints until `done` settles, or at the latest `limitMs` after the gate closed
   * (the limit of the hold that closed it counts).
   */
  hold(done: Promise<unknown>, limitMs = HOLD_LIMIT_MS): void {
    const token = {};
    this.holds.add(token);
    this.timer ??= setTimeout(() => this.open(), limitMs);
    const end = () => {
      if (this.holds.delete(token) && this.holds.size === 0) this.open();
    };
    done.then(end, end);
  }

  /** Ends every hold; a repaint asked for meanwhile is asked for now. */
  open(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.holds.clear();
    if (!this.wanted) return;
    this.wanted = false;
    this.original.call(this.map);
  }

  /** Opens the gate and gives the map its own triggerRepaint back. */
  destroy(): void {
    this.open();
    this.map.triggerRepaint = this.original;
  }
}
