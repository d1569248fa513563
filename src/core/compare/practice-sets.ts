// Two plans can only be compared over the same practices. A plan source says which practices it
// covers: an assignment CSV or a plan file lists every practice (complete), a networks GeoJSON
// only those in a network (partial: its unassigned practices are not known).
import type { Issue, Practice } from '../model';

export interface PlanCoverage {
  /** How the user names the plan, e.g. "before.csv". */
  readonly label: string;
  readonly codes: readonly string[];
  readonly complete: boolean;
}

const MAX_LISTED = 8;
const list = (codes: readonly string[]) =>
  `${codes.slice(0, MAX_LISTED).join(', ')}${codes.length > MAX_LISTED ? ` and ${codes.length - MAX_LISTED} more` : ''}`;
const practicesText = (n: number) => `${n} practice${n === 1 ? '' : 's'}`;
const error = (file: string, message: string): Issue => ({
  severity: 'error',
  code: 'practiceSet',
  file,
  message: `${file}: ${message}`,
});

/**
 * Errors when a plan names practices missing from the practice table, or when the two plans
 * cover different practices (each side's extra practices listed). Example:
 * `practiceSetIssues(practices, { label: 'a.csv', codes: ['P1', 'P2'], complete: true },
 * { label: 'b.csv', codes: ['P1'], complete: true })` -> one error naming P2 as only in a.csv.
 */
export function practiceSetIssues(
  practices: readonly Practice[],
  a: PlanCoverage,
  b: PlanCoverage,
  practicesLabel: string,
): Issue[] {
  const known = new Set<string>(practices.map((p) => p.code));
  const issues: Issue[] = [];
  for (const plan of [a, b]) {
    const unknown = plan.codes.filter((c) => !known.has(c));
    if (unknown.length)
      issues.push(
        error(
          plan.label,
          `${practicesText(unknown.length)} not in ${practicesLabel} (${list(unknown)}); compare plans of the practices in --practices`,
        ),
      );
  }
  const setA = new Set(a.codes),
    setB = new Set(b.codes);
  const onlyA = b.complete ? a.codes.filter((c) => known.has(c) && !setB.has(c)) : [];
  const onlyB = a.complete ? b.codes.filter((c) => known.has(c) && !setA.has(c)) : [];
  if (onlyA.length || onlyB.length) {
    const parts = [
      onlyA.length ? `only in ${a.label}: ${practicesText(onlyA.length)} (${list(onlyA)})` : '',
      onlyB.length ? `only in ${b.label}: ${practicesText(onlyB.length)} (${list(onlyB)})` : '',
    ].filter(Boolean);
    issues.push(
      error(
        `${a.label} and ${b.label}`.replace(/^(.*) and \1$/, '$1'),
        `the plans cover different practices: ${parts.join('; ')}`,
      ),
    );
  }
  return issues;
}
