// Plans side by side: practices moved, networks gained and lost (population, footprint, band).
export { comparePlans, comparePlansOn, type ComparablePlan } from './compare-plans';
export { practiceSetIssues, type PlanCoverage } from './practice-sets';
export {
  toNetworkChangesCsv,
  toChangesGeoJSON,
  type ExtraColumns,
} from './to-comparison-outputs';
export type { NetworkChange, PlanComparison } from './types';
