// The planning domain, shared by every layer (core, CLI, worker, store, map, UI).
// Pure types and tiny constructors only: no geometry, no I/O.
import type { IssueCode } from './issue-codes';
import type { MultiPolygon, Polygon } from 'geojson';

/** ODS practice code, e.g. "B82005". Branded so it cannot be mixed up with a network id. */
export type PracticeCode = string & { readonly __brand: 'PracticeCode' };
/** Network (PCN) id, e.g. "U12345" or "N1". */
export type NetworkId = string & { readonly __brand: 'NetworkId' };

export const practiceCode = (s: string) => s as PracticeCode;
export const networkId = (s: string) => s as NetworkId;

/** One GP practice: a point (WGS84 degrees) with a registered list size. */
export interface Practice {
  readonly code: PracticeCode;
  readonly name: string;
  /** Registered patients, a whole number >= 0. */
  readonly listSize: number;
  /** Longitude, WGS84 degrees. */
  readonly lon: number;
  /** Latitude, WGS84 degrees. */
  readonly lat: number;
}

export interface Network {
  readonly id: NetworkId;
  readonly name: string;
}

/** Practice code -> network id. A practice missing from the map is unassigned. */
export type Assignment = ReadonlyMap<PracticeCode, NetworkId>;

/** Population band a network should fall in, inclusive at both ends. */
export interface Band {
  readonly min: number;
  readonly max: number;
}

export const DEFAULT_BAND: Band = { min: 30_000, max: 50_000 };

export const BAND_STATUS = { below: 'below', within: 'within', above: 'above' } as const;
export type BandStatus = (typeof BAND_STATUS)[keyof typeof BAND_STATUS];

export function bandStatus(population: number, band: Band): BandStatus {
  if (population < band.min) return BAND_STATUS.below;
  if (population > band.max) return BAND_STATUS.above;
  return BAND_STATUS.within;
}

/** The study area: one dissolved (Multi)Polygon in WGS84 degrees. */
export type Boundary = Polygon | MultiPolygon;

/**
 * `xs` in ascending order: `xs` itself when it already is (the common case for a plan's site and
 * practice lists, where sort's work arrays cost more than this check), else a sorted copy. Strings
 * compare by UTF-16 code units as the default sort does, numbers by value.
 */
export function ascending<T extends string | number>(xs: readonly T[]): readonly T[] {
  for (let i = 1; i < xs.length; i++) {
    if (xs[i] < xs[i - 1]) return typeof xs[0] === 'number' ? [...xs].sort((a, b) => +a - +b) : [...xs].sort();
  }
  return xs;
}

/** A finding about an input, addressed so a person can find and fix it. */
export interface Issue {
  readonly severity: 'error' | 'warning';
  /** What the finding is about: code tests this, never `message`. */
  readonly code: IssueCode;
  /** File name as the user knows it, e.g. "practices.geojson". */
  readonly file?: string;
  /** "feature 17" or "line 23": where in the file. */
  readonly where?: string;
  readonly practiceCode?: string;
  readonly field?: string;
  /** Full human sentence, e.g. `practices.geojson feature 17 (B82005): list size "-3" is not a whole number >= 0`. */
  readonly message: string;
  /** Set on a summary line ("…and 980 more list size errors"): how many findings it stands for. */
  readonly omitted?: number;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Issue[] }
  | { readonly ok: false; readonly errors: readonly Issue[]; readonly warnings: readonly Issue[] };
