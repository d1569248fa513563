import type { Boundary } from '../../core/model';
import type { PlanDoc, SourceFile } from '../types';
import { change, type Step } from './step';

/** Replaces the plan's boundary with the one read from `source`. */
export function setBoundary(
  doc: PlanDoc,
  { boundary, source }: { readonly boundary: Boundary; readonly source: SourceFile },
): Step {
  return change(`Load boundary ${source.name}`, {
    boundary,
    sources: [...doc.sources.filter((f) => f.kind !== 'boundary'), source],
  });
}
