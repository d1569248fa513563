// Warnings that need practices, boundary and assignment together.
import type { Assignment, Boundary, Issue, Practice } from '../model';
import { IssueLog } from './issues';
import { practicesOutsideBoundary } from './practices-outside-boundary';

/**
 * Practices outside the boundary (when there is one) and practices with no network in
 * `assignment`, one warning each, capped ("…and N more").
 */
export function practiceWarnings(
  practices: readonly Practice[],
  boundary: Boundary | null,
  assignment: Assignment,
  fileName = 'practices',
): Issue[] {
  const log = new IssueLog(fileName);
  for (const p of practices) {
    if (!assignment.has(p.code)) {
      log.warning('noNetwork', { practiceCode: p.code }, `practice ${p.code} (${p.name}) has no network`);
    }
  }
  const outside = boundary ? practicesOutsideBoundary(practices, boundary, fileName) : [];
  return [...outside, ...log.warnings()];
}
