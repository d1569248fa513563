// The plan-wide view a commissioner asks for first: how Core20 shares spread across networks, and
// which networks hold the most Core20 patients.
import type { NetworkId } from '../model';
import type { DeprivationFigures } from './network-deprivation';

export interface DeprivationSpread {
  /** Core20 share across networks with any patient of known IMD: min, median, max (0-1); null with none. */
  readonly minShare: number | null;
  readonly medianShare: number | null;
  readonly maxShare: number | null;
  /** Plan-wide Core20 patients and patients with an IMD value (sums over networks). */
  readonly core20Patients: number;
  readonly imdPatients: number;
  readonly noImdPatients: number;
  /** Networks by Core20 patients, most first (ties: lower id), at most `top`. */
  readonly mostCore20: readonly { readonly id: NetworkId; readonly core20Patients: number }[];
}

export function deprivationSpread(figures: ReadonlyMap<NetworkId, DeprivationFigures>, top = 3): DeprivationSpread {
  const shares = [...figures.values()]
    .flatMap((f) => (f.core20Share === null ? [] : [f.core20Share]))
    .sort((a, b) => a - b);
  const median =
    shares.length === 0
      ? null
      : shares.length % 2
        ? shares[(shares.length - 1) / 2]
        : (shares[shares.length / 2 - 1] + shares[shares.length / 2]) / 2;
  let core20Patients = 0;
  let imdPatients = 0;
  let noImdPatients = 0;
  for (const f of figures.values()) {
    core20Patients += f.core20Patients;
    imdPatients += f.imdPatients;
    noImdPatients += f.noImdPatients;
  }
  const mostCore20 = [...figures]
    .filter(([, f]) => f.core20Patients > 0)
    .sort((a, b) => b[1].core20Patients - a[1].core20Patients || (a[0] < b[0] ? -1 : 1))
    .slice(0, top)
    .map(([id, f]) => ({ id, core20Patients: f.core20Patients }));
  return {
    minShare: shares[0] ?? null,
    medianShare: median,
    maxShare: shares.at(-1) ?? null,
    core20Patients,
    imdPatients,
    noImdPatients,
    mostCore20,
  };
}
