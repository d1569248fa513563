// The one store: the undoable plan document, its history, and UI state (mode, selection,
// basemap, problems). Every document change goes through `commit(patch)`, which records the
// inverse patch; a paint stroke or lasso collects its inverses into one step.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_BAND, networkId, type Band, type Network, type NetworkId, type PracticeCode } from '../core/model';
import { fixColourClashes } from './colours';
import { applyPatch, composeInverse, pushBounded } from './history';
import { colourFor } from './palette';
import type { AlignResult } from '../core/align';
import type {
  AlignDoc,
  BasemapChoice,
  LoadProblem,
  Mode,
  NetworkDef,
  Notice,
  Patch,
  PlanDoc,
  SourceKind,
} from './types';
import { MODES } from './types';
import { scenarioActions, type ScenarioActions, type ScenarioState } from './scenarios';
import type { DeprivationSource } from './deprivation';
import { FOOTPRINT_SOURCES, type FootprintSource, type SmallAreaSource } from './small-areas';

export interface PlannerState extends ScenarioState {
  readonly doc: PlanDoc;
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
}

export interface PlannerActions extends ScenarioActions {
  commit(patch: Patch): void;
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

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: on the allowlist in tests/unit/architecture/lint.test.ts
export function createPlannerStore(deps: StoreDeps = {}): PlannerStore {
  let fid = 0;
  let noticeId = 0;
  // biome-ignore lint/complexity/noExcessiveLinesPerFunction: on the allowlist in tests/unit/architecture/lint.test.ts
  return createStore<Planner>()((set, get) => {
    const networkById = (id: NetworkId) => get().doc.networks.find((n) => n.id === id);
    const isLocked = (id: NetworkId | undefined) => id !== undefined && networkById(id)?.locked === true;
    const freshId = (): NetworkId => {
      const used = new Set(get().doc.networks.map((n) => n.id as string));
      let k = get().doc.networks.length + 1;
      while (used.has(`N${k}`)) k++;
      return networkId(`N${k}`);
    };
    const newDef = (id: NetworkId, name: string, index: number): NetworkDef => ({
      id,
      name,
      colour: colourFor(index),
      locked: false,
      fid: ++fid,
    });
    const actions: Omit<PlannerActions, keyof ScenarioActions> = {
      commit(patch) {
        const s = get();
        let { doc, inverse } = applyPatch(s.doc, patch);
        // A change of membership may bring two networks of one colour together: recolour in the same step.
        const recoloured = 'assignment' in patch.set || 'practices' in patch.set ? fixColourClashes(doc) : null;
        if (recoloured)
          ({ doc, inverse } = applyPatch(s.doc, { label: patch.label, set: { ...patch.set, networks: recoloured } }));
        if (s.strokeActive) set({ doc, stroke: s.stroke ? composeInverse(s.stroke, inverse) : inverse, future: [] });
        else set({ doc, past: pushBounded(s.past, inverse), future: [] });
      },
      undo() {
        const s = get();
        if (s.strokeActive || s.past.length === 0) return;
        const inverse = s.past[s.past.length - 1];
        const { doc, inverse: redo } = applyPatch(s.doc, inverse);
        set({ doc, past: s.past.slice(0, -1), future: [...s.future, redo] });
      },
      redo() {
        const s = get();
        if (s.strokeActive || s.future.length === 0) return;
        const patch = s.future[s.future.length - 1];
        const { doc, inverse } = applyPatch(s.doc, patch);
        set({ doc, future: s.future.slice(0, -1), past: pushBounded(s.past, inverse) });
      },
      beginStroke() {
        if (!get().strokeActive) set({ strokeActive: true, stroke: null });
      },
      endStroke() {
        const s = get();
        if (!s.strokeActive) return;
        set({ strokeActive: false, stroke: null, past: s.stroke ? pushBounded(s.past, s.stroke) : s.past });
      },
      assignPractices(codes, id) {
        const { doc } = get();
        if (id !== null && !networkById(id)) return 0;
        if (id !== null && isLocked(id)) {
          actions.notify(`${networkById(id)!.name} is locked: unlock it to add practices.`, 'warning');
          return 0;
        }
        const next = new Map(doc.assignment);
        let changed = 0,
          skipped = 0;
        for (const code of codes) {
          const current = doc.assignment.get(code);
          if (current === (id ?? undefined)) continue;
          if (isLocked(current)) {
            skipped++;
            continue;
          }
          if (id === null) next.delete(code);
          else next.set(code, id);
          changed++;
        }
        if (skipped > 0)
          actions.notify(
            `${skipped} practice${skipped === 1 ? ' is' : 's are'} in a locked network and stayed there.`,
            'warning',
          );
        if (changed === 0) return 0;
        const label =
          id === null
            ? `Unassign ${changed} practice${changed === 1 ? '' : 's'}`
            : `Assign ${changed} to ${networkById(id)!.name}`;
        actions.commit({ label, set: { assignment: next } });
        return changed;
      },
      createNetwork(name) {
        const { doc } = get();
        const id = freshId();
        const def = newDef(id, name?.trim() || `Network ${id}`, doc.networks.length);
        actions.commit({ label: `Create ${def.name}`, set: { networks: [...doc.networks, def] } });
        set({ activeNetwork: id });
        return id;
      },
      createNetworkFrom(codes, name) {
        const { doc } = get();
        const free = codes.filter((c) => !isLocked(doc.assignment.get(c)));
        if (free.length === 0) {
          actions.notify('No practices inside the shape that could join a new network.', 'warning');
          return null;
        }
        const id = freshId();
        const def = newDef(id, name?.trim() || `Network ${id}`, doc.networks.length);
        const assignment = new Map(doc.assignment);
        for (const c of free) assignment.set(c, id);
        actions.commit({
          label: `Create ${def.name} from ${free.length} practices`,
          set: { networks: [...doc.networks, def], assignment },
        });
        set({ activeNetwork: id });
        return id;
      },
      renameNetwork(id, name) {
        const n = networkById(id);
        const clean = name.trim();
        if (!n || clean === '' || clean === n.name) return;
        actions.commit({
          label: `Rename ${n.name} to ${clean}`,
          set: { networks: get().doc.networks.map((x) => (x.id === id ? { ...x, name: clean } : x)) },
        });
      },
      recolourNetwork(id, colour) {
        const n = networkById(id);
        if (!n || n.colour === colour) return;
        actions.commit({
          label: `Recolour ${n.name}`,
          set: { networks: get().doc.networks.map((x) => (x.id === id ? { ...x, colour } : x)) },
        });
      },
      setLocked(id, locked) {
        const n = networkById(id);
        if (!n || n.locked === locked) return;
        actions.commit({
          label: `${locked ? 'Lock' : 'Unlock'} ${n.name}`,
          set: { networks: get().doc.networks.map((x) => (x.id === id ? { ...x, locked } : x)) },
        });
      },
      deleteNetwork(id) {
        const n = networkById(id);
        if (!n) return;
        if (n.locked) {
          actions.notify(`${n.name} is locked: unlock it before deleting.`, 'warning');
          return;
        }
        const { doc } = get();
        const assignment = new Map([...doc.assignment].filter(([, v]) => v !== id));
        actions.commit({
          label: `Delete ${n.name}`,
          set: { networks: doc.networks.filter((x) => x.id !== id), assignment },
        });
        if (get().activeNetwork === id) set({ activeNetwork: null });
      },
      mergeNetworks(into, from) {
        const a = networkById(into),
          b = networkById(from);
        if (!a || !b || into === from) return;
        if (a.locked || b.locked) {
          actions.notify('Unlock both networks before merging them.', 'warning');
          return;
        }
        const { doc } = get();
        const assignment = new Map([...doc.assignment].map(([c, v]) => [c, v === from ? into : v] as const));
        actions.commit({
          label: `Merge ${b.name} into ${a.name}`,
          set: { networks: doc.networks.filter((x) => x.id !== from), assignment },
        });
        if (get().activeNetwork === from) set({ activeNetwork: into });
      },
      setBand(band) {
        if (!(band.min >= 0 && band.max >= band.min)) return;
        const cur = get().doc.band;
        if (cur.min === band.min && cur.max === band.max) return;
        actions.commit({
          label: `Band ${band.min.toLocaleString('en-GB')}-${band.max.toLocaleString('en-GB')}`,
          set: { band },
        });
      },
      applyAssignment(assignment, networks, label) {
        const { doc } = get();
        const existing = new Map(doc.networks.map((n) => [n.id, n]));
        const defs = networks.map((n, i) => {
          const old = existing.get(n.id);
          return old ? { ...old, name: n.name } : newDef(n.id, n.name, doc.networks.length + i);
        });
        actions.commit({ label, set: { networks: defs, assignment: new Map(assignment) } });
      },
      replaceDoc(doc, label) {
        actions.commit({ label, set: { ...doc } });
        // A new document starts with no painting network (the user picks one) and no problems
        // from files that are no longer part of the plan.
        set({ selectedPractice: null, hoveredPractice: null, activeNetwork: null, problems: [] });
      },
      newPlan() {
        actions.replaceDoc(EMPTY_DOC, 'New plan');
      },
      setMode(mode) {
        set({ mode });
      },
      setActiveNetwork(id) {
        set({ activeNetwork: id });
      },
      selectPractice(code) {
        set({ selectedPractice: code });
      },
      hoverPractice(code) {
        if (get().hoveredPractice !== code) set({ hoveredPractice: code });
      },
      setBasemap(choice) {
        set({ basemap: choice });
        deps.prefs?.setItem(BASEMAP_KEY, JSON.stringify(choice));
      },
      reportBasemapFailure(message) {
        if (get().basemap.kind === 'offline') return;
        set({ basemap: { kind: 'offline' } });
        actions.notify(
          `The online basemap could not be loaded (${message}); showing the offline basemap instead.`,
          'warning',
        );
      },
      reportProblem(problem) {
        set({ problems: [problem, ...get().problems].slice(0, 20) });
      },
      dropProblems(kind) {
        const kept = get().problems.filter((p) => p.kind !== kind);
        if (kept.length !== get().problems.length) set({ problems: kept });
      },
      dismissProblem(index) {
        set({ problems: get().problems.filter((_, i) => i !== index) });
      },
      notify(text, tone = 'info') {
        const id = ++noticeId;
        set({ notices: [...get().notices.filter((n) => n.text !== text), { id, text, tone }].slice(-5) });
        // Information and warnings fade by themselves; errors stay until dismissed.
        if (tone !== 'error') setTimeout(() => actions.dismissNotice(id), tone === 'info' ? 6000 : 15000);
        return id;
      },
      dismissNotice(id) {
        set({ notices: get().notices.filter((n) => n.id !== id) });
      },
      setBusy(busy) {
        set({ busy });
      },
      setAlign(align, label) {
        actions.commit({ label, set: { align } });
      },
      setAlignment(alignment) {
        set({ alignment });
      },
      setShowAligned(showAligned) {
        set({ showAligned });
      },
      nextFid() {
        return ++fid;
      },
      setSmallAreas(source) {
        set(source ? { smallAreas: source } : { smallAreas: null, footprintSource: FOOTPRINT_SOURCES.cells });
      },
      setFootprintSource(source) {
        if (source === FOOTPRINT_SOURCES.smallAreas && !get().smallAreas) return;
        set({ footprintSource: source });
      },
      setDeprivation(deprivation) {
        set({ deprivation });
      },
      setShowDeprivationLayer(showDeprivationLayer) {
        set({ showDeprivationLayer });
      },
    };
    return {
      doc: EMPTY_DOC,
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
      alignment: null,
      showAligned: false,
      ...actions,
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
