// The undo history: `commit` applies a patch and records its inverse (a paint stroke or lasso
// collects its inverses into one step). Only the store's named actions reach `commit`.
import { fixColourClashes } from '../colours';
import { applyPatch, composeInverse, pushBounded } from '../history';
import type { PlannerActions, PlannerState } from '../store';
import type { Patch } from '../types';

type HistoryActions = Pick<PlannerActions, 'undo' | 'redo' | 'beginStroke' | 'endStroke'>;

export function historySlice(
  set: (partial: Partial<PlannerState>) => void,
  get: () => PlannerState,
): { commit: (patch: Patch) => void; actions: HistoryActions } {
  const commit = (patch: Patch) => {
    const s = get();
    let { doc, inverse } = applyPatch(s.doc, patch);
    // A change of membership may bring two networks of one colour together: recolour in the same step.
    const recoloured = 'assignment' in patch.set || 'practices' in patch.set ? fixColourClashes(doc, s) : null;
    if (recoloured)
      ({ doc, inverse } = applyPatch(s.doc, { label: patch.label, set: { ...patch.set, networks: recoloured } }));
    if (s.strokeActive) set({ doc, stroke: s.stroke ? composeInverse(s.stroke, inverse) : inverse, future: [] });
    else set({ doc, past: pushBounded(s.past, inverse), future: [] });
  };
  const actions: HistoryActions = {
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
  };
  return { commit, actions };
}
