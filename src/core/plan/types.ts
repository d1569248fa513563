import type { MultiPolygon, Polygon } from 'geojson';
import type { Assignment, Band, BandStatus, Network, NetworkId, Practice, PracticeCode } from '../model';
import type { Tessellation } from '../geometry';

export interface NetworkSummary {
  readonly id: NetworkId;
  readonly name: string;
  /** Sum of member list sizes. */
  readonly population: number;
  readonly practiceCount: number;
  /** Member codes, sorted. */
  readonly practiceCodes: readonly PracticeCode[];
  /** Sites whose cells this network owns, ascending. */
  readonly sites: readonly number[];
  readonly areaKm2: number;
  readonly perimeterKm: number;
  /** Separate polygons of the footprint geometry; 0 = no footprint. */
  readonly parts: number;
  /**
   * The footprint is one polygon, not counting parts that are whole islands of the study area
   * holding no practice. False when there is no footprint.
   */
  readonly contiguous: boolean;
  /** 4 pi A / P^2, 0-1 (1 = a circle). */
  readonly polsbyPopper: number;
  readonly band: BandStatus;
  readonly geometry: Polygon | MultiPolygon | null;
}

export interface PlanInput {
  readonly practices: readonly Practice[];
  readonly networks: readonly Network[];
  readonly assignment: Assignment;
  readonly band: Band;
}

/** Co-located practices in different networks: the cell goes to one of them. */
export interface SharedSiteConflict {
  readonly site: number;
  readonly practiceCodes: readonly PracticeCode[];
  /** The networks present; the first owns the cell. */
  readonly networks: readonly NetworkId[];
}

export interface PlanResult {
  readonly input: PlanInput;
  readonly tessellation: Tessellation;
  readonly networks: ReadonlyMap<NetworkId, NetworkSummary>;
  /** Per site: index into input.networks of the network owning the cell, -1 none. */
  readonly siteOwner: Int32Array;
  /** Unassigned practices, in input order (also practices assigned to an unknown network id). */
  readonly unassigned: readonly PracticeCode[];
  readonly unassignedPopulation: number;
  readonly totalPopulation: number;
  readonly inBand: number;
  readonly outOfBand: readonly NetworkId[];
  /** Networks with a footprint that is not contiguous, in network order. */
  readonly nonContiguous: readonly NetworkId[];
  readonly sharedSiteConflicts: readonly SharedSiteConflict[];
  /** Networks recomputed by the step that produced this result (all of them for evaluatePlan). */
  readonly changed: readonly NetworkId[];
}
