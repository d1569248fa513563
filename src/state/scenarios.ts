// Scenarios: several named plans in one document, each with its own undo history. The open
// scenario lives in the store's doc / past / future (so every other action works unchanged);
// switching parks those in its slot and loads the other's.
import type { ReferenceLayer } from '../core/io';
import type { NetworkId, Network, PracticeCode } from '../core/model';
import { colourFor } from './palette';
import type { PlanDoc, ScenarioSlot } from './types';

export interface ScenarioState {
  readonly scenarios: readonly ScenarioSlot[];
  readonly activeScenario: number;
  /** Scenario the open one is compared with (the "before"), or null. */
  readonly compareWith: number | null;
  readonly reference: ReferenceLayer | null;
}

export type ScenarioSource =
  | { readonly kind: 'blank' }
  | { readonly kind: 'duplicate' }
  | {
      readonly kind: 'assignment';
      readonly assignment: ReadonlyMap<PracticeCode, NetworkId>;
      readonly networks: readonly Network[];
    };

export interface ScenarioActions {
  /** Creates a scenario and opens it; returns its id. */
  createScenario(source: ScenarioSource, name?: string): number;
  renameScenario(id: number, name: string): boolean;
  deleteScenario(id: number): void;
  switchScenario(id: number): void;
  setCompareWith(id: number | null): void;
  setReference(layer: ReferenceLayer | null): void;
  /**
   * Replaces every scenario with `list` and opens the `active`-th. Without `label` (restoring the
   * autosave) every history starts empty; with it (opening a plan file) the open scenario takes
   * the new document as one undoable step named `label`.
   */
  replaceScenarios(
    list: readonly { name: string; doc: PlanDoc }[],
    active: number,
    reference: ReferenceLayer | null,
    label?: string,
  ): void;
}

/** The store fields scenario actions set. */
interface HostState extends ScenarioState {
  readonly doc: PlanDoc;
  readonly past: ScenarioSlot['past'];
  readonly future: ScenarioSlot['future'];
  readonly selectedPractice: PracticeCode | null;
  readonly hoveredPractice: PracticeCode | null;
  readonly activeNetwork: NetworkId | null;
}

interface Host extends HostState {
  readonly strokeActive: boolean;
  notify(text: string, tone?: 'info' | 'warning' | 'error'): unknown;
  nextFid(): number;
  replaceDoc(doc: PlanDoc, label: string): void;
}

/** Every scenario with the open one's live document and history. */
export function liveScenarios(
  s: Pick<Host, 'scenarios' | 'activeScenario' | 'doc' | 'past' | 'future'>,
): ScenarioSlot[] {
  return s.scenarios.map((x) => (x.id === s.activeScenario ? { ...x, doc: s.doc, past: s.past, future: s.future } : x));
}

/** `base`, or `base 2`, `base 3`... whichever no scenario has. */
function uniqueName(scenarios: readonly ScenarioSlot[], base: string, except?: number): string {
  const taken = new Set(scenarios.filter((x) => x.id !== except).map((x) => x.name));
  if (!taken.has(base)) return base;
  let k = 2;
  while (taken.has(`${base} ${k}`)) k++;
  return `${base} ${k}`;
}

export function scenarioActions(set: (partial: Partial<HostState>) => void, get: () => Host): ScenarioActions {
  let nextId = 1;
  const newId = () => {
    const used = get().scenarios.map((x) => x.id);
    nextId = Math.max(nextId, ...used) + 1;
    return nextId;
  };
  const docFor = (source: ScenarioSource): PlanDoc => {
    const { doc } = get();
    if (source.kind === 'duplicate') return doc;
    const kept = new Map(doc.networks.map((n) => [n.id, n.colour]));
    const networks =
      source.kind === 'blank'
        ? []
        : source.networks.map((n, i) => ({
            id: n.id,
            name: n.name,
            colour: kept.get(n.id) ?? colourFor(i),
            locked: false,
            fid: get().nextFid(),
          }));
    return { ...doc, networks, assignment: source.kind === 'blank' ? new Map() : new Map(source.assignment) };
  };
  const open = (target: ScenarioSlot, scenarios: readonly ScenarioSlot[], compareWith: number | null) => {
    set({
      scenarios,
      activeScenario: target.id,
      doc: target.doc,
      past: target.past,
      future: target.future,
      compareWith,
      selectedPractice: null,
      hoveredPractice: null,
      activeNetwork: target.doc.networks[0]?.id ?? null,
    });
  };
  const actions: ScenarioActions = {
    createScenario(source, name) {
      const s = get();
      if (s.strokeActive) return s.activeScenario;
      const current = s.scenarios.find((x) => x.id === s.activeScenario);
      const base =
        name?.trim() ||
        (source.kind === 'duplicate'
          ? `${current?.name ?? 'Scenario'} copy`
          : source.kind === 'blank'
            ? 'Blank scenario'
            : 'Proposal');
      const slot: ScenarioSlot = {
        id: newId(),
        name: uniqueName(s.scenarios, base),
        doc: docFor(source),
        past: [],
        future: [],
      };
      open(slot, [...liveScenarios(s), slot], s.compareWith ?? s.activeScenario);
      return slot.id;
    },
    renameScenario(id, name) {
      const s = get();
      const clean = name.trim();
      if (clean === '' || !s.scenarios.some((x) => x.id === id)) return false;
      if (s.scenarios.some((x) => x.id !== id && x.name === clean)) {
        s.notify(`Another scenario is already called "${clean}".`, 'warning');
        return false;
      }
      set({ scenarios: s.scenarios.map((x) => (x.id === id ? { ...x, name: clean } : x)) });
      return true;
    },
    deleteScenario(id) {
      const s = get();
      if (s.scenarios.length <= 1 || s.strokeActive) return;
      const rest = liveScenarios(s).filter((x) => x.id !== id);
      const compareWith = s.compareWith === id ? null : s.compareWith;
      if (id === s.activeScenario) open(rest[0], rest, compareWith === rest[0].id ? null : compareWith);
      else set({ scenarios: rest, compareWith });
    },
    switchScenario(id) {
      const s = get();
      const target = s.scenarios.find((x) => x.id === id);
      if (!target || id === s.activeScenario || s.strokeActive) return;
      // Opening the scenario compared with swaps the pair, so the comparison stays in view.
      open(target, liveScenarios(s), s.compareWith === id ? s.activeScenario : s.compareWith);
    },
    setCompareWith(id) {
      const s = get();
      set({ compareWith: id !== null && id !== s.activeScenario && s.scenarios.some((x) => x.id === id) ? id : null });
    },
    setReference(layer) {
      set({ reference: layer });
    },
    replaceScenarios(list, active, reference, label) {
      if (list.length === 0 || get().strokeActive) return;
      const opened = Math.min(active, list.length - 1);
      if (label === undefined) {
        const slots = list.map((x) => ({ id: newId(), name: x.name, doc: x.doc, past: [], future: [] }));
        open(slots[opened], slots, null);
      } else {
        const s = get();
        const kept = s.scenarios.find((x) => x.id === s.activeScenario)!;
        s.replaceDoc(list[opened].doc, label);
        const others = list
          .filter((_, i) => i !== opened)
          .map((x) => ({ id: newId(), name: x.name, doc: x.doc, past: [], future: [] }));
        set({ scenarios: [{ ...kept, name: list[opened].name }, ...others] });
      }
      set({ reference, compareWith: null });
    },
  };
  return actions;
}
