import type { MultiPolygon, Polygon } from 'geojson';
import type { BandStatus, NetworkId, PracticeCode } from '../model';

/** One practice whose network differs between the two plans (null = unassigned). */
export interface PracticeChange {
  readonly practiceCode: PracticeCode;
  readonly practiceName: string;
  readonly population: number;
  readonly from: NetworkId | null;
  readonly to: NetworkId | null;
}

export const NETWORK_FATE = { kept: 'kept', new: 'new', dissolved: 'dissolved' } as const;
/** kept: the id is in both plans; new: only in the after plan; dissolved: only in the before plan. */
export type NetworkFate = (typeof NETWORK_FATE)[keyof typeof NETWORK_FATE];

/** One network id of either plan, before and after. Fields of the plan it is missing from are 0 / null. */
export interface NetworkChange {
  readonly id: NetworkId;
  /** The after plan's name when the id is there, else the before plan's. */
  readonly name: string;
  /** The before plan's name when it differs from `name` (a rename keeps the id, so it is the same network). */
  readonly renamedFrom: string | null;
  readonly fate: NetworkFate;
  readonly populationBefore: number;
  readonly populationAfter: number;
  readonly practicesBefore: number;
  readonly practicesAfter: number;
  readonly areaKm2Before: number;
  readonly areaKm2After: number;
  /** Area of the cells it gained plus the area of the cells it lost, km2. */
  readonly areaChangedKm2: number;
  readonly areaGainedKm2: number;
  readonly areaLostKm2: number;
  readonly bandBefore: BandStatus | null;
  readonly bandAfter: BandStatus | null;
  /** Practices that joined it / left it, in practice order. */
  readonly practicesIn: readonly PracticeCode[];
  readonly practicesOut: readonly PracticeCode[];
  /** Cells it owns after but not before (WGS84), null when none. */
  readonly gained: Polygon | MultiPolygon | null;
  /** Cells it owned before but not after (WGS84), null when none. */
  readonly lost: Polygon | MultiPolygon | null;
}

export interface PlanComparison {
  /** Practices whose network differs, in practice order. */
  readonly changes: readonly PracticeChange[];
  /** Every network id of either plan: the before plan's order, then ids new in the after plan. */
  readonly networks: readonly NetworkChange[];
  readonly newNetworks: readonly NetworkId[];
  readonly dissolvedNetworks: readonly NetworkId[];
  readonly renamedNetworks: readonly NetworkId[];
  /** Networks whose population or footprint changed (kept ids only). */
  readonly changedNetworks: readonly NetworkId[];
  readonly populationMoved: number;
}
