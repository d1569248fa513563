export { parseDeprivation, type DeprivationTable } from './parse-deprivation';
export { practiceDeprivation, DECILES, type PracticeDeprivation } from './practice-deprivation';
export {
  deprivationByNetwork,
  practiceCore20,
  type DeprivationFigures,
} from './network-deprivation';
export { deprivationSpread } from './deprivation-spread';
export { deprivationProperties } from './deprivation-properties';
