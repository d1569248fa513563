// The store's document actions as pure functions: each decides a patch and warnings from a
// document alone, without zustand, and never changes the document it is given.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BAND, networkId, type Practice, practiceCode } from '../../../src/core/model';
import {
  addPractices,
  applyAssignment,
  assignPractices,
  createNetwork,
  createNetworkFrom,
  deleteNetwork,
  loadAssignment,
  mergeNetworks,
  recolourNetwork,
  renameNetwork,
  replaceDoc,
  setAlign,
  setBand,
  setBoundary,
  setLocked,
} from '../../../src/state/actions';
import { applyPatch } from '../../../src/state/history';
import { PALETTE } from '../../../src/state/palette';
import { changedPractices } from '../../../src/state/selectors';
import type { NetworkDef, PlanDoc } from '../../../src/state/types';

const P = practiceCode;
const N = networkId;
const practice = (code: string, lon: number): Practice => ({ code: P(code), name: code, listSize: 1000, lon, lat: 53 });
const net = (id: string, extra: Partial<NetworkDef> = {}): NetworkDef => ({
  id: N(id),
  name: `Net ${id}`,
  colour: '#000000',
  locked: false,
  fid: 1,
  ...extra,
});

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

/** Four practices; A and B in N1, C in the locked N2, D unassigned. Frozen: an action that mutates it throws. */
function doc(): PlanDoc {
  return deepFreeze({
    practices: [practice('A', -2.1), practice('B', -2.2), practice('C', -2.3), practice('D', -2.4)],
    boundary: null,
    networks: [net('N1'), net('N2', { locked: true })],
    assignment: new Map([
      [P('A'), N('N1')],
      [P('B'), N('N1')],
      [P('C'), N('N2')],
    ]),
    band: DEFAULT_BAND,
    sources: [],
  });
}

const counter = (start = 100) => {
  let k = start;
  return () => ++k;
};

