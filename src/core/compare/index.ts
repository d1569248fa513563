// Plans side by side: practices moved, networks gained and lost (population, footprint, band).
export { comparePlans, comparePlansOn, type ComparablePlan, type FootprintUnits } from './compare-plans';
export { practiceSetIssues, type PlanCoverage } from './practice-sets';
export {
  toNetworkChangesCsv,
  toChangesGeoJSON,
  NETWORK_CHANGES_CSV_HEADER,
  type ChangeFeatureKind,
  type ExtraColumns,
} from './to-comparison-outputs';
export { NETWORK_FATE, type NetworkChange, type NetworkFate, type PlanComparison, type PracticeChange } from './types';
