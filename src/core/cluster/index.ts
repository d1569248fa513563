// Public face of the auto-cluster core.
export { clusterPlan } from './cluster-plan';
export { greedyBaseline } from './greedy-baseline';
export { parseHardAreas } from './parse-hard-areas';
export type {
  ClusterDeprivation,
  ClusterOptions,
  ClusterReport,
  ClusterResult,
  ClusterScope,
  ClusterTessellation,
  Core20Spread,
  HardArea,
  PracticeMove,
  UnavoidableCase,
  UnavoidableReason,
} from './types';
export { CLUSTER_SCOPE, UNAVOIDABLE_REASON } from './types';
