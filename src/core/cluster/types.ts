// Auto-cluster options, result and report: the one contract shared by the CLI, the worker and the app.
import type { Assignment, Band, Boundary, Network, NetworkId, Practice, PracticeCode } from '../model';

export const CLUSTER_SCOPE = { all: 'all', unassigned: 'unassigned', unlocked: 'unlocked' } as const;
export type ClusterScope = (typeof CLUSTER_SCOPE)[keyof typeof CLUSTER_SCOPE];

/**
 * The parts of the engine's Tessellation the clustering reads (structural, so the real
 * Tessellation from src/core/geometry passes as is). All lengths in metres.
 */
export interface ClusterTessellation {
  readonly projection: { forward(lon: number, lat: number): [number, number] };
  readonly sites: readonly {
    readonly lon: number;
    readonly lat: number;
    readonly x: number;
    readonly y: number;
    readonly practices: readonly number[];
  }[];
  readonly siteOfPractice: Int32Array;
  readonly vertexXY: Float64Array;
  readonly cellRings: readonly (readonly Int32Array[])[];
  readonly cellAreaKm2: Float64Array;
  readonly neighbours: readonly Int32Array[];
  readonly sharedEdgeMetres: readonly Float64Array[];
}

/** One polygon of a hard-boundary layer (a local authority, a sub-ICB area...). */
export interface HardArea {
  readonly name: string;
  readonly geometry: Boundary;
}

export interface ClusterOptions {
  readonly practices: readonly Practice[];
  readonly tessellation: ClusterTessellation;
  readonly band: Band;
  /** 'all' re-clusters every practice, 'unassigned' only practices with no network, 'unlocked' all but locked networks. Locked networks are kept in every scope. */
  readonly scope?: ClusterScope;
  /** The plan as it stands: needed for repair, locks and the 'unassigned' scope. */
  readonly assignment?: Assignment;
  readonly networks?: readonly Network[];
  readonly lockedNetworkIds?: readonly NetworkId[];
  /** Networks never cross these areas; a practice belongs to the area its point falls in (nearest if in none). */
  readonly hardAreas?: readonly HardArea[] | null;
  /** Aimed-for network population; default the middle of the band. */
  readonly targetSize?: number;
  /** A fixed number of networks for the clustered practices (instead of total / target). */
  readonly count?: number;
  readonly seed?: number;
  /** Start from `assignment` and move as few practices as possible. */
  readonly repair?: boolean;
  /** Prefix of the ids of new networks; default "AC". */
  readonly idPrefix?: string;
  /** Core20 patients per practice: reported as a spread across networks, and optionally balanced. */
  readonly deprivation?: ClusterDeprivation | null;
}

/**
 * Per practice (same order as `practices`): registered patients living in Core20 areas and those
 * living in any area with an IMD value, as plain numbers (the caller reads the files).
 */
export interface ClusterDeprivation {
  readonly core20: ArrayLike<number>;
  readonly imdPatients: ArrayLike<number>;
  /**
   * Weight of keeping each network's Core20 share near the clustered area's in the final
   * compactness moves: a move scores its Polsby-Popper gain minus weight x the rise in the two
   * networks' summed |share - area share|. 0 (default): off, the plan is as without it.
   */
  readonly balanceWeight?: number;
}

/** Core20 share (0-1) across the networks with any patient of known IMD. */
export interface Core20Spread {
  /** Core20 patients over patients with an IMD value, over all the plan's networks; null with none. */
  readonly areaShare: number | null;
  readonly min: number | null;
  readonly median: number | null;
  readonly max: number | null;
  /** Population standard deviation of the networks' shares. */
  readonly standardDeviation: number | null;
  /** The balance weight the run used (0: off). */
  readonly balanceWeight: number;
}

export const UNAVOIDABLE_REASON = {
  practiceAboveMax: 'practice-above-max',
  isolatedBelowMin: 'isolated-below-min',
  cannotFitBand: 'cannot-fit-band',
  unresolved: 'unresolved',
  keptAsIs: 'kept-as-is',
} as const;
export type UnavoidableReason = (typeof UNAVOIDABLE_REASON)[keyof typeof UNAVOIDABLE_REASON];

/** A network left out of band (or split) with the reason, never hidden. */
export interface UnavoidableCase {
  readonly networkId: NetworkId;
  readonly band: 'below' | 'above' | 'within';
  readonly population: number;
  readonly reason: UnavoidableReason;
  /** Full human sentence. */
  readonly message: string;
}

export interface PracticeMove {
  readonly practiceCode: PracticeCode;
  /** null: the practice had no network. */
  readonly from: NetworkId | null;
  readonly to: NetworkId;
}

export interface ClusterReport {
  readonly networks: number;
  readonly inBand: number;
  readonly shareInBand: number;
  readonly contiguous: number;
  readonly shareContiguous: number;
  readonly meanPolsbyPopper: number;
  readonly minPolsbyPopper: number;
  readonly populationMin: number;
  readonly populationMedian: number;
  readonly populationMax: number;
  /** Practices whose network changed (repair), or that changed from the input plan. */
  readonly practicesMoved: number;
  /** Practices given a network they did not have. */
  readonly practicesAssigned: number;
  /** Repair: practices the search had moved that went back, their move not being needed to keep every network in band and contiguous. */
  readonly movesUndone: number;
  readonly runtimeMs: number;
  readonly unavoidable: readonly UnavoidableCase[];
  /** Only when the options carried `deprivation`. */
  readonly core20?: Core20Spread;
}

export interface ClusterResult {
  readonly cancelled: boolean;
  readonly assignment: Map<PracticeCode, NetworkId>;
  readonly networks: Network[];
  readonly moves: readonly PracticeMove[];
  readonly report: ClusterReport;
}
