// The open scenario against the one it is compared with: the core's comparePlans over one
// tessellation, memoised on the two documents. Scenarios over different practices or study
// areas cannot be compared; the reason is returned instead.
import { comparePlans, practiceSetIssues, type PlanComparison } from '../core/compare';
import type { PracticeCode, Result } from '../core/model';
import { evaluatePlan, type PlanResult } from '../core/plan';
import { memoSlot } from './memo';
import { selectCellPlan, selectTessellation } from './selectors';
import type { PlannerState } from './store';
import type { PlanDoc, ScenarioSlot } from './types';

export interface ScenarioComparisonValue {
  /** The scenario compared with ("before") and the open one ("after"). */
  readonly before: { readonly scenario: ScenarioSlot; readonly plan: PlanResult };
  readonly after: { readonly scenario: ScenarioSlot; readonly plan: PlanResult };
  readonly comparison: PlanComparison;
  /** Practices whose network differs, for the map. */
  readonly moved: ReadonlySet<PracticeCode>;
}

export type ScenarioComparison = Result<ScenarioComparisonValue>;

type CompareInput = Pick<PlannerState, 'doc' | 'scenarios' | 'activeScenario' | 'compareWith' | 'memo'>;

const otherMemo = memoSlot<{ doc: PlanDoc; plan: PlanResult }>('compared plan');
const resultMemo = memoSlot<{
  before: PlanResult;
  after: PlanResult;
  other: ScenarioSlot;
  active: ScenarioSlot;
  result: ScenarioComparison;
}>('comparison');

function sameSites(a: PlanDoc, b: PlanDoc): boolean {
  if (a.boundary !== b.boundary && JSON.stringify(a.boundary) !== JSON.stringify(b.boundary)) return false;
  if (a.practices === b.practices) return true;
  return (
    a.practices.length === b.practices.length &&
    a.practices.every((p, i) => {
      const q = b.practices[i];
      return p.code === q.code && p.lon === q.lon && p.lat === q.lat && p.listSize === q.listSize;
    })
  );
}

/** The comparison of the open scenario with `compareWith`, or null when none is chosen. */
export function selectComparison(s: CompareInput): ScenarioComparison | null {
  const other = s.compareWith === null ? undefined : s.scenarios.find((x) => x.id === s.compareWith);
  const active = s.scenarios.find((x) => x.id === s.activeScenario);
  if (!other || !active) return null;
  if (!sameSites(other.doc, s.doc)) {
    const issues = practiceSetIssues(
      [...other.doc.practices, ...s.doc.practices],
      { label: other.name, codes: other.doc.practices.map((p) => p.code), complete: true },
      { label: active.name, codes: s.doc.practices.map((p) => p.code), complete: true },
      'the practices',
    );
    const why = issues.length
      ? issues
      : [
          {
            severity: 'error' as const,
            code: 'practiceSet' as const,
            message: `${other.name} and ${active.name} have different practice details or study areas: load the same files in both to compare them`,
          },
        ];
    return { ok: false, errors: why, warnings: [] };
  }
  // Compared over practice cells, so areas gained and lost are exact to the cells in every view.
  const after = selectCellPlan(s);
  const t = selectTessellation(s);
  let o = otherMemo.get(s);
  if (!o || o.doc !== other.doc || o.plan.tessellation !== t) {
    const { networks, assignment, band } = other.doc;
    o = otherMemo.set(s, {
      doc: other.doc,
      plan: evaluatePlan({ practices: s.doc.practices, networks, assignment, band }, t),
    });
  }
  const before = o.plan;
  const m = resultMemo.get(s);
  if (m && m.before === before && m.after === after && m.other === other && m.active === active) return m.result;
  const comparison = comparePlans(before, after);
  const result: ScenarioComparison = {
    ok: true,
    value: {
      before: { scenario: other, plan: before },
      after: { scenario: { ...active, doc: s.doc }, plan: after },
      comparison,
      moved: new Set(comparison.changes.map((c) => c.practiceCode)),
    },
    warnings: [],
  };
  return resultMemo.set(s, { before, after, other, active, result }).result;
}
