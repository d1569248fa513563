// Memoised selectors are per store: two stores never share or evict each other's cached plans.
import { describe, expect, it } from 'vitest';
import { selectCellPlan, selectPlanChecks, selectTessellation } from '../../../src/state/selectors';
import { demoStore } from './demo-store';

describe('selector memos', () => {
  it('belong to one store: reading another store keeps the first one’s results', () => {
    const a = demoStore();
    const b = demoStore();
    expect(a.getState().memo).not.toBe(b.getState().memo);
    const tA = selectTessellation(a.getState());
    const planA = selectCellPlan(a.getState());
    const checksA = selectPlanChecks(a.getState());
    const tB = selectTessellation(b.getState());
    expect(tB).not.toBe(tA);
    selectCellPlan(b.getState());
    selectPlanChecks(b.getState());
    expect(selectTessellation(a.getState())).toBe(tA);
    expect(selectCellPlan(a.getState())).toBe(planA);
    expect(selectPlanChecks(a.getState())).toBe(checksA);
  });

  it('an edit in one store leaves the other store’s plan as it was', () => {
    const a = demoStore();
    const b = demoStore();
    const before = selectCellPlan(b.getState());
    const { doc } = a.getState();
    const one = doc.practices.find((p) => doc.assignment.get(p.code) === doc.networks[0].id)!.code;
    expect(a.getState().assignPractices([one], doc.networks[1].id)).toBe(1);
    expect(selectCellPlan(a.getState()).input.assignment.get(one)).toBe(doc.networks[1].id);
    expect(selectCellPlan(b.getState())).toBe(before);
    expect(before.input.assignment.get(one)).toBe(doc.networks[0].id);
  });

  it('survive every action: the memo is made with the store and never replaced', () => {
    const a = demoStore();
    const memo = a.getState().memo;
    a.getState().newPlan();
    a.getState().undo();
    a.getState().createScenario({ kind: 'duplicate' });
    expect(a.getState().memo).toBe(memo);
  });
});
