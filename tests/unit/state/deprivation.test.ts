// The store's population health figures on Greater Manchester (real registrations and IMD 2019):
// equal to the core's deprivationByNetwork on the plan shown, before and after moves, and the plan
// file records the deprivation file by name and checksum.
import { describe, expect, it } from 'vitest';
import { deprivationByNetwork, parseDeprivation, practiceDeprivation } from '../../../src/core/deprivation';
import { networkId } from '../../../src/core/model';
import { selectDeprivationFigures, selectPracticeDeprivation } from '../../../src/state/deprivation';
import { parsePlan, serialisePlan } from '../../../src/state/plan-file';
import { selectCellPlan } from '../../../src/state/selectors';
import { createPlannerStore } from '../../../src/state/store';
import { gmCase, gmSmallAreaStore, ok, readData } from '../small-areas/helpers';

const IMD_FILE = { name: 'england_imd2019_lsoa2011.csv', sha256: 'c'.repeat(64), bytes: 1_600_000 };
const table = ok(parseDeprivation(readData('england_imd2019_lsoa2011.csv'), IMD_FILE.name));

describe('population health in the store', () => {
  it('has no figures until both the registrations and a deprivation table are open', () => {
    const store = createPlannerStore();
    store.getState().setDeprivation({ table, file: IMD_FILE });
    expect(selectDeprivationFigures(store.getState())).toBeNull();
    expect(selectDeprivationFigures(gmSmallAreaStore().getState())).toBeNull();
  });

  it('equals deprivationByNetwork on the plan, and after moves equals a full rebuild', () => {
    const store = gmSmallAreaStore();
    store.getState().setDeprivation({ table, file: IMD_FILE });
    const profile = practiceDeprivation(gmCase().registrations, table);
    const figures = selectDeprivationFigures(store.getState())!;
    expect(figures.size).toBe(store.getState().doc.networks.length);
    expect(figures).toEqual(deprivationByNetwork(profile, selectCellPlan(store.getState()).input));
    const shares = [...figures.values()].map((f) => f.core20Share!);
    expect(Math.max(...shares)).toBeGreaterThan(Math.min(...shares));

    const doc = store.getState().doc;
    const from = networkId('U79938');
    const code = doc.practices.find((p) => doc.assignment.get(p.code) === from)!.code;
    store.getState().assignPractices([code], networkId('U05517'));
    const after = selectDeprivationFigures(store.getState())!;
    expect(after).toEqual(deprivationByNetwork(profile, selectCellPlan(store.getState()).input));
    expect(after.get(from)!.imdPatients).toBeLessThan(figures.get(from)!.imdPatients);
    // Untouched networks keep their figures objects (the incremental form).
    const untouched = [...figures.keys()].find((id) => id !== from && id !== networkId('U05517'))!;
    expect(after.get(untouched)).toBe(figures.get(untouched));
    expect(selectPracticeDeprivation(store.getState())!.index.has(code)).toBe(true);
  });

  it('records the deprivation file in the plan file by name and checksum', () => {
    const store = gmSmallAreaStore();
    store.getState().setDeprivation({ table, file: IMD_FILE });
    const text = serialisePlan(store.getState());
    const read = ok(parsePlan(text, 'plan.json', () => 1));
    expect(read.smallAreas?.deprivation).toEqual(IMD_FILE);
  });
});
