// The store's document actions: each runs a pure action from ../actions on the current document,
// shows its warnings and commits its patch; here only what is not part of the document (the
// network being painted, the selection) is decided.
import * as act from '../actions';
import type { Step } from '../actions/step';
import type { PlannerActions, PlannerState } from '../store';
import type { Notice, Patch } from '../types';

export type PlanActions = Pick<
  PlannerActions,
  | 'assignPractices'
  | 'createNetwork'
  | 'createNetworkFrom'
  | 'renameNetwork'
  | 'recolourNetwork'
  | 'setLocked'
  | 'deleteNetwork'
  | 'mergeNetworks'
  | 'setBand'
  | 'applyAssignment'
  | 'addPractices'
  | 'setBoundary'
  | 'loadAssignment'
  | 'replaceDoc'
  | 'setAlign'
>;

export interface PlanHost {
  readonly set: (partial: Partial<PlannerState>) => void;
  readonly get: () => PlannerState;
  readonly commit: (patch: Patch) => void;
  readonly notify: (text: string, tone?: Notice['tone']) => number;
  readonly nextFid: () => number;
}

export function planActions({ set, get, commit, notify, nextFid }: PlanHost): PlanActions {
  const run = <S extends Step>(step: S): S => {
    for (const w of step.warnings) notify(w, 'warning');
    if (step.patch) commit(step.patch);
    return step;
  };
  return {
    assignPractices: (codes, id) => run(act.assignPractices(get().doc, { codes, id })).changed,
    createNetwork(name) {
      const { id } = run(act.createNetwork(get().doc, { name, nextFid }));
      set({ activeNetwork: id });
      return id;
    },
    createNetworkFrom(codes, name) {
      const { id } = run(act.createNetworkFrom(get().doc, { codes, name, nextFid }));
      if (id) set({ activeNetwork: id });
      return id;
    },
    renameNetwork: (id, name) => void run(act.renameNetwork(get().doc, { id, name })),
    recolourNetwork: (id, colour) => void run(act.recolourNetwork(get().doc, { id, colour })),
    setLocked: (id, locked) => void run(act.setLocked(get().doc, { id, locked })),
    deleteNetwork(id) {
      if (run(act.deleteNetwork(get().doc, { id })).patch && get().activeNetwork === id) set({ activeNetwork: null });
    },
    mergeNetworks(into, from) {
      if (run(act.mergeNetworks(get().doc, { into, from })).patch && get().activeNetwork === from)
        set({ activeNetwork: into });
    },
    setBand: (band) => void run(act.setBand(get().doc, { band })),
    applyAssignment: (assignment, networks, label) =>
      void run(act.applyAssignment(get().doc, { assignment, networks, label, nextFid })),
    addPractices: (args) => void run(act.addPractices(get().doc, { ...args, nextFid })),
    setBoundary: (boundary, source) => void run(act.setBoundary(get().doc, { boundary, source })),
    loadAssignment: (args) => void run(act.loadAssignment(get().doc, { ...args, nextFid })),
    replaceDoc(next, label) {
      run(act.replaceDoc(get().doc, { next, label }));
      // A new document starts with no painting network (the user picks one) and no problems
      // from files that are no longer part of the plan, nor small-area files it was made with.
      set({
        selectedPractice: null,
        hoveredPractice: null,
        activeNetwork: null,
        problems: [],
        unopenedSmallAreas: null,
      });
    },
    setAlign: (align, label) => void run(act.setAlign(get().doc, { align, label })),
  };
}
