// The map's mode table (src/map/modes.ts) driven through a fake map port: what each mode asks of the
// map and what it does to the store, with no MapLibre anywhere.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PracticeCode } from '../../../src/core/model';
import { MODE_HANDLERS, type MapPort } from '../../../src/map/modes';
import { loadBoundaryText, loadPracticesText } from '../../../src/state/loaders';
import { createPlannerStore, type PlannerStore } from '../../../src/state/store';
import { MODES } from '../../../src/state/types';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const demo = (f: string) => readFileSync(path.join(repo, 'data', f), 'utf8');

/** A map that answers `practicesAt` from a table keyed by "x,y" and records every call. */
class FakeMap implements MapPort {
  readonly calls: string[] = [];
  constructor(private readonly at: Map<string, PracticeCode[]>) {}
  practicesAt(p: { x: number; y: number }): PracticeCode[] {
    return this.at.get(`${p.x},${p.y}`) ?? [];
  }
  setDragPan(enabled: boolean): void {
    this.calls.push(`dragPan ${enabled}`);
  }
  setDrawing(kind: 'freehand' | 'polygon' | null): void {
    this.calls.push(`drawing ${kind}`);
  }
}

let store: PlannerStore;
let codes: PracticeCode[];
let map: FakeMap;
const planner = () => store.getState();

beforeEach(() => {
  store = createPlannerStore();
  loadBoundaryText(store, demo('demo-boundary.geojson'), 'demo-boundary.geojson');
  loadPracticesText(store, demo('demo-practices.geojson'), 'demo-practices.geojson');
  store.setState({ past: [], future: [], notices: [], activeNetwork: null });
  codes = planner().doc.practices.map((p) => p.code);
  map = new FakeMap(
    new Map([
      ['1,1', [codes[0]]],
      ['2,2', [codes[1], codes[2]]],
      ['3,3', [codes[3]]],
    ]),
  );
});

const networkOf = (c: PracticeCode) => planner().doc.assignment.get(c) ?? null;

describe('the mode table', () => {
  it('has handlers and a cursor for every mode', () => {
    expect(Object.keys(MODE_HANDLERS).sort()).toEqual(Object.values(MODES).sort());
    for (const h of Object.values(MODE_HANDLERS)) expect(typeof h.cursor).toBe('string');
  });

  it('select: a click selects the practice under the pointer, a move hovers it, empty ground clears', () => {
    const m = MODE_HANDLERS.select;
    m.onClick?.({ x: 1, y: 1 }, map, planner);
    expect(planner().selectedPractice).toBe(codes[0]);
    m.onPointerMove?.({ x: 3, y: 3 }, map, planner, false);
    expect(planner().hoveredPractice).toBe(codes[3]);
    m.onClick?.({ x: 9, y: 9 }, map, planner);
    expect(planner().selectedPractice).toBeNull();
    expect(planner().past).toHaveLength(0);
  });

  it('paint: needs an active network, then one drag is one undo step; the map stops panning while painting', () => {
    const m = MODE_HANDLERS.paint;
    m.enter?.(map, planner);
    expect(m.onPointerDown?.({ x: 1, y: 1 }, map, planner)).toBe(false);
    expect(planner().notices.at(-1)?.tone).toBe('warning');
    expect(planner().past).toHaveLength(0);

    const target = planner().doc.networks.find((n) => ![0, 1, 2, 3].some((i) => networkOf(codes[i]) === n.id))!.id;
    planner().setActiveNetwork(target);
    const before = planner().doc.assignment;
    expect(m.onPointerDown?.({ x: 1, y: 1 }, map, planner)).toBe(true);
    m.onPointerMove?.({ x: 2, y: 2 }, map, planner, true);
    m.onPointerMove?.({ x: 3, y: 3 }, map, planner, false);
    m.onPointerUp?.({ x: 3, y: 3 }, map, planner);
    expect([0, 1, 2, 3].map((i) => networkOf(codes[i]))).toEqual([target, target, target, networkOf(codes[3])]);
    expect(networkOf(codes[3])).not.toBe(target);
    expect(planner().hoveredPractice).toBe(codes[3]);
    expect(planner().past).toHaveLength(1);
    planner().undo();
    expect(planner().doc.assignment).toBe(before);
    m.exit?.(map, planner);
    expect(map.calls).toEqual(['dragPan false', 'dragPan true']);
  });

  it('unassign: a click takes the practices under the pointer out of their network, no active network needed', () => {
    const m = MODE_HANDLERS.unassign;
    const assigned = codes.find((c) => networkOf(c) !== null)!;
    map = new FakeMap(new Map([['5,5', [assigned]]]));
    expect(m.onPointerDown?.({ x: 5, y: 5 }, map, planner)).toBe(true);
    m.onPointerUp?.({ x: 5, y: 5 }, map, planner);
    expect(networkOf(assigned)).toBeNull();
    expect(planner().past).toHaveLength(1);
  });

  it('lasso: starts freehand drawing; a finished shape puts its practices in the active network as one step', () => {
    const m = MODE_HANDLERS.lasso;
    m.enter?.(map, planner);
    m.onShape?.([codes[4], codes[5]], planner);
    expect(planner().notices.at(-1)?.tone).toBe('warning');
    expect(planner().past).toHaveLength(0);
    const target = planner().doc.networks.find((n) => networkOf(codes[4]) !== n.id && networkOf(codes[5]) !== n.id)!.id;
    planner().setActiveNetwork(target);
    m.onShape?.([codes[4], codes[5]], planner);
    expect([networkOf(codes[4]), networkOf(codes[5])]).toEqual([target, target]);
    expect(planner().past).toHaveLength(1);
    m.exit?.(map, planner);
    expect(map.calls).toEqual(['drawing freehand', 'drawing null']);
  });

  it('draw: starts polygon drawing; a finished shape makes a new network of the practices inside', () => {
    const m = MODE_HANDLERS.draw;
    m.enter?.(map, planner);
    const count = planner().doc.networks.length;
    m.onShape?.([codes[6], codes[7]], planner);
    expect(planner().doc.networks).toHaveLength(count + 1);
    const made = planner().doc.networks.at(-1)!.id;
    expect([networkOf(codes[6]), networkOf(codes[7])]).toEqual([made, made]);
    m.exit?.(map, planner);
    expect(map.calls).toEqual(['drawing polygon', 'drawing null']);
  });
});
