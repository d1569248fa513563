// Community-service alignment: service areas vs network footprints, and areas redrawn around networks.
export { parseServiceAreas, candidateNameFields } from './parse-service-areas';
export { parseSmallAreas } from './parse-small-areas';
export { alignServices, type AlignInput } from './align-services';
export { footprintTiling } from './footprint-tiling';
export { toAlignedGeoJSON, type AlignedAreaProperties } from './to-aligned-geojson';
export { toOverlapCsv, OVERLAP_CSV_HEADER } from './to-overlap-csv';
export {
  APPORTION_METHOD,
  DEFAULT_SPLIT_THRESHOLD,
  OUTSIDE_AREA,
  type AlignNetwork,
  type AlignResult,
  type ApportionMethod,
  type AreaOverlap,
  type NetworkAlignment,
  type ServiceArea,
  type ServiceAreaAlignment,
  type ServiceAreas,
  type SmallArea,
} from './types';
export { serviceOverlay, type ServiceOverlay, type ServiceOverlayProperties } from './service-overlay';
