export { parseDeprivation, type DeprivationTable } from './parse-deprivation';
export { practiceDeprivation, DECILES, type PracticeDeprivation } from './practice-deprivation';
export {
  deprivationOf,
  deprivationByNetwork,
  practiceCore20,
  CORE20_DECILES,
  type DeprivationFigures,
} from './network-deprivation';
export { deprivationSpread, type DeprivationSpread } from './deprivation-spread';
export { deprivationProperties, DEPRIVATION_FIELDS } from './deprivation-properties';
