// Derived values, memoised on the identity of what they depend on: never stored, never computed
// in render. The plan follows edits incrementally through the core's updatePlan.
import { buildTessellation, type Tessellation } from '../core/geometry';
import { boundaryContains, farPracticeWarnings, issueCount, practicesOutsideBoundary } from '../core/io';
import type { Assignment, Boundary, Issue, Practice, PracticeCode } from '../core/model';
import { evaluatePlan, updatePlan, type PlanInput, type PlanResult } from '../core/plan';
import { memoSlot, type WithMemo } from './memo';
import { FOOTPRINT_SOURCES, selectSmallAreaPlan, withSmallAreaFootprints } from './small-areas';
import type { PlannerState } from './store';

/** What the document's selectors read: the document and the store's memo. */
type DocState = Pick<PlannerState, 'doc' | 'memo'>;

/** A tessellation and the last plan evaluated over it, for one (practices, boundary) pair. */
interface DerivedEntry {
  readonly practices: PlannerState['doc']['practices'];
  readonly boundary: PlannerState['doc']['boundary'];
  readonly t: Tessellation;
  plan: PlanResult | null;
}

/** The last few pairs, newest first: undoing a new boundary or practice file needs no rebuild. */
const DERIVED_KEPT = 3;
const derivedMemo = memoSlot<DerivedEntry[]>('tessellations');

function derivedEntry(s: DocState): DerivedEntry {
  const { practices, boundary } = s.doc;
  const derived = derivedMemo.get(s) ?? [];
  const first = derived[0];
  if (first && first.practices === practices && first.boundary === boundary) return first;
  const entry = derived.find((m) => m.practices === practices && m.boundary === boundary) ?? {
    practices,
    boundary,
    t: buildTessellation(practices, boundary),
    plan: null,
  };
  derivedMemo.set(s, [entry, ...derived.filter((m) => m !== entry)].slice(0, DERIVED_KEPT));
  return entry;
}

export function selectTessellation(s: DocState): Tessellation {
  return derivedEntry(s).t;
}

const inputMemo = memoSlot<PlanInput>('plan input');

const sameInput = (a: PlanInput, b: PlanInput) =>
  a.practices === b.practices && a.networks === b.networks && a.assignment === b.assignment && a.band === b.band;

function planInput(s: DocState): PlanInput {
  const m = inputMemo.get(s);
  if (m && sameInput(m, s.doc)) return m;
  const { practices, networks, assignment, band } = s.doc;
  return inputMemo.set(s, { practices, networks, assignment, band });
}

/**
 * Takes a plan evaluated elsewhere (the import worker) for `plan.input` over `boundary`, so that
 * a document holding exactly those objects is shown without building or evaluating anything here.
 */
export function adoptPlan(store: WithMemo, boundary: PlannerState['doc']['boundary'], plan: PlanResult): void {
  const { practices } = plan.input;
  const entry: DerivedEntry = { practices, boundary, t: plan.tessellation, plan };
  const derived = derivedMemo.get(store) ?? [];
  derivedMemo.set(
    store,
    [entry, ...derived.filter((m) => m.practices !== practices || m.boundary !== boundary)].slice(0, DERIVED_KEPT),
  );
  inputMemo.set(store, plan.input);
}

/** Assignments made from another by moving known practices, with those practices. */
const assignmentEdits = new WeakMap<
  Assignment,
  { readonly from: Assignment; readonly codes: readonly PracticeCode[] }
>();

/**
 * Records that `to` is `from` with exactly the practices `codes` moved (a paint click), so the
 * plan's update need not compare two national assignments entry by entry.
 */
export function noteAssignmentEdit(from: Assignment, to: Assignment, codes: readonly PracticeCode[]): void {
  assignmentEdits.set(to, { from, codes: [...new Set(codes)] });
}

/** Practices whose network differs between two assignments. */
export function changedPractices(a: Assignment, b: Assignment): PracticeCode[] {
  if (a === b) return [];
  const edit = assignmentEdits.get(b);
  if (edit?.from === a) return [...edit.codes];
  const out: PracticeCode[] = [];
  for (const [code, id] of a) if (b.get(code) !== id) out.push(code);
  for (const code of b.keys()) if (!a.has(code)) out.push(code);
  return out;
}

/** The plan with footprints from practice cells, whatever the footprint source shown (colours follow it). */
export function selectCellPlan(s: DocState): PlanResult {
  const entry = derivedEntry(s);
  const input = planInput(s);
  const prev = entry.plan;
  if (prev && sameInput(prev.input, input)) return prev;
  entry.plan = prev
    ? updatePlan(prev, input, changedPractices(prev.input.assignment, input.assignment))
    : evaluatePlan(input, entry.t);
  return entry.plan;
}

