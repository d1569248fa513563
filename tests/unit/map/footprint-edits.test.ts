// The edits-source protocol (src/map/footprint-edits.ts) against a fake map: what each source holds
// and which copies are hidden at each step, so no footprint is ever drawn twice or missing.
import type { Feature } from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FootprintEdits } from '../../../src/map/footprint-edits';
import { SOURCES } from '../../../src/map/layers';

const BASE = SOURCES.footprints;
const EDITS = SOURCES.edits;

/** Sources that record what they were sent and report their tiles loaded when told to. */
class FakeMap {
  /** What each source's tiles show (drawn), and what was sent but is not tiled yet. */
  readonly data = new Map<string, number[]>([
    [BASE, [1, 2, 3]],
    [EDITS, []],
  ]);
  private readonly sent = new Map<string, number[]>();
  readonly loaded = new Map<string, boolean>([
    [BASE, true],
    [EDITS, true],
  ]);
  readonly hidden = new Map<string, Set<number>>([
    [BASE, new Set()],
    [EDITS, new Set()],
  ]);
  readonly baseDiffs: { remove: number[]; add: number[] }[] = [];
  private readonly listeners = new Map<string, Set<() => void>>();

  /** The layers bottom to top: the planner's footprint layers, each edits twin right above its big-source layer. */
  order = [
    'background',
    'pcn-area-fill',
    ...['fill', 'within', 'below', 'above-outer', 'above'].flatMap((b) => [
      `pcn-footprints-${b}`,
      `pcn-footprints-${b}-edits`,
    ]),
    'pcn-practices',
  ];
  readonly placed = [...this.order];
  getLayer(id: string) {
    return this.order.includes(id) ? {} : undefined;
  }
  getLayersOrder() {
    return [...this.order];
  }
  moveLayer(id: string, before?: string) {
    this.order = this.order.filter((l) => l !== id);
    this.order.splice(before === undefined ? this.order.length : this.order.indexOf(before), 0, id);
    const edits = this.order.filter((l) => l.endsWith('-edits'));
    const parked = edits.every((l, k) => this.order[k] === l);
    // Parked only while the edits tiles are empty; otherwise every layer where it was.
    if (parked && edits.length === this.order.indexOf('background')) expect(this.data.get(EDITS)).toEqual([]);
  }
  /** The edits layers are below every other layer. */
  parked() {
    return this.order.slice(0, 5).every((l) => l.endsWith('-edits'));
  }

  /** True while a new basemap style replaces the old one (its sources are gone). */
  styleChanging = false;
  readonly stateCalls: string[] = [];

  getSource(id: string) {
    if (this.styleChanging) return undefined;
    return {
      setData: async (fc: { features: Feature[] }) => {
        this.sent.set(
          id,
          fc.features.map((f) => f.id as number),
        );
        this.loaded.set(id, false);
      },
      updateData: async (diff: { remove: number[]; add: Feature[] }) => {
        const ids = new Set(this.sent.get(id) ?? this.data.get(id));
        for (const r of diff.remove) ids.delete(r);
        for (const f of diff.add) ids.add(f.id as number);
        this.sent.set(id, [...ids].sort());
        this.baseDiffs.push({ remove: diff.remove, add: diff.add.map((f) => f.id as number) });
        this.loaded.set(id, false);
      },
    };
  }
  isSourceLoaded(id: string) {
    return this.loaded.get(id) ?? true;
  }
  on(type: string, f: () => void) {
    (this.listeners.get(type) ?? this.listeners.set(type, new Set()).get(type)!).add(f);
  }
  off(type: string, f: () => void) {
    this.listeners.get(type)?.delete(f);
  }
  fire(type: string) {
    for (const f of [...(this.listeners.get(type) ?? [])]) f();
  }
  /** The source's new tiles arrive. */
  tiled(id: string) {
    this.data.set(id, this.sent.get(id) ?? this.data.get(id) ?? []);
    // The edits source draws footprints only with its layers right above their twins.
    if (id === EDITS && (this.data.get(id) ?? []).length > 0) expect(this.order).toEqual(this.placed);
    this.loaded.set(id, true);
    this.fire('sourcedata');
  }
  setFeatureState(t: { source: string; id: number }, state: { hidden?: boolean }) {
    this.stateCalls.push(`${t.source} ${t.id}`);
    if (state.hidden) this.hidden.get(t.source)?.add(t.id);
  }
  removeFeatureState(t: { source: string; id?: number }, key?: string) {
    if (t.id === undefined) this.hidden.get(t.source)?.clear();
    else if (key === undefined || key === 'hidden') this.hidden.get(t.source)?.delete(t.id);
  }
  /** Footprint ids drawn now, from either source (hidden copies left out), with duplicates kept. */
  drawn(): number[] {
    return [BASE, EDITS].flatMap((s) => (this.data.get(s) ?? []).filter((id) => !this.hidden.get(s)?.has(id))).sort();
  }
}

const footprint = (id: number): Feature => ({
  type: 'Feature',
  id,
  properties: {},
  geometry: { type: 'Point', coordinates: [0, 0] },
});
const settle = () => vi.advanceTimersByTimeAsync(0);

