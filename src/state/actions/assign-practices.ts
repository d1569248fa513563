import type { NetworkId, PracticeCode } from '../../core/model';
import type { PlanDoc } from '../types';
import { noteAssignmentEdit } from '../selectors';
import { isLocked, networkById } from './network-defs';
import { NO_CHANGE, type Step } from './step';

export interface AssignStep extends Step {
  /** How many practices change network. */
  readonly changed: number;
}

/**
 * Moves `codes` into network `id` (null: unassigns them). Practices in a locked network stay
 * where they are, with a warning; a locked target takes nobody.
 */
export function assignPractices(
  doc: PlanDoc,
  { codes, id }: { readonly codes: readonly PracticeCode[]; readonly id: NetworkId | null },
): AssignStep {
  const target = id === null ? undefined : networkById(doc, id);
  if (id !== null && !target) return { ...NO_CHANGE, changed: 0 };
  if (target?.locked) {
    return { patch: null, warnings: [`${target.name} is locked: unlock it to add practices.`], changed: 0 };
  }
  const next = new Map(doc.assignment);
  const moved: PracticeCode[] = [];
  let skipped = 0;
  for (const code of codes) {
    const current = doc.assignment.get(code);
    if (current === (id ?? undefined)) continue;
    if (isLocked(doc, current)) {
      skipped++;
      continue;
    }
    if (id === null) next.delete(code);
    else next.set(code, id);
    moved.push(code);
  }
  const changed = moved.length;
  const warnings =
    skipped > 0 ? [`${skipped} practice${skipped === 1 ? ' is' : 's are'} in a locked network and stayed there.`] : [];
  if (changed === 0) return { patch: null, warnings, changed: 0 };
  noteAssignmentEdit(doc.assignment, next, moved);
  const label = target
    ? `Assign ${changed} to ${target.name}`
    : `Unassign ${changed} practice${changed === 1 ? '' : 's'}`;
  return { patch: { label, set: { assignment: next } }, warnings, changed };
}
