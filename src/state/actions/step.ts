// What a document action decides, without touching the store: the change to make and what to tell
// the planner. The store notifies the warnings, then commits the patch (one undo step).
import type { Patch, PlanDoc } from '../types';

export interface Step {
  /** The change to the document, or null when the action changes nothing. */
  readonly patch: Patch | null;
  /** Warnings for the planner (a locked network, an empty selection), shown before the patch is committed. */
  readonly warnings: readonly string[];
}

export const NO_CHANGE: Step = { patch: null, warnings: [] };

export const warning = (text: string): Step => ({ patch: null, warnings: [text] });

export const change = (label: string, set: Partial<PlanDoc>): Step => ({ patch: { label, set }, warnings: [] });
