export type { NetworkSummary, PlanInput, PlanResult } from './types';
export { evaluatePlan } from './evaluate-plan';
export { preparePlanUpdates, updatePlan } from './update-plan';
export { colourNetworks, localNetworkAdjacency, networkAdjacency } from './network-colours';
export { packPlan, unpackPlan, type PackedPlan } from './packed-plan';
export { practiceIndex } from './lookups';
export { isNonContiguous } from './plan-aggregates';
