import type { PlanSource } from '../core/io';
import type { Assignment, Band, Boundary, Issue, NetworkId, Practice } from '../core/model';

/** A network as the planner keeps it: the core's Network plus how it is shown and edited. */
export interface NetworkDef {
  readonly id: NetworkId;
  readonly name: string;
  /** CSS colour, from a colour-blind-safe palette unless the planner picked one. */
  readonly colour: string;
  /** Locked networks cannot gain or lose practices by painting, lasso or auto-cluster. */
  readonly locked: boolean;
  /** Stable numeric id for map features (footprints), never reused within a session. */
  readonly fid: number;
}

/** The undoable document: everything a plan file holds. */
export interface PlanDoc {
  readonly practices: readonly Practice[];
  readonly boundary: Boundary | null;
  readonly networks: readonly NetworkDef[];
  readonly assignment: Assignment;
  readonly band: Band;
  /** The files the plan was built from, for the header and exports: exactly the current ones. */
  readonly sources: readonly SourceFile[];
  /** Community-service layers of the Align panel and whether to compare them (saved in the plan file). */
  readonly align?: AlignDoc | null;
}

/** A community-service layer as loaded: its file text (parsed again on use) and the area name field. */
export interface ServiceLayerDoc {
  readonly fileName: string;
  readonly text: string;
  /** null: the field the parser picks. */
  readonly field: string | null;
}

export interface AlignDoc {
  readonly layers: readonly ServiceLayerDoc[];
  readonly active: number;
  /** Home share below which a network counts as split. */
  readonly threshold: number;
  /** The comparison is shown and re-run whenever the plan changes. */
  readonly compared: boolean;
}

/** A file of the plan (the plan file's PlanSource); `demo` marks the synthetic demo region. */
export type SourceFile = PlanSource;
export type SourceKind = PlanSource['kind'];

export const MODES = {
  select: 'select',
  paint: 'paint',
  lasso: 'lasso',
  draw: 'draw',
  unassign: 'unassign',
} as const;
export type Mode = (typeof MODES)[keyof typeof MODES];

export type BasemapChoice =
  | { readonly kind: 'offline' }
  | { readonly kind: 'osm' }
  | { readonly kind: 'custom'; readonly url: string };

/** A change to the document plus the practices whose network it changes. */
export interface Patch {
  readonly label: string;
  readonly set: Partial<PlanDoc>;
}

export interface Notice {
  readonly id: number;
  readonly text: string;
  readonly tone: 'info' | 'warning' | 'error';
}

export interface LoadProblem {
  readonly title: string;
  readonly issues: readonly Issue[];
  /** Which file of the plan the problem is about; replacing that file drops the problem. */
  readonly kind?: SourceKind;
}

/** A named version of the plan ("Current 2022", "Proposal A") with its own undo history. */
export interface ScenarioSlot {
  /** Stable within a session; never reused. */
  readonly id: number;
  readonly name: string;
  /** For the open scenario the live copies are the store's doc / past / future. */
  readonly doc: PlanDoc;
  readonly past: readonly Patch[];
  readonly future: readonly Patch[];
}
