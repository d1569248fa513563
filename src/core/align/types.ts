// Community-service alignment: the shared contract of the core, the CLI and the app panel.
import type { MultiPolygon, Polygon } from 'geojson';
import type { Boundary, NetworkId } from '../model';

/**
 * One community-service area (district nursing team, locality...). Structurally the same as the
 * auto-cluster's HardArea, so a loaded layer can be passed to clusterPlan as hard boundaries.
 */
export interface ServiceArea {
  readonly name: string;
  readonly geometry: Boundary;
}

export interface ServiceAreas {
  readonly fileName: string;
  /** The property that names each area. */
  readonly field: string;
  /** Properties with a non-empty text or number value in every feature: the choices for the field. */
  readonly candidateFields: readonly string[];
  /** In file order, one per feature. */
  readonly areas: readonly ServiceArea[];
}

/** A small area (e.g. an LSOA) with a resident population, used instead of list sizes per cell. */
export interface SmallArea {
  readonly geometry: Boundary;
  /** Residents, >= 0. */
  readonly population: number;
}

/** A network as the align core needs it: the networks GeoJSON schema or a plan's NetworkSummary. */
export interface AlignNetwork {
  readonly id: NetworkId;
  readonly name: string;
  readonly population: number;
  readonly geometry: Polygon | MultiPolygon | null;
}

/**
 * How population inside an overlap was estimated:
 * - cells: each practice's list size spread evenly over its Voronoi cell;
 * - footprints: each network's population spread evenly over its footprint (no practices given);
 * - small-areas: small-area populations (e.g. LSOA residents) spread evenly over each small area.
 */
export const APPORTION_METHOD = { cells: 'cells', footprints: 'footprints', smallAreas: 'small-areas' } as const;
export type ApportionMethod = (typeof APPORTION_METHOD)[keyof typeof APPORTION_METHOD];

/** The pseudo-area holding the parts of a network outside every service area. */
export const OUTSIDE_AREA = '(outside all service areas)';

export const DEFAULT_SPLIT_THRESHOLD = 0.95;

export interface AreaOverlap {
  /** Service area name, or OUTSIDE_AREA. */
  readonly serviceArea: string;
  readonly overlapAreaKm2: number;
  /** Of the network's footprint area, 0-1. */
  readonly areaShare: number;
  /** Of the network's population, 0-1. */
  readonly populationShare: number;
}

export interface NetworkAlignment {
  readonly id: NetworkId;
  readonly name: string;
  readonly population: number;
  readonly areaKm2: number;
  /** Every service area the network overlaps (area or population share > 0), largest population share first; the shares sum to 1. */
  readonly overlaps: readonly AreaOverlap[];
  readonly home: string;
  readonly homeShare: number;
  /** homeShare < threshold. */
  readonly split: boolean;
  /** Population outside the home area: what moves when the area is redrawn around the network. */
  readonly populationMoved: number;
}

export interface ServiceAreaAlignment {
  readonly name: string;
  /** Networks whose home this is, sorted. */
  readonly networkIds: readonly NetworkId[];
  /** Networks with all their population (share >= threshold) here. */
  readonly networksInside: readonly NetworkId[];
  /** Split networks with any population here. */
  readonly networksSplit: readonly NetworkId[];
  readonly populationBefore: number;
  readonly populationAfter: number;
  /** Of the area inside the study area. */
  readonly areaBeforeKm2: number;
  readonly areaAfterKm2: number;
  /** Area gained plus area lost. */
  readonly areaChangedKm2: number;
  /** Population gained plus population lost. */
  readonly populationChanged: number;
  /** The aligned area: the dissolved footprints of its networks; null when no network has it as home. */
  readonly geometry: Polygon | MultiPolygon | null;
}

export interface AlignResult {
  readonly method: ApportionMethod;
  readonly threshold: number;
  readonly networks: readonly NetworkAlignment[];
  readonly serviceAreas: readonly ServiceAreaAlignment[];
  readonly studyAreaKm2: number;
  readonly splitCount: number;
  /** Sum over networks of the population outside their home area. */
  readonly populationChangingHands: number;
  /** Sum over networks of the footprint area outside their home area. */
  readonly areaChangingHandsKm2: number;
}
