// The one store: the undoable plan document, its history, and UI state (mode, selection,
// basemap, problems). Every document change is a named action: a pure function in ./actions
// decides the patch, and the history (slices/history.ts) commits it and records its inverse.
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  DEFAULT_BAND,
  type Band,
  type Boundary,
  type Network,
  type NetworkId,
  type Practice,
  type PracticeCode,
} from '../core/model';
import { Memo } from './memo';
import { historySlice } from './slices/history';
import { planActions } from './slices/plan-actions';
import { viewActions } from './slices/view-actions';
import type { AlignResult } from '../core/align';
import type { SmallAreaRecord } from '../core/io';
import type {
  AlignDoc,
  BasemapChoice,
  LoadProblem,
  Mode,
  Notice,
  Patch,
  PlanDoc,
  SourceFile,
  SourceKind,
} from './types';
import { MODES } from './types';
import { scenarioActions, type ScenarioActions, type ScenarioState } from './scenarios';
import type { DeprivationSource } from './deprivation';
import { FOOTPRINT_SOURCES, type FootprintSource, type SmallAreaSource } from './small-areas';

export interface PlannerState extends ScenarioState {
  readonly doc: PlanDoc;
  /** This store's memoised selector results (see memo.ts); made with the store, never replaced. */
  readonly memo: Memo;
  readonly past: readonly Patch[];
  readonly future: readonly Patch[];
  /** Inverse of everything done since beginStroke, or null outside a stroke. */
  readonly stroke: Patch | null;
  readonly strokeActive: boolean;
  readonly mode: Mode;
  readonly activeNetwork: NetworkId | null;
  readonly selectedPractice: PracticeCode | null;
  readonly hoveredPractice: PracticeCode | null;
  readonly basemap: BasemapChoice;
  readonly problems: readonly LoadProblem[];
  readonly notices: readonly Notice[];
  /** The Align panel's comparison of the plan's service layer with the networks (derived; see align.ts). */
  readonly alignment: { readonly result: AlignResult | null; readonly messages: readonly string[] } | null;
  /** Show the service areas as aligned to the networks rather than as loaded. */
  readonly showAligned: boolean;
  /** A long job (large import) under way, for the progress bar. */
  readonly busy: { readonly label: string; readonly fraction: number | null } | null;
  /** Small-area layer and registrations opened in the Small areas tab (not undoable: inputs, not edits). */
  readonly smallAreas: SmallAreaSource | null;
  /** Whether footprints are unions of practice cells or of small areas. */
  readonly footprintSource: FootprintSource;
  /** Deprivation (IMD) by small area opened in the Small areas tab, for the population health figures. */
  readonly deprivation: DeprivationSource | null;
  /** Shade the small areas by IMD decile on the map (needs the small-area layer and a deprivation table). */
  readonly showDeprivationLayer: boolean;
  /**
   * The small-area files the restored or opened plan was made with while they are not open (no copy in
   * this browser, or being reopened): kept in the autosave and plan file until files are opened.
   */
  readonly unopenedSmallAreas: SmallAreaRecord | null;
}

