// Loading files into the plan. Each loader validates with the core parsers first; on any error
// the document stays exactly as it was and the problems are listed for the user.
import { assignmentFromTable, issueCount, parseAssignment, parseBoundary, parsePractices, practicesOutsideBoundary, readPracticeHeaders, type FieldNames, type PracticeHeaders, type PracticeTable } from '../core/io';
import type { Issue, Result } from '../core/model';
import { parsePlan } from './plan-file';
import { colourFor } from './palette';
import type { PlannerStore } from './store';
import type { NetworkDef } from './types';

export type LoadOutcome =
  | { readonly kind: 'loaded' }
  | { readonly kind: 'failed' }
  /** The practice file's fields could not all be found: ask the user which columns to use. */
  | { readonly kind: 'needs-fields'; readonly headers: PracticeHeaders };

function fail(store: PlannerStore, fileName: string, errors: readonly Issue[], warnings: readonly Issue[] = []): LoadOutcome {
  const count = issueCount(errors);
  store.getState().reportProblem({ title: `${fileName} was not loaded (${count} error${count === 1 ? '' : 's'}); the plan is unchanged`, issues: [...errors, ...warnings] });
  return { kind: 'failed' };
}

function warn(store: PlannerStore, fileName: string, warnings: readonly Issue[]) {
  const count = issueCount(warnings);
  if (count > 0) store.getState().reportProblem({ title: `${fileName} loaded with ${count} warning${count === 1 ? '' : 's'}`, issues: warnings });
}

/** Parse (here or in the import worker) and then apply with applyPracticesResult. */
export function loadPracticesText(store: PlannerStore, text: string, fileName: string, fields?: FieldNames): LoadOutcome {
  return checkPracticeFields(store, text, fileName, fields) ?? applyPracticesResult(store, parsePractices(text, fileName, { fields }), fileName);
}

/** Before parsing: a failed outcome for an unreadable file, needs-fields when columns are missing, else null. */
export function checkPracticeFields(store: PlannerStore, text: string, fileName: string, fields?: FieldNames): LoadOutcome | null {
  if (fields) return null;
  const headers = readPracticeHeaders(text, fileName);
  if (!headers.ok) return fail(store, fileName, headers.errors);
  if (headers.value.fields.missing.length > 0) return { kind: 'needs-fields', headers: headers.value };
  return null;
}

export function applyPracticesResult(store: PlannerStore, result: Result<PracticeTable>, fileName: string): LoadOutcome {
  if (!result.ok) return fail(store, fileName, result.errors, result.warnings);
  const s = store.getState();
  const { assignment, networks } = assignmentFromTable(result.value);
  const defs: NetworkDef[] = networks.map((n, i) => ({ id: n.id, name: n.name, colour: colourFor(i), locked: false, fid: s.nextFid() }));
  const outside = s.doc.boundary ? practicesOutsideBoundary(result.value.practices, s.doc.boundary, fileName) : [];
  s.replaceDoc({ ...s.doc, practices: result.value.practices, networks: defs, assignment, sources: [fileName, ...s.doc.sources.filter((x) => x !== fileName)].slice(0, 4) }, `Load ${fileName}`);
  warn(store, fileName, [...result.warnings, ...outside]);
  return { kind: 'loaded' };
}

export function loadBoundaryText(store: PlannerStore, text: string, fileName: string): LoadOutcome {
  const r = parseBoundary(text, fileName);
  if (!r.ok) return fail(store, fileName, r.errors, r.warnings);
  const s = store.getState();
  s.commit({ label: `Load boundary ${fileName}`, set: { boundary: r.value, sources: [...s.doc.sources, fileName].slice(-4) } });
  const outside = practicesOutsideBoundary(s.doc.practices, r.value, fileName);
  warn(store, fileName, [...r.warnings, ...outside]);
  return { kind: 'loaded' };
}

export function loadAssignmentText(store: PlannerStore, text: string, fileName: string): LoadOutcome {
  const s = store.getState();
  if (s.doc.practices.length === 0) {
    return fail(store, fileName, [{ severity: 'error', file: fileName, message: `${fileName}: load practices before an assignment` }]);
  }
  const r = parseAssignment(text, fileName, s.doc.practices);
  if (!r.ok) return fail(store, fileName, r.errors, r.warnings);
  const previous = new Map(s.doc.networks.map((n) => [n.id, n]));
  const defs: NetworkDef[] = r.value.networks.map((n, i) => previous.get(n.id) ? { ...previous.get(n.id)!, name: n.name } : { id: n.id, name: n.name, colour: colourFor(i), locked: false, fid: s.nextFid() });
  s.commit({ label: `Load assignment ${fileName}`, set: { networks: defs, assignment: r.value.assignment } });
  warn(store, fileName, r.warnings);
  return { kind: 'loaded' };
}

export function openPlanText(store: PlannerStore, text: string, fileName: string): LoadOutcome {
  const s = store.getState();
  const r = parsePlan(text, fileName, s.nextFid);
  if (!r.ok) return fail(store, fileName, r.errors, r.warnings);
  s.replaceScenarios(r.value.scenarios, r.value.active, r.value.reference, `Open ${fileName}`);
  warn(store, fileName, r.warnings);
  return { kind: 'loaded' };
}

/** Picks the loader from the file's name and content: plan file, boundary, assignment or practices. */
export function sniffKind(text: string, fileName: string): 'plan' | 'boundary' | 'assignment' | 'practices' {
  const head = text.slice(0, 4000);
  if (/"format"\s*:\s*"pcn-planner-plan"/.test(head)) return 'plan';
  if (/"type"\s*:\s*"(Multi)?Polygon"/.test(head) && !/"type"\s*:\s*"Point"/.test(head)) return 'boundary';
  const firstLine = head.split(/\r?\n/)[0].toLowerCase();
  if (!/\.(geo)?json$/i.test(fileName) && /network_id|pcn_code/.test(firstLine) && !/(lat|lon|longitude|latitude)/.test(firstLine)) return 'assignment';
  return 'practices';
}
