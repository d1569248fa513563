// Where each practice's patients live, seen through deprivation: per practice, its registered
// patients by IMD decile and their summed score, from the registrations (practice x LSOA) and a
// deprivation table. Built once per pair of files; a network's figures are then a sum over its
// members, so an edit costs only the networks it touches.
import type { Registrations } from '../small-areas/registrations';
import { NO_LSOA_CODE } from '../small-areas/registrations';
import type { DeprivationTable } from './parse-deprivation';

export const DECILES = 10;

export interface PracticeDeprivation {
  /** Registrations practice index by practice code. */
  readonly index: ReadonlyMap<string, number>;
  /** Patients by decile: practice p, decile d (1-10) at p * 10 + d - 1. */
  readonly deciles: Float64Array;
  /** Per practice: sum of patients x score over areas with a score. */
  readonly scoreSum: Float64Array;
  /** Per practice: patients living in an area with a score. */
  readonly scored: Float64Array;
  /** Per practice: patients with no IMD value (NO2011, Welsh or other areas missing from the table). */
  readonly noImd: Float64Array;
  /** Plan-wide patients with no IMD value: with no known LSOA (NO2011), and in areas the table lacks. */
  readonly noLsoaPatients: number;
  readonly missingAreaPatients: number;
  /** Distinct area codes with patients that the table lacks (Welsh LSOAs among them), sorted. */
  readonly missingAreaCodes: readonly string[];
  readonly hasScores: boolean;
}

export function practiceDeprivation(reg: Registrations, table: DeprivationTable): PracticeDeprivation {
  const nAreas = reg.areaCodes.length;
  const areaDecile = new Int8Array(nAreas);
  const areaScore = new Float64Array(nAreas).fill(Number.NaN);
  reg.areaCodes.forEach((code, a) => {
    areaDecile[a] = table.decile.get(code) ?? 0;
    areaScore[a] = table.score.get(code) ?? Number.NaN;
  });
  const n = reg.practiceCodes.length;
  const deciles = new Float64Array(n * DECILES);
  const scoreSum = new Float64Array(n);
  const scored = new Float64Array(n);
  const noImd = new Float64Array(n);
  const missing = new Set<string>();
  let noLsoaPatients = 0;
  let missingAreaPatients = 0;
  for (let p = 0; p < n; p++) {
    for (let r = reg.practiceStart[p]; r < reg.practiceStart[p + 1]; r++) {
      const a = reg.byPracticeArea[r];
      const count = reg.byPracticeCount[r];
      const d = areaDecile[a];
      if (d === 0) {
        noImd[p] += count;
        if (reg.areaCodes[a] === NO_LSOA_CODE) noLsoaPatients += count;
        else {
          missingAreaPatients += count;
          missing.add(reg.areaCodes[a]);
        }
        continue;
      }
      deciles[p * DECILES + d - 1] += count;
      const s = areaScore[a];
      if (!Number.isNaN(s)) {
        scoreSum[p] += count * s;
        scored[p] += count;
      }
    }
  }
  return {
    index: new Map(reg.practiceCodes.map((c, p) => [c, p])),
    deciles,
    scoreSum,
    scored,
    noImd,
    noLsoaPatients,
    missingAreaPatients,
    missingAreaCodes: [...missing].sort(),
    hasScores: table.score.size > 0,
  };
}
