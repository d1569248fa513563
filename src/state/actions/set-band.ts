import type { Band } from '../../core/model';
import type { PlanDoc } from '../types';
import { change, NO_CHANGE, type Step } from './step';

/** Sets the population band; an invalid band (negative, or max below min) changes nothing. */
export function setBand(doc: PlanDoc, { band }: { readonly band: Band }): Step {
  if (!(band.min >= 0 && band.max >= band.min)) return NO_CHANGE;
  if (doc.band.min === band.min && doc.band.max === band.max) return NO_CHANGE;
  return change(`Band ${band.min.toLocaleString('en-GB')}-${band.max.toLocaleString('en-GB')}`, { band });
}
