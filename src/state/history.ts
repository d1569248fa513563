// Undo/redo as inverse patches: applying a patch returns the patch that undoes it. Bounded.
import type { Patch, PlanDoc } from './types';

export const HISTORY_LIMIT = 200;

export function applyPatch(doc: PlanDoc, patch: Patch): { doc: PlanDoc; inverse: Patch } {
  const before: Record<string, unknown> = {};
  for (const key of Object.keys(patch.set) as (keyof PlanDoc)[]) before[key] = doc[key];
  return { doc: { ...doc, ...patch.set }, inverse: { label: patch.label, set: before as Partial<PlanDoc> } };
}

/** Two consecutive inverses as one: undoing `later` then `earlier` equals undoing this. */
export function composeInverse(earlier: Patch, later: Patch): Patch {
  return { label: earlier.label, set: { ...later.set, ...earlier.set } };
}

export function pushBounded<T>(stack: readonly T[], item: T): T[] {
  const next = [...stack, item];
  return next.length > HISTORY_LIMIT ? next.slice(next.length - HISTORY_LIMIT) : next;
}
