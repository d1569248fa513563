// Footprints from where patients live: small-area layers, registrations, the assignment rule.
export { parseSmallAreaLayer, SMALL_AREA_CODE_FIELDS } from './parse-small-area-layer';
export type { SmallAreaLayer } from './parse-small-area-layer';
export { parseCentroids } from './parse-centroids';
export { readRegistrations, RegistrationsReader, NO_LSOA_CODE } from './registrations';
export type { Registrations } from './registrations';
export { areaReferenceXY, buildSmallAreaContext } from './context';
export type { RegistrationStats, SmallAreaContext, SmallAreaInputs } from './context';
export { AREA_METHOD, AREA_METHOD_NAME, evaluateSmallAreaPlan, updateSmallAreaPlan } from './small-area-plan';
export type { SmallAreaNetworkSummary, SmallAreaPlan } from './small-area-plan';
export { toSmallAreasCsv, SMALL_AREAS_CSV_HEADER } from './to-small-areas-csv';
export { layerWithin } from './layer-within';