describe('document actions', () => {
  it('assignPractices moves practices, leaves the ones in a locked network and says so', () => {
    const d = doc();
    const step = assignPractices(d, { codes: [P('A'), P('C'), P('D')], id: N('N1') });
    expect(step.changed).toBe(1);
    expect(step.patch?.label).toBe('Assign 1 to Net N1');
    expect(step.warnings).toEqual(['1 practice is in a locked network and stayed there.']);
    expect(step.patch?.set.assignment?.get(P('D'))).toBe(N('N1'));
    expect(d.assignment.has(P('D'))).toBe(false);
  });

  it('assignPractices tells the plan which practices moved: the same as comparing the two assignments', () => {
    const d = doc();
    const moved = assignPractices(d, { codes: [P('A'), P('D'), P('C'), P('D')], id: N('N1') }).patch!.set.assignment!;
    const unassigned = assignPractices(d, { codes: [P('B'), P('A')], id: null }).patch!.set.assignment!;
    const compare = (a: PlanDoc['assignment'], b: PlanDoc['assignment']) =>
      [...new Set([...a.keys(), ...b.keys()])].filter((c) => a.get(c) !== b.get(c)).sort();
    for (const next of [moved, unassigned]) {
      expect([...changedPractices(d.assignment, next)].sort()).toEqual(compare(d.assignment, next));
      // Any other pair is compared entry by entry.
      expect([...changedPractices(next, d.assignment)].sort()).toEqual(compare(d.assignment, next));
    }
    expect([...changedPractices(moved, unassigned)].sort()).toEqual(compare(moved, unassigned));
  });

  it('assignPractices with null unassigns; into a locked or missing network it changes nothing', () => {
    const d = doc();
    const out = assignPractices(d, { codes: [P('A'), P('B')], id: null });
    expect(out.patch?.label).toBe('Unassign 2 practices');
    expect([...(out.patch?.set.assignment?.keys() ?? [])]).toEqual([P('C')]);
    expect(assignPractices(d, { codes: [P('D')], id: N('N2') })).toEqual({
      patch: null,
      warnings: ['Net N2 is locked: unlock it to add practices.'],
      changed: 0,
    });
    expect(assignPractices(d, { codes: [P('D')], id: N('N9') }).patch).toBeNull();
    expect(assignPractices(d, { codes: [P('A')], id: N('N1') }).patch).toBeNull();
  });

  it('createNetwork picks the first free id and a feature id from the counter', () => {
    const d = { ...doc(), networks: [net('N1'), net('N3')] };
    const step = createNetwork(d, { name: '  ', nextFid: counter() });
    expect(step.id).toBe(N('N4'));
    expect(step.patch?.label).toBe('Create Network N4');
    expect(step.patch?.set.networks?.at(-1)).toEqual({
      id: N('N4'),
      name: 'Network N4',
      colour: PALETTE[2],
      locked: false,
      fid: 101,
    });
    expect(createNetwork(d, { name: 'East', nextFid: counter() }).patch?.set.networks?.at(-1)?.name).toBe('East');
  });

  it('createNetworkFrom takes the practices not held by a locked network, and none is a warning', () => {
    const d = doc();
    const fids = counter();
    const step = createNetworkFrom(d, { codes: [P('B'), P('C'), P('D')], nextFid: fids });
    expect(step.id).toBe(N('N3'));
    expect(step.patch?.label).toBe('Create Network N3 from 2 practices');
    expect(step.patch?.set.assignment?.get(P('B'))).toBe(N('N3'));
    expect(step.patch?.set.assignment?.get(P('C'))).toBe(N('N2'));
    const none = createNetworkFrom(d, { codes: [P('C')], nextFid: fids });
    expect(none).toEqual({
      patch: null,
      warnings: ['No practices inside the shape that could join a new network.'],
      id: null,
    });
    expect(fids()).toBe(102);
  });

  it('rename, recolour and lock edit one network, and no-ops give no patch', () => {
    const d = doc();
    expect(renameNetwork(d, { id: N('N1'), name: ' North ' }).patch).toEqual({
      label: 'Rename Net N1 to North',
      set: { networks: [net('N1', { name: 'North' }), d.networks[1]] },
    });
    expect(renameNetwork(d, { id: N('N1'), name: ' ' }).patch).toBeNull();
    expect(renameNetwork(d, { id: N('N1'), name: 'Net N1' }).patch).toBeNull();
    expect(recolourNetwork(d, { id: N('N2'), colour: '#ffffff' }).patch?.set.networks?.[1].colour).toBe('#ffffff');
    expect(recolourNetwork(d, { id: N('N2'), colour: '#000000' }).patch).toBeNull();
    expect(setLocked(d, { id: N('N2'), locked: false }).patch?.label).toBe('Unlock Net N2');
    expect(setLocked(d, { id: N('N2'), locked: true }).patch).toBeNull();
  });

  it('deleteNetwork unassigns its practices; a locked one stays with a warning', () => {
    const d = doc();
    const step = deleteNetwork(d, { id: N('N1') });
    expect(step.patch?.label).toBe('Delete Net N1');
    expect(step.patch?.set.networks?.map((n) => n.id)).toEqual([N('N2')]);
    expect([...(step.patch?.set.assignment?.keys() ?? [])]).toEqual([P('C')]);
    expect(deleteNetwork(d, { id: N('N2') }).warnings).toEqual(['Net N2 is locked: unlock it before deleting.']);
    expect(deleteNetwork(d, { id: N('N9') }).patch).toBeNull();
  });

  it('mergeNetworks moves every practice into the kept network; locked ones refuse', () => {
    const d = { ...doc(), networks: [net('N1'), net('N2'), net('N3', { locked: true })] };
    const step = mergeNetworks(d, { into: N('N2'), from: N('N1') });
    expect(step.patch?.label).toBe('Merge Net N1 into Net N2');
    expect(new Set(step.patch?.set.assignment?.values())).toEqual(new Set([N('N2')]));
    expect(mergeNetworks(d, { into: N('N3'), from: N('N1') }).warnings).toEqual([
      'Unlock both networks before merging them.',
    ]);
    expect(mergeNetworks(d, { into: N('N1'), from: N('N1') }).patch).toBeNull();
  });

  it('setBand accepts only a valid, different band', () => {
    const d = doc();
    expect(setBand(d, { band: { min: 40000, max: 60000 } }).patch?.label).toBe('Band 40,000-60,000');
    expect(setBand(d, { band: { min: 50000, max: 30000 } }).patch).toBeNull();
    expect(setBand(d, { band: { min: -1, max: 30000 } }).patch).toBeNull();
    expect(setBand(d, { band: DEFAULT_BAND }).patch).toBeNull();
  });

  it('applyAssignment keeps existing networks (renamed) and colours new ones after them', () => {
    const d = doc();
    const step = applyAssignment(d, {
      assignment: new Map([[P('D'), N('N5')]]),
      networks: [
        { id: N('N2'), name: 'Kept' },
        { id: N('N5'), name: 'New' },
      ],
      label: 'Auto-cluster',
      nextFid: counter(),
    });
    expect(step.patch?.set.networks).toEqual([
      net('N2', { locked: true, name: 'Kept' }),
      { id: N('N5'), name: 'New', colour: PALETTE[3], locked: false, fid: 101 },
    ]);
    expect(step.patch?.label).toBe('Auto-cluster');
  });

  it('addPractices replaces practices with the same code and adds unseen networks and the source', () => {
    const d = doc();
    const step = addPractices(d, {
      practices: [practice('B', -3), practice('E', -3.1)],
      networks: [
        { id: N('N1'), name: 'ignored' },
        { id: N('N7'), name: 'Seven' },
      ],
      assignment: new Map([[P('E'), N('N7')]]),
      source: { kind: 'practices', name: 'more.csv' },
      nextFid: counter(),
    });
    const set = step.patch!.set;
    expect(step.patch?.label).toBe('Add more.csv');
    expect(set.practices?.map((p) => p.code)).toEqual(['A', 'C', 'D', 'B', 'E']);
    expect(set.networks?.map((n) => [n.id, n.name, n.fid])).toEqual([
      ['N1', 'Net N1', 1],
      ['N2', 'Net N2', 1],
      ['N7', 'Seven', 101],
    ]);
    expect([...(set.assignment ?? [])]).toEqual([
      [P('A'), N('N1')],
      [P('C'), N('N2')],
      [P('E'), N('N7')],
    ]);
    expect(set.sources).toEqual([{ kind: 'practices', name: 'more.csv' }]);
  });

  it('setBoundary and loadAssignment replace their own source and keep the others', () => {
    const d = { ...doc(), sources: [{ kind: 'practices' as const, name: 'p.csv' }] };
    const boundary = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [] } } as never;
    const b = setBoundary(d, { boundary, source: { kind: 'boundary', name: 'b.geojson' } });
    expect(b.patch?.label).toBe('Load boundary b.geojson');
    expect(b.patch?.set.sources?.map((s) => s.name)).toEqual(['p.csv', 'b.geojson']);
    const a = loadAssignment(d, {
      assignment: new Map([[P('A'), N('N2')]]),
      networks: [
        { id: N('N2'), name: 'Two' },
        { id: N('N8'), name: 'Eight' },
      ],
      fileName: 'a.csv',
      nextFid: counter(),
    });
    expect(a.patch?.label).toBe('Load assignment a.csv');
    expect(a.patch?.set.networks?.map((n) => [n.id, n.name, n.colour, n.fid])).toEqual([
      ['N2', 'Two', '#000000', 1],
      ['N8', 'Eight', PALETTE[1], 101],
    ]);
    expect(a.patch?.set.sources?.map((s) => s.name)).toEqual(['p.csv', 'a.csv']);
  });

  it('replaceDoc and setAlign set their fields; applying then undoing a patch restores the document', () => {
    const d = doc();
    const next = { ...d, practices: [] };
    const step = replaceDoc(d, { next, label: 'New plan' });
    const { doc: after, inverse } = applyPatch(d, step.patch!);
    expect(after.practices).toEqual([]);
    expect(applyPatch(after, inverse).doc).toEqual(d);
    const align = setAlign(d, { align: null, label: 'Remove layers' });
    expect(align.patch).toEqual({ label: 'Remove layers', set: { align: null } });
  });
});
