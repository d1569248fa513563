// A plan named on the command line: an assignment CSV, a networks GeoJSON written by this
// project, or a plan file (one of its scenarios). Read against the practice table of --practices.
import type { PlanCoverage } from '../core/compare';
import { parseAssignment, parseNetworksGeoJSON, parsePlanFile, PLAN_FORMAT } from '../core/io';
import type { Assignment, Band, Issue, Network, Practice, Result } from '../core/model';

export interface PlanSource {
  readonly assignment: Assignment;
  readonly networks: readonly Network[];
  /** The band the file records (networks GeoJSON, plan file), null for a CSV. */
  readonly band: Band | null;
  readonly coverage: PlanCoverage;
  /** e.g. "plan.json, scenario Proposal A" or "before.csv". */
  readonly label: string;
  readonly kind: 'assignment CSV' | 'networks GeoJSON' | 'plan file';
}

const fail = (file: string, message: string): Result<never> => ({
  ok: false,
  errors: [{ severity: 'error', code: 'planFile', file, message: `${file}: ${message}` }],
  warnings: [],
});

function fromPlanFile(text: string, fileName: string, scenario: string | undefined): Result<PlanSource> {
  const r = parsePlanFile(text, fileName);
  if (!r.ok) return r;
  const { scenarios, active } = r.value;
  const s = scenario === undefined ? scenarios[active] : scenarios.find((x) => x.name === scenario);
  if (!s)
    return fail(
      fileName,
      `has no scenario named "${scenario}" (scenarios: ${scenarios.map((x) => `"${x.name}"`).join(', ')})`,
    );
  return {
    ok: true,
    warnings: r.warnings,
    value: {
      assignment: s.assignment,
      networks: s.networks.map((n) => ({ id: n.id, name: n.name })),
      band: s.band,
      coverage: { label: `${fileName} (scenario ${s.name})`, codes: s.practices.map((p) => p.code), complete: true },
      label: `${fileName}, scenario ${s.name}`,
      kind: 'plan file',
    },
  };
}

/**
 * Example: `readPlanSource(text, 'after.csv', practices)` reads an assignment CSV; with
 * `scenario` a plan file's scenario of that name (default: the one that was open).
 */
export function readPlanSource(
  text: string,
  fileName: string,
  practices: readonly Practice[],
  scenario?: string,
): Result<PlanSource> {
  const head = text.slice(0, 4000).trimStart();
  if (head.startsWith('{') && new RegExp(`"format"\\s*:\\s*"${PLAN_FORMAT}"`).test(head))
    return fromPlanFile(text, fileName, scenario);
  if (scenario !== undefined)
    return fail(fileName, 'is not a plan file, so it has no scenarios (drop the --*-scenario option)');
  if (head.startsWith('{')) {
    const r = parseNetworksGeoJSON(text, fileName);
    if (!r.ok) return r;
    const codes = [...r.value.assignment.keys()];
    return {
      ok: true,
      warnings: r.warnings,
      value: {
        assignment: r.value.assignment,
        networks: r.value.networks.map((n) => ({ id: n.id, name: n.name })),
        band: r.value.band,
        coverage: { label: fileName, codes, complete: false },
        label: fileName,
        kind: 'networks GeoJSON',
      },
    };
  }
  const r = parseAssignment(text, fileName, practices);
  if (!r.ok) return r;
  // Unknown practices are reported by the practice-set check, with both plans in view (past 20
  // unknown rows, their "…and N more" line still shows here), and so are practices the file leaves out.
  const warnings: Issue[] = r.warnings.filter(
    (w) => w.code !== 'noNetwork' && !(w.code === 'rowUnknownPractice' && w.omitted === undefined),
  );
  return {
    ok: true,
    warnings,
    value: {
      assignment: r.value.assignment,
      networks: r.value.networks,
      band: null,
      coverage: { label: fileName, codes: r.value.listed, complete: true },
      label: fileName,
      kind: 'assignment CSV',
    },
  };
}
