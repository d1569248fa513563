import { createPlannerStore } from './store';

/** The app's store. Tests build their own with createPlannerStore. */
export const store = createPlannerStore({ prefs: typeof localStorage === 'undefined' ? undefined : localStorage });

export { createPlannerStore, EMPTY_DOC, type Planner, type PlannerStore, type PlannerState } from './store';
export { selectPlan, selectPlanChecks, selectTessellation, summaryFigures, changedPractices } from './selectors';
export * from './types';
export { selectComparison, type ScenarioComparison } from './compare';
