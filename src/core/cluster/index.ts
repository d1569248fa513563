// Public face of the auto-cluster core.
export { clusterPlan } from './cluster-plan';
export { greedyBaseline } from './greedy-baseline';
export { parseHardAreas } from './parse-hard-areas';
export type {
  ClusterOptions,
  ClusterReport,
  ClusterScope,
  ClusterTessellation,
  HardArea,
} from './types';
export { CLUSTER_SCOPE, UNAVOIDABLE_REASON } from './types';
