// The warning for practices far from the rest when there is no boundary (the study area is then
// the practices' hull, which leaves them out rather than growing to millions of km2 around them).
import { farPoints } from '../geometry/far-points';
import type { Issue, Practice } from '../model';
import { IssueLog } from './issues';
import { formatWhole } from './values';

const km = (metres: number) => `${formatWhole(metres / 1000)} km`;

/**
 * One warning per far practice, e.g. `p.csv (Z999): practice Z999 (Zero) at 0, 0 is 5,861 km from
 * the middle of the practices (90% are within 12 km) and outside the UK; with no boundary it is
 * left out of the study area: fix its coordinates or give a boundary`.
 */
export function farPracticeWarnings(practices: readonly Practice[], fileName: string): Issue[] {
  const { far, typicalMetres } = farPoints(practices);
  const log = new IssueLog(fileName);
  for (const f of far) {
    const p = practices[f.index];
    const where = f.outsideUk ? ' and outside the UK, unlike the others' : '';
    log.warning(
      'farPractice',
      { practiceCode: p.code },
      `practice ${p.code} (${p.name}) at ${p.lon}, ${p.lat} is ${km(f.distanceMetres)} from the middle of the practices (90% are within ${km(typicalMetres)})${where}; with no boundary it is left out of the study area: fix its coordinates or give a boundary`,
    );
  }
  return log.warnings();
}