let map: FakeMap;
let edits: FootprintEdits;
beforeEach(() => {
  vi.useFakeTimers();
  map = new FakeMap();
  edits = new FootprintEdits(map as unknown as maplibregl.Map);
});
afterEach(() => {
  edits.destroy();
  vi.useRealTimers();
});

describe('footprints after an edit', () => {
  it('draws the edited networks from the edits source and hides the stale copies only once it is tiled', async () => {
    edits.apply([2, 3], [footprint(2), footprint(3)]);
    await settle();
    expect(map.hidden.get(BASE)?.size).toBe(0);
    expect(map.drawn()).toEqual([1, 2, 3]);
    map.tiled(EDITS);
    await settle();
    expect(map.data.get(EDITS)).toEqual([2, 3]);
    expect([...(map.hidden.get(BASE) ?? [])].sort()).toEqual([2, 3]);
    expect(map.drawn()).toEqual([1, 2, 3]);
    expect(map.baseDiffs).toEqual([]);
  });

  it('a deleted network is hidden and not redrawn', async () => {
    edits.apply([3], []);
    map.tiled(EDITS);
    await settle();
    expect(map.drawn()).toEqual([1, 2]);
  });

  it('the big source catches up when the view moves, then swaps back in one step', async () => {
    edits.apply([2], [footprint(2)]);
    await settle();
    map.tiled(EDITS);
    await settle();
    map.fire('movestart');
    await settle();
    expect(map.baseDiffs).toEqual([{ remove: [2], add: [2] }]);
    expect(map.drawn()).toEqual([1, 2, 3]);
    map.tiled(BASE);
    await settle();
    expect(map.hidden.get(BASE)?.size).toBe(0);
    expect(map.drawn()).toEqual([1, 2, 3]);
    map.tiled(EDITS);
    expect(map.data.get(EDITS)).toEqual([]);
    expect(map.drawn()).toEqual([1, 2, 3]);
  });

  it('catches up after a quiet spell, postponed while the pointer moves', async () => {
    edits.apply([1], [footprint(1)]);
    await vi.advanceTimersByTimeAsync(3000);
    map.fire('mousemove');
    await vi.advanceTimersByTimeAsync(3000);
    expect(map.baseDiffs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1500);
    expect(map.baseDiffs).toEqual([{ remove: [1], add: [1] }]);
  });

  it('a network edited again while the big source catches up stays in the edits source', async () => {
    edits.apply([2], [footprint(2)]);
    map.tiled(EDITS);
    await settle();
    map.fire('movestart');
    await settle();
    edits.apply([2], [footprint(2)]);
    await settle();
    map.tiled(EDITS);
    await settle();
    map.tiled(BASE);
    await settle();
    map.tiled(EDITS);
    expect(map.hidden.get(BASE)?.has(2)).toBe(true);
    expect(map.data.get(EDITS)).toEqual([2]);
    expect(map.drawn()).toEqual([1, 2, 3]);
  });

  it('touches no source while a new basemap style is loading', async () => {
    edits.apply([2], [footprint(2)]);
    await settle();
    map.styleChanging = true;
    map.tiled(EDITS);
    await settle();
    map.fire('movestart');
    await settle();
    expect(map.stateCalls).toEqual([]);
    expect(map.baseDiffs).toEqual([]);
  });

  it('reset forgets every edit and hidden copy', async () => {
    edits.apply([2], [footprint(2)]);
    map.tiled(EDITS);
    await settle();
    edits.reset();
    await settle();
    map.tiled(EDITS);
    expect(map.hidden.get(BASE)?.size).toBe(0);
    expect(map.data.get(EDITS)).toEqual([]);
    map.fire('movestart');
    await settle();
    expect(map.baseDiffs).toEqual([]);
  });
});

describe('the edits layers while nothing is edited', () => {
  it('are parked below the others once the edits source is empty, and put back above their twins before it gets footprints', async () => {
    edits.reset();
    await settle();
    expect(map.parked()).toBe(false);
    map.tiled(EDITS);
    await settle();
    expect(map.parked()).toBe(true);
    edits.apply([2], [footprint(2)]);
    expect(map.order).toEqual(map.placed);
    await settle();
    map.tiled(EDITS);
    await settle();
    expect(map.drawn()).toEqual([1, 2, 3]);
    map.fire('movestart');
    await settle();
    map.tiled(BASE);
    await settle();
    // The big source has caught up: the edits source is emptied, then its layers parked.
    expect(map.parked()).toBe(false);
    map.tiled(EDITS);
    await settle();
    expect(map.data.get(EDITS)).toEqual([]);
    expect(map.parked()).toBe(true);
    expect(map.drawn()).toEqual([1, 2, 3]);
  });

  it('stay in place when an edit comes before the emptied source is tiled', async () => {
    edits.reset();
    await settle();
    edits.apply([3], [footprint(3)]);
    map.tiled(EDITS);
    await settle();
    expect(map.parked()).toBe(false);
    expect(map.order).toEqual(map.placed);
    expect(map.data.get(EDITS)).toEqual([3]);
  });
});
