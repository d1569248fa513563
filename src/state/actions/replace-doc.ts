import type { PlanDoc } from '../types';
import { change, type Step } from './step';

/** The whole document replaced by `next` (a file opened, a new plan), as one undo step. */
export function replaceDoc(_doc: PlanDoc, { next, label }: { readonly next: PlanDoc; readonly label: string }): Step {
  return change(label, { ...next });
}
