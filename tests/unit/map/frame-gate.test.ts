// The frame gate (src/map/frame-gate.ts) on a fake map: repaints held while an edit is on its way,
// one repaint when it is, and nothing ever held for long.
import type * as maplibregl from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FrameGate, HOLD_LIMIT_MS } from '../../../src/map/frame-gate';

/** Counts the repaints that reach MapLibre's own method. */
class FakeMap {
  repaints = 0;
  triggerRepaint() {
    this.repaints++;
  }
}

/** A promise and its resolve. */
function pending() {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

let map: FakeMap;
let gate: FrameGate;
beforeEach(() => {
  vi.useFakeTimers();
  map = new FakeMap();
  gate = new FrameGate(map as unknown as maplibregl.Map);
});
afterEach(() => {
  gate.destroy();
  vi.useRealTimers();
});

describe('the frame gate', () => {
  it('lets repaints through while nothing is held', () => {
    map.triggerRepaint();
    map.triggerRepaint();
    expect(map.repaints).toBe(2);
    expect(gate.held).toBe(false);
  });

  it('holds repaints until the edit is on the map, then asks for one', async () => {
    const edit = pending();
    gate.hold(edit.promise);
    map.triggerRepaint();
    map.triggerRepaint();
    await vi.advanceTimersByTimeAsync(HOLD_LIMIT_MS - 10);
    expect(map.repaints).toBe(0);
    expect(gate.held).toBe(true);
    edit.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(map.repaints).toBe(1);
    expect(gate.held).toBe(false);
    map.triggerRepaint();
    expect(map.repaints).toBe(2);
  });

  it('asks for no repaint when none was asked for while held', async () => {
    gate.hold(Promise.resolve());
    await vi.advanceTimersByTimeAsync(HOLD_LIMIT_MS);
    expect(map.repaints).toBe(0);
  });

  it('opens when the last of several holds ends, or when one fails', async () => {
    const [a, b] = [pending(), pending()];
    gate.hold(a.promise);
    gate.hold(b.promise);
    map.triggerRepaint();
    a.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(map.repaints).toBe(0);
    b.reject(new Error('source removed'));
    await vi.advanceTimersByTimeAsync(0);
    expect(map.repaints).toBe(1);
  });

  it('opens at its limit after closing, however many holds follow (a drag painting practice after practice)', async () => {
    for (let k = 0; k < 10; k++) {
      gate.hold(pending().promise);
      map.triggerRepaint();
      await vi.advanceTimersByTimeAsync(HOLD_LIMIT_MS / 5);
    }
    // Ten holds 10 ms apart, none ending: the gate opened at 50 ms, closed again, opened at 100.
    expect(map.repaints).toBe(2);
    expect(gate.held).toBe(false);
  });

  it('a hold given its own limit (a plan drawn chunk by chunk) keeps the gate closed that long', async () => {
    gate.hold(pending().promise, 1000);
    gate.hold(pending().promise);
    map.triggerRepaint();
    await vi.advanceTimersByTimeAsync(990);
    expect(map.repaints).toBe(0);
    await vi.advanceTimersByTimeAsync(10);
    expect(map.repaints).toBe(1);
    expect(gate.held).toBe(false);
  });

  it('a hold that ends after the gate opened at its limit does not open a later hold', async () => {
    const slow = pending();
    gate.hold(slow.promise);
    await vi.advanceTimersByTimeAsync(HOLD_LIMIT_MS);
    const next = pending();
    gate.hold(next.promise);
    map.triggerRepaint();
    slow.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(map.repaints).toBe(0);
    next.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(map.repaints).toBe(1);
  });

  it('open() ends every hold (a full redraw), destroy() gives the map its own method back', async () => {
    gate.hold(pending().promise);
    map.triggerRepaint();
    gate.open();
    expect(map.repaints).toBe(1);
    gate.hold(pending().promise);
    map.triggerRepaint();
    gate.destroy();
    expect(map.repaints).toBe(2);
    expect(map.triggerRepaint).toBe(FakeMap.prototype.triggerRepaint);
    map.triggerRepaint();
    expect(map.repaints).toBe(3);
  });
});
