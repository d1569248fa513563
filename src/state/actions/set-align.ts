import type { AlignDoc, PlanDoc } from '../types';
import { change, type Step } from './step';

/** The Align panel's layers or settings replaced (null removes them). */
export function setAlign(
  _doc: PlanDoc,
  { align, label }: { readonly align: AlignDoc | null; readonly label: string },
): Step {
  return change(label, { align });
}
