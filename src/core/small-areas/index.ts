// Footprints from where patients live: small-area layers, registrations, the assignment rule.
export { parseSmallAreaLayer } from './parse-small-area-layer';
export type { SmallAreaLayer } from './parse-small-area-layer';
export { parseCentroids } from './parse-centroids';
export { readRegistrations, RegistrationsReader } from './registrations';
export type { Registrations } from './registrations';
export { areaReferenceXY, buildSmallAreaContext } from './context';
export type { SmallAreaContext } from './context';
export { AREA_METHOD, evaluateSmallAreaPlan, updateSmallAreaPlan } from './small-area-plan';
export type { SmallAreaNetworkSummary, SmallAreaPlan } from './small-area-plan';
export { toSmallAreasCsv } from './to-small-areas-csv';
export { layerWithin } from './layer-within';
