// A network's population health figures: a sum over its member practices' profiles.
import type { NetworkId, PracticeCode } from '../model';
import type { PlanInput } from '../plan/types';
import { DECILES, type PracticeDeprivation } from './practice-deprivation';

/** Deciles 1 and 2: NHS England's Core20, the most deprived 20% of areas nationally. */
const CORE20_DECILES = 2;

export interface DeprivationFigures {
  /** Registered patients of the network's practices living in Core20 areas (deciles 1-2). */
  readonly core20Patients: number;
  /** core20Patients over imdPatients, 0-1; null when no patient has an IMD value. */
  readonly core20Share: number | null;
  /** Patient-weighted mean IMD score; null without scores. */
  readonly imdScoreMean: number | null;
  /** Patients by decile 1..10. */
  readonly imdDeciles: readonly number[];
  /** Patients living in an area with an IMD value (the share's denominator). */
  readonly imdPatients: number;
  /** Patients with no IMD value (NO2011, Welsh LSOAs, areas missing from the table), counted apart. */
  readonly noImdPatients: number;
}

/** Figures for a set of practices (codes without registrations add nothing). */
function deprivationOf(profile: PracticeDeprivation, codes: Iterable<PracticeCode | string>): DeprivationFigures {
  const deciles = new Array<number>(DECILES).fill(0);
  let scoreSum = 0;
  let scored = 0;
  let noImd = 0;
  for (const code of codes) {
    const p = profile.index.get(code);
    if (p === undefined) continue;
    for (let d = 0; d < DECILES; d++) deciles[d] += profile.deciles[p * DECILES + d];
    scoreSum += profile.scoreSum[p];
    scored += profile.scored[p];
    noImd += profile.noImd[p];
  }
  const imdPatients = deciles.reduce((s, x) => s + x, 0);
  const core20Patients = deciles.slice(0, CORE20_DECILES).reduce((s, x) => s + x, 0);
  return {
    core20Patients,
    core20Share: imdPatients > 0 ? core20Patients / imdPatients : null,
    imdScoreMean: profile.hasScores && scored > 0 ? scoreSum / scored : null,
    imdDeciles: deciles,
    imdPatients,
    noImdPatients: noImd,
  };
}

function membersByNetwork(input: PlanInput, only: ReadonlySet<NetworkId> | null): Map<NetworkId, PracticeCode[]> {
  const members = new Map<NetworkId, PracticeCode[]>();
  for (const n of input.networks) if (!only || only.has(n.id)) members.set(n.id, []);
  for (const p of input.practices) {
    const id = input.assignment.get(p.code);
    if (id !== undefined) members.get(id)?.push(p.code);
  }
  return members;
}

/**
 * Figures for every network of a plan; with `previous` and `changed`, only the changed networks are
 * recomputed and the others reused (an edit costs the networks it touches).
 */
export function deprivationByNetwork(
  profile: PracticeDeprivation,
  input: PlanInput,
  previous?: ReadonlyMap<NetworkId, DeprivationFigures>,
  changed?: Iterable<NetworkId>,
): Map<NetworkId, DeprivationFigures> {
  let only: Set<NetworkId> | null = null;
  if (previous && changed) {
    only = new Set(changed);
    for (const n of input.networks) if (!previous.has(n.id)) only.add(n.id);
  }
  const out = new Map<NetworkId, DeprivationFigures>();
  const fresh = membersByNetwork(input, only);
  for (const n of input.networks) {
    const members = fresh.get(n.id);
    out.set(n.id, members ? deprivationOf(profile, members) : previous!.get(n.id)!);
  }
  return out;
}

/** Per practice in `codes` order: patients living in Core20 areas and in any area with an IMD value (0 without registrations). */
export function practiceCore20(
  profile: PracticeDeprivation,
  codes: readonly (PracticeCode | string)[],
): { core20: Float64Array; imdPatients: Float64Array } {
  const core20 = new Float64Array(codes.length);
  const imdPatients = new Float64Array(codes.length);
  codes.forEach((code, k) => {
    const p = profile.index.get(code);
    if (p === undefined) return;
    for (let d = 0; d < DECILES; d++) {
      const count = profile.deciles[p * DECILES + d];
      imdPatients[k] += count;
      if (d < CORE20_DECILES) core20[k] += count;
    }
  });
  return { core20, imdPatients };
}
