// The population health columns written beside each network in GeoJSON and CSV outputs.
import type { DeprivationFigures } from './network-deprivation';

export const DEPRIVATION_FIELDS = [
  'core20_patients',
  'core20_share',
  'imd_score_mean',
  'imd_deciles',
  'no_imd_patients',
] as const;

const round = (x: number, places: number) => Number(x.toFixed(places));

/** `core20_share` to 4 decimals, `imd_score_mean` to 3, `imd_deciles` as `;`-joined patients by decile 1..10. */
export function deprivationProperties(
  f: DeprivationFigures,
): Record<(typeof DEPRIVATION_FIELDS)[number], number | string | null> {
  return {
    core20_patients: f.core20Patients,
    core20_share: f.core20Share === null ? null : round(f.core20Share, 4),
    imd_score_mean: f.imdScoreMean === null ? null : round(f.imdScoreMean, 3),
    imd_deciles: f.imdDeciles.join(';'),
    no_imd_patients: f.noImdPatients,
  };
}
