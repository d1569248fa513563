// Community-service alignment: service areas vs network footprints, and areas redrawn around networks.
export { parseServiceAreas } from './parse-service-areas';
export { parseSmallAreas } from './parse-small-areas';
export { alignServices } from './align-services';
export { footprintTiling } from './footprint-tiling';
export { toAlignedGeoJSON } from './to-aligned-geojson';
export { toOverlapCsv } from './to-overlap-csv';
export {
  APPORTION_METHOD,
  DEFAULT_SPLIT_THRESHOLD,
  type AlignResult,
  type ApportionMethod,
  type NetworkAlignment,
  type ServiceArea,
  type ServiceAreas,
  type SmallArea,
} from './types';
export { serviceOverlay, type ServiceOverlay } from './service-overlay';
