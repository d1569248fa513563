// The networks GeoJSON schema (issue 2 §4), shared by the writer and the reader.
import type { MultiPolygon, Polygon } from 'geojson';
import type { BandStatus, NetworkId, PracticeCode } from '../model';

/** Properties of one network Feature, in the order they are written. */
export interface NetworkProperties {
  readonly network_id: string;
  readonly network_name: string;
  /** Sum of member list sizes. */
  readonly population: number;
  readonly practice_count: number;
  /** Member codes, sorted, joined by ";". */
  readonly practice_codes: string;
  /** Footprint area, km2, 4 decimals. */
  readonly area_km2: number;
  /** Polygons in the footprint geometry; 0 = no footprint. */
  readonly parts: number;
  /** One polygon, not counting whole islands of the study area that hold no practice. */
  readonly contiguous: boolean;
  /** 4 pi area / perimeter^2, 0-1, 4 decimals. */
  readonly polsby_popper: number;
  readonly band: BandStatus;
  readonly band_min: number;
  readonly band_max: number;
  /** Footprints from small areas only: the number of small areas in the footprint. */
  readonly small_area_count?: number;
  /** With registrations: patients of the network's practices living inside its footprint. */
  readonly resident_patients?: number;
  /** With registrations: resident_patients over those practices' patients with a known LSOA, 0-1, 4 decimals. */
  readonly resident_share?: number | null;
}

/**
 * What the writer needs of a network; the plan's NetworkSummary has all of it (structural, so
 * io does not depend on plan).
 */
export interface NetworkSummaryInput {
  readonly id: NetworkId;
  readonly name: string;
  readonly population: number;
  readonly practiceCount: number;
  readonly practiceCodes: readonly PracticeCode[];
  readonly areaKm2: number;
  readonly parts: number;
  readonly contiguous: boolean;
  readonly polsbyPopper: number;
  readonly geometry: Polygon | MultiPolygon | null;
  /** Present for footprints from small areas (see NetworkProperties). */
  readonly smallAreaCount?: number;
  readonly residentPatients?: number | null;
  readonly residentShare?: number | null;
}

/** One network as read back from a networks GeoJSON file. */
export interface NetworkRecord extends NetworkSummaryInput {
  readonly practiceCodes: PracticeCode[];
  readonly band: BandStatus;
}

/** Decimal places written for coordinates, area and compactness. */
export const COORDINATE_DECIMALS = 6;
export const MEASURE_DECIMALS = 4;
