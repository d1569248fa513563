import { createPlannerStore } from './store';

/** The app's store. Tests build their own with createPlannerStore. */
export const store = createPlannerStore({ prefs: typeof localStorage === 'undefined' ? undefined : localStorage });

export * from './types';
