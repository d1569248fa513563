// comparePlans on a small hand-made grid: moves, renames, new and dissolved networks, areas.
import { describe, expect, it } from 'vitest';
import { comparePlans, practiceSetIssues } from '../../../src/core/compare';
import { buildTessellation } from '../../../src/core/geometry';
import { DEFAULT_BAND, networkId, type Network } from '../../../src/core/model';
import { evaluatePlan } from '../../../src/core/plan';
import { deepFreeze, plan, practice, square } from '../geometry/helpers';

// Four practices in a row, 0.1 degrees apart, in a box: four equal-ish cells.
const practices = deepFreeze([
  practice('A', -2.35, 53.5),
  practice('B', -2.25, 53.5),
  practice('C', -2.15, 53.5),
  practice('D', -2.05, 53.5),
]);
const t = buildTessellation(practices, square(-2.4, 53.45, -2.0, 53.55));
const evaluate = (p: {
  networks: Network[];
  assignment: ReadonlyMap<never, never> | ReturnType<typeof plan>['assignment'];
}) => evaluatePlan({ practices, networks: p.networks, assignment: p.assignment, band: DEFAULT_BAND }, t);

describe('comparePlans', () => {
  it('lists moved practices in practice order and the area each network gains and loses', () => {
    const before = evaluate(plan({ N1: ['A', 'B'], N2: ['C', 'D'] }));
    const after = evaluate(plan({ N1: ['A'], N2: ['B', 'C', 'D'] }));
    const snapshot = () =>
      JSON.stringify(
        [before, after].map((p) => [
          p.input.networks,
          [...p.input.assignment],
          [...p.networks.values()].map((n) => [n.id, n.sites, n.population]),
          [...p.siteOwner],
        ]),
      );
    const untouched = snapshot();
    const c = comparePlans(before, after);
    expect(snapshot()).toBe(untouched);
    expect(c.changes.map((x) => [x.practiceCode, x.from, x.to])).toEqual([['B', 'N1', 'N2']]);
    const [n1, n2] = c.networks;
    expect([n1.practicesOut, n2.practicesIn]).toEqual([['B'], ['B']]);
    const cellB = t.cellAreaKm2[t.siteOfPractice[1]];
    expect(n1.areaLostKm2).toBeCloseTo(cellB, 9);
    expect(n2.areaGainedKm2).toBeCloseTo(cellB, 9);
    expect(n1.areaChangedKm2).toBeCloseTo(cellB, 9);
    expect(n2.gained?.type).toBe('Polygon');
    expect(n1.gained).toBeNull();
    expect(c.changedNetworks).toEqual(['N1', 'N2']);
    expect(c.populationMoved).toBe(10_000);
  });

  it('matches networks by id: a rename is the same network; ids in one plan only are new or dissolved', () => {
    const before = plan({ N1: ['A', 'B'], N2: ['C'], OLD: ['D'] });
    const after = plan({ N1: ['A', 'B'], N2: ['C'], NEW: ['D'] });
    const renamed = { ...after, networks: after.networks.map((n) => (n.id === 'N2' ? { ...n, name: 'Renamed' } : n)) };
    const c = comparePlans(evaluate(before), evaluate(renamed));
    expect(c.newNetworks).toEqual([networkId('NEW')]);
    expect(c.dissolvedNetworks).toEqual([networkId('OLD')]);
    expect(c.renamedNetworks).toEqual([networkId('N2')]);
    const n2 = c.networks.find((n) => n.id === 'N2')!;
    expect([n2.name, n2.renamedFrom, n2.areaChangedKm2, n2.practicesIn]).toEqual(['Renamed', 'Network N2', 0, []]);
    const old = c.networks.find((n) => n.id === 'OLD')!;
    expect([old.fate, old.populationAfter, old.bandAfter, old.bandBefore]).toEqual(['dissolved', 0, null, 'below']);
    expect(c.changes.map((x) => [x.practiceCode, x.from, x.to])).toEqual([['D', 'OLD', 'NEW']]);
  });

  it('reports unassigning as a change to null, and refuses plans on different tessellations', () => {
    const c = comparePlans(evaluate(plan({ N1: ['A', 'B', 'C', 'D'] })), evaluate(plan({ N1: ['A', 'B', 'C'] })));
    expect(c.changes.map((x) => [x.practiceCode, x.from, x.to])).toEqual([['D', 'N1', null]]);
    const other = evaluatePlan(
      { practices, networks: [], assignment: new Map(), band: DEFAULT_BAND },
      buildTessellation(practices, null),
    );
    expect(() => comparePlans(evaluate(plan({ N1: ['A'] })), other)).toThrow(/one tessellation/);
  });
});

describe('practiceSetIssues', () => {
  it('names practices missing from the table and practices only in one complete plan', () => {
    const issues = practiceSetIssues(
      practices,
      { label: 'a.csv', codes: ['A', 'B', 'C', 'D', 'Z9'], complete: true },
      { label: 'b.geojson', codes: ['A'], complete: false },
      'p.csv',
    );
    expect(issues.map((i) => i.message)).toEqual([
      'a.csv: 1 practice not in p.csv (Z9); compare plans of the practices in --practices',
    ]);
    const both = practiceSetIssues(
      practices,
      { label: 'a.csv', codes: ['A', 'B'], complete: true },
      { label: 'b.csv', codes: ['A', 'C'], complete: true },
      'p.csv',
    );
    expect(both.map((i) => i.message)).toEqual([
      'a.csv and b.csv: the plans cover different practices: only in a.csv: 1 practice (B); only in b.csv: 1 practice (C)',
    ]);
  });
});