const shownMemo = memoSlot<PlanResult>('shown plan');

/** The plan the app shows: footprints from practice cells, or from small areas when chosen and opened. */
export function selectPlan(s: DocState & Partial<Pick<PlannerState, 'smallAreas' | 'footprintSource'>>): PlanResult {
  const cells = selectCellPlan(s);
  if (s.footprintSource !== FOOTPRINT_SOURCES.smallAreas || !s.smallAreas) return shownMemo.set(s, cells);
  const before = shownMemo.get(s);
  const areas = selectSmallAreaPlan(s, cells.input, s.smallAreas, (from) =>
    changedPractices(from, cells.input.assignment),
  );
  return shownMemo.set(s, withSmallAreaFootprints(s, cells, areas, before));
}

export interface PlanSummaryFigures {
  readonly practices: number;
  readonly assigned: number;
  readonly networks: number;
  readonly inBand: number;
  readonly nonContiguous: number;
  readonly unassignedPopulation: number;
  readonly totalPopulation: number;
}

export function summaryFigures(plan: PlanResult): PlanSummaryFigures {
  return {
    practices: plan.input.practices.length,
    assigned: plan.input.practices.length - plan.unassigned.length,
    networks: plan.networks.size,
    inBand: plan.inBand,
    nonContiguous: plan.nonContiguous.length,
    unassignedPopulation: plan.unassignedPopulation,
    totalPopulation: plan.totalPopulation,
  };
}

export interface PlanChecks {
  /** Practices lying outside the boundary (all of them; `issues` lists the first few by name). */
  readonly outside: number;
  readonly issues: readonly Issue[];
  /** e.g. "3 practices lie outside the boundary". */
  readonly title: string;
}

const NO_CHECKS: PlanChecks = { outside: 0, issues: [], title: '' };
const practicesLie = (n: number) => `${n} practice${n === 1 ? ' lies' : 's lie'}`;
const checksMemo = memoSlot<{ practices: unknown; boundary: unknown; sources: unknown; checks: PlanChecks }>(
  'plan checks',
);

const outsideMemo = memoSlot<{ practices: unknown; boundary: unknown; outside: readonly Practice[] }>(
  'practices outside the boundary',
);

/** The practices lying outside the boundary (found here, or by the import worker: adoptOutside). */
function practicesOutside(s: DocState, practices: readonly Practice[], boundary: Boundary): readonly Practice[] {
  const m = outsideMemo.get(s);
  if (m && m.practices === practices && m.boundary === boundary) return m.outside;
  const contains = boundaryContains(boundary);
  const outside = practices.filter((p) => !contains(p.lon, p.lat));
  return outsideMemo.set(s, { practices, boundary, outside }).outside;
}

/** Takes the practices found outside `boundary` elsewhere (the import worker), by index into `practices`. */
export function adoptOutside(
  store: WithMemo,
  practices: readonly Practice[],
  boundary: Boundary,
  outside: ArrayLike<number>,
): void {
  outsideMemo.set(store, { practices, boundary, outside: Array.from(outside, (i) => practices[i]) });
}

/**
 * Checks of the current plan, re-run whenever its practices or boundary change (never left over
 * from an earlier file): practices lying outside the boundary.
 */
export function selectPlanChecks(s: DocState): PlanChecks {
  const { practices, boundary, sources } = s.doc;
  const m = checksMemo.get(s);
  if (m && m.practices === practices && m.boundary === boundary && m.sources === sources) return m.checks;
  let checks = NO_CHECKS;
  const file = sources.find((f) => f.kind === 'practices')?.name ?? 'practices';
  if (boundary) {
    const outside = practicesOutside(s, practices, boundary);
    const title = `${practicesLie(outside.length)} outside the boundary`;
    checks =
      outside.length === 0
        ? NO_CHECKS
        : { outside: outside.length, issues: practicesOutsideBoundary(outside, boundary, file), title };
  } else {
    // Without a boundary the study area is the practices' hull, which leaves far-off ones out.
    const issues = farPracticeWarnings(practices, file);
    const n = issueCount(issues);
    checks =
      n === 0
        ? NO_CHECKS
        : { outside: n, issues, title: `${practicesLie(n)} far from the rest, outside the study area` };
  }
  return checksMemo.set(s, { practices, boundary, sources, checks }).checks;
}