export interface PlannerActions extends ScenarioActions {
  undo(): void;
  redo(): void;
  beginStroke(): void;
  endStroke(): void;
  assignPractices(codes: readonly PracticeCode[], id: NetworkId | null): number;
  createNetwork(name?: string): NetworkId;
  createNetworkFrom(codes: readonly PracticeCode[], name?: string): NetworkId | null;
  renameNetwork(id: NetworkId, name: string): void;
  recolourNetwork(id: NetworkId, colour: string): void;
  setLocked(id: NetworkId, locked: boolean): void;
  deleteNetwork(id: NetworkId): void;
  mergeNetworks(into: NetworkId, from: NetworkId): void;
  setBand(band: Band): void;
  applyAssignment(assignment: ReadonlyMap<PracticeCode, NetworkId>, networks: readonly Network[], label: string): void;
  /** Adds a practices file's practices (replacing any with the same code) and new networks. */
  addPractices(args: {
    readonly practices: readonly Practice[];
    readonly networks: readonly Network[];
    readonly assignment: ReadonlyMap<PracticeCode, NetworkId>;
    readonly source: SourceFile;
  }): void;
  setBoundary(boundary: Boundary, source: SourceFile): void;
  /** The networks and assignment of an assignment file. */
  loadAssignment(args: {
    readonly assignment: ReadonlyMap<PracticeCode, NetworkId>;
    readonly networks: readonly Network[];
    readonly fileName: string;
  }): void;
  replaceDoc(doc: PlanDoc, label: string): void;
  newPlan(): void;
  setMode(mode: Mode): void;
  setActiveNetwork(id: NetworkId | null): void;
  selectPractice(code: PracticeCode | null): void;
  hoverPractice(code: PracticeCode | null): void;
  setBasemap(choice: BasemapChoice): void;
  reportBasemapFailure(message: string): void;
  reportProblem(problem: LoadProblem): void;
  /** Forgets the problems about one file of the plan (it was replaced). */
  dropProblems(kind: SourceKind): void;
  dismissProblem(index: number): void;
  /** Shows a notice (the same text again replaces the older one) and returns its id. */
  notify(text: string, tone?: Notice['tone']): number;
  dismissNotice(id: number): void;
  setBusy(busy: PlannerState['busy']): void;
  /** Changes the Align panel's layers or settings as one undoable step (null removes them). */
  setAlign(align: AlignDoc | null, label: string): void;
  setAlignment(alignment: PlannerState['alignment']): void;
  setShowAligned(show: boolean): void;
  nextFid(): number;
  setSmallAreas(source: SmallAreaSource | null): void;
  setFootprintSource(source: FootprintSource): void;
  setDeprivation(source: DeprivationSource | null): void;
  setShowDeprivationLayer(show: boolean): void;
  setUnopenedSmallAreas(record: SmallAreaRecord | null): void;
}

export type Planner = PlannerState & PlannerActions;
export type PlannerStore = StoreApi<Planner>;

export const EMPTY_DOC: PlanDoc = {
  practices: [],
  boundary: null,
  networks: [],
  assignment: new Map(),
  band: DEFAULT_BAND,
  sources: [],
};

export interface StoreDeps {
  /** Where the basemap choice is remembered (localStorage in the app). */
  readonly prefs?: Pick<Storage, 'getItem' | 'setItem'>;
}

const BASEMAP_KEY = 'pcn-planner:basemap';

export function createPlannerStore(deps: StoreDeps = {}): PlannerStore {
  let fid = 0;
  return createStore<Planner>()((set, get) => {
    const nextFid = () => ++fid;
    const history = historySlice(set, get);
    const view = viewActions(set, get, (choice) => deps.prefs?.setItem(BASEMAP_KEY, JSON.stringify(choice)));
    const plan = planActions({ set, get, commit: history.commit, notify: view.notify, nextFid });
    return {
      doc: EMPTY_DOC,
      memo: new Memo(),
      scenarios: [{ id: 1, name: 'Current', doc: EMPTY_DOC, past: [], future: [] }],
      activeScenario: 1,
      compareWith: null,
      reference: null,
      ...scenarioActions(set, get),
      past: [],
      future: [],
      stroke: null,
      strokeActive: false,
      mode: MODES.select,
      activeNetwork: null,
      selectedPractice: null,
      hoveredPractice: null,
      basemap: readBasemap(deps.prefs),
      problems: [],
      notices: [],
      busy: null,
      smallAreas: null,
      footprintSource: FOOTPRINT_SOURCES.cells,
      deprivation: null,
      showDeprivationLayer: false,
      unopenedSmallAreas: null,
      alignment: null,
      showAligned: false,
      ...history.actions,
      ...plan,
      ...view,
      newPlan: () => plan.replaceDoc(EMPTY_DOC, 'New plan'),
      nextFid,
    };
  });
}

function readBasemap(prefs: StoreDeps['prefs']): BasemapChoice {
  try {
    const raw = prefs?.getItem(BASEMAP_KEY);
    const v = raw ? (JSON.parse(raw) as BasemapChoice) : null;
    if (v && (v.kind === 'offline' || v.kind === 'osm' || (v.kind === 'custom' && typeof v.url === 'string'))) return v;
  } catch {
    // An unreadable preference falls back to the offline basemap.
  }
  return { kind: 'offline' };
}
