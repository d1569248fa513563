// Loading files into the plan. Each loader validates with the core parsers first; on any error
// the document stays exactly as it was and the problems are listed for the user.
import {
  assignmentFromTable,
  issueCount,
  parseAssignment,
  parseBoundary,
  parsePractices,
  readPracticeHeaders,
  type FieldNames,
  type PracticeHeaders,
  type PracticeTable,
  type SmallAreaRecord,
} from '../core/io';
import type { Band, Boundary, Issue, Result } from '../core/model';
import type { Network } from '../core/model';
import { unpackPlan, type PackedPlan, type PlanInput, type PlanResult } from '../core/plan';
import { markColoursChecked } from './colours';
import { parsePlan, smallAreaRecordNotice } from './plan-file';
import { colourFor } from './palette';
import { adoptOutside, adoptPlan } from './selectors';
import { EMPTY_DOC, type PlannerStore } from './store';
import type { NetworkDef, PlanDoc, SourceFile, SourceKind } from './types';

export type LoadOutcome =
  | { readonly kind: 'loaded' }
  | { readonly kind: 'failed' }
  /** The user chose not to open it after all. */
  | { readonly kind: 'cancelled' }
  /** The practice file's fields could not all be found: ask the user which columns to use. */
  | { readonly kind: 'needs-fields'; readonly headers: PracticeHeaders };

function fail(
  store: PlannerStore,
  fileName: string,
  errors: readonly Issue[],
  warnings: readonly Issue[] = [],
): LoadOutcome {
  const count = issueCount(errors);
  store.getState().reportProblem({
    title: `${fileName} was not loaded (${count} error${count === 1 ? '' : 's'}); the plan is unchanged`,
    issues: [...errors, ...warnings],
  });
  return { kind: 'failed' };
}

function warn(store: PlannerStore, fileName: string, kind: SourceKind, warnings: readonly Issue[]) {
  const count = issueCount(warnings);
  if (count > 0)
    store.getState().reportProblem({
      title: `${fileName} loaded with ${count} warning${count === 1 ? '' : 's'}`,
      issues: warnings,
      kind,
    });
}

/** The demo region's files: opening any real file starts a new plan instead of mixing with them. */
export const isDemoPlan = (doc: PlanDoc) => doc.sources.some((f) => f.demo === true);

/** Whether opening practices should ask "new plan or add to this one": only over real practices. */
export const practicesNeedChoice = (doc: PlanDoc) => doc.practices.length > 0 && !isDemoPlan(doc);

/** How opened practices meet the plan already open: a new plan (the default) or added to it. */
export type PracticesMode = 'new' | 'add';

export interface LoadOptions {
  readonly fields?: FieldNames;
  readonly mode?: PracticesMode;
  /** Marks the files as the synthetic demo region. */
  readonly demo?: boolean;
  /** The plan the file starts, evaluated ahead in the import worker (packed, or rebuilt by unpackPractices). */
  readonly prepared?: PreparedPractices | UnpackedPractices;
}

/** A new plan's tessellation and evaluation from the import worker, with the boundary and band it assumed. */
export interface PreparedPractices {
  readonly plan: PackedPlan;
  readonly boundary: Boundary | null;
  readonly band: Band;
  /** The networks' colours with neighbours kept apart (the import worker's; null: work them out here). */
  readonly colours?: readonly string[] | null;
}

/** A prepared plan rebuilt over the objects the new document will hold (see unpackPractices). */
export interface UnpackedPractices {
  readonly table: PracticeTable;
  readonly plan: PlanResult;
  readonly boundary: Boundary | null;
  readonly band: Band;
  readonly defs: NetworkDef[];
  readonly networks: readonly Network[];
  readonly assignment: PlanInput['assignment'];
  readonly coloursChecked: boolean;
}

/** The plan under a new boundary, evaluated ahead in the import worker from `input` (the document's objects). */
export interface PreparedBoundary {
  /** Packed as it came from the worker, or already rebuilt over `input` with unpackPlan. */
  readonly plan: PackedPlan | PlanResult;
  readonly input: PlanInput;
  /** Indices of `input.practices` lying outside the boundary, found with the plan. */
  readonly outside?: ArrayLike<number> | null;
}

const isPacked = (plan: PackedPlan | PlanResult): plan is PackedPlan => 'summaries' in plan;

/** The networks of a new plan: palette colours (or the ones worked out ahead) and new fids. */
function newDefs(store: PlannerStore, networks: readonly Network[], colours?: readonly string[] | null): NetworkDef[] {
  const s = store.getState();
  return networks.map((n, i) => ({
    id: n.id,
    name: n.name,
    colour: colours?.[i] ?? colourFor(i),
    locked: false,
    fid: s.nextFid(),
  }));
}

/**
 * The import worker's plan rebuilt over the objects a new plan from `table` will hold: the slower
 * half of opening a large file, so that the app can commit it in a later task (applyPracticesResult
 * with the result as `prepared`).
 */
export function unpackPractices(
  store: PlannerStore,
  table: PracticeTable,
  prepared: PreparedPractices,
): UnpackedPractices {
  const { assignment, networks } = assignmentFromTable(table);
  const defs = newDefs(store, networks, prepared.colours);
  const plan = unpackPlan(prepared.plan, {
    practices: table.practices,
    networks: defs,
    assignment,
    band: prepared.band,
  });
  const { boundary, band } = prepared;
  return { table, plan, boundary, band, defs, networks, assignment, coloursChecked: Boolean(prepared.colours) };
}

/** Parse (here or in the import worker) and then apply with applyPracticesResult. */
export function loadPracticesText(
  store: PlannerStore,
  text: string,
  fileName: string,
  options: LoadOptions = {},
): LoadOutcome {
  return (
    checkPracticeFields(store, text, fileName, options.fields) ??
    applyPracticesResult(store, parsePractices(text, fileName, { fields: options.fields }), fileName, options)
  );
}

/** Before parsing: a failed outcome for an unreadable file, needs-fields when columns are missing, else null. */
function checkPracticeFields(
  store: PlannerStore,
  text: string,
  fileName: string,
  fields?: FieldNames,
): LoadOutcome | null {
  return fields ? null : checkPracticeHeaders(store, readPracticeHeaders(text, fileName), fileName);
}

/** A failed outcome for an unreadable header, needs-fields when columns are missing, else null. */
export function checkPracticeHeaders(
  store: PlannerStore,
  headers: Result<PracticeHeaders>,
  fileName: string,
): LoadOutcome | null {
  if (!headers.ok) return fail(store, fileName, headers.errors);
  if (headers.value.fields.missing.length > 0) return { kind: 'needs-fields', headers: headers.value };
  return null;
}

/**
 * Practices start a new plan (no boundary: the practices' hull until one is opened) unless the
 * user chose to add them to the current plan; the demo region is always replaced, never added to.
 */
export function applyPracticesResult(
  store: PlannerStore,
  result: Result<PracticeTable>,
  fileName: string,
  options: LoadOptions = {},
): LoadOutcome {
  if (!result.ok) return fail(store, fileName, result.errors, result.warnings);
  const s = store.getState();
  const add = options.mode === 'add' && practicesNeedChoice(s.doc);
  const ahead = add ? undefined : options.prepared;
  const unpacked = !ahead
    ? null
    : 'table' in ahead
      ? ahead.table === result.value
        ? ahead
        : null
      : unpackPractices(store, result.value, ahead);
  const { assignment, networks } = unpacked ?? assignmentFromTable(result.value);
  const source: SourceFile = options.demo
    ? { kind: 'practices', name: fileName, demo: true }
    : { kind: 'practices', name: fileName };
  if (!add) {
    // A boundary opened before any practices belongs to this plan (unless demo and real would mix).
    const keepBoundary = s.doc.practices.length === 0 && isDemoPlan(s.doc) === (options.demo === true);
    const boundary = keepBoundary ? s.doc.boundary : null;
    const { band } = s.doc;
    // Evaluated ahead for this boundary and band: shown as it is, in the colours worked out with it
    // (anything else is evaluated and coloured here).
    const adopt = unpacked !== null && unpacked.boundary === boundary && unpacked.band === band;
    if (adopt) {
      adoptPlan(s, boundary, unpacked.plan);
      if (unpacked.coloursChecked) markColoursChecked(s, unpacked.plan);
    }
    const defs = adopt
      ? unpacked.defs
      : (unpacked?.defs.map((d, i) => ({ ...d, colour: colourFor(i) })) ?? newDefs(store, networks));
    s.replaceDoc(
      {
        ...EMPTY_DOC,
        band,
        boundary,
        sources: keepBoundary ? [...s.doc.sources, source] : [source],
        practices: result.value.practices,
        networks: defs,
        assignment,
      },
      `Open ${fileName}`,
    );
  } else {
    s.addPractices({ practices: result.value.practices, networks, assignment, source });
  }
  warn(store, fileName, 'practices', result.warnings);
  return { kind: 'loaded' };
}

/** A boundary replaces the plan's boundary (and its warnings); over the demo it starts a new plan. */
export function loadBoundaryText(
  store: PlannerStore,
  text: string,
  fileName: string,
  options: Pick<LoadOptions, 'demo'> = {},
): LoadOutcome {
  return applyBoundaryResult(store, parseBoundary(text, fileName), fileName, options);
}

/** The boundary as parsed (here or in the import worker), with the plan under it when evaluated ahead. */
export function applyBoundaryResult(
  store: PlannerStore,
  r: Result<Boundary>,
  fileName: string,
  options: Pick<LoadOptions, 'demo'> & { readonly prepared?: PreparedBoundary } = {},
): LoadOutcome {
  if (!r.ok) return fail(store, fileName, r.errors, r.warnings);
  const s = store.getState();
  const source: SourceFile = options.demo
    ? { kind: 'boundary', name: fileName, demo: true }
    : { kind: 'boundary', name: fileName };
  if (isDemoPlan(s.doc) && !options.demo) {
    s.replaceDoc({ ...EMPTY_DOC, band: s.doc.band, boundary: r.value, sources: [source] }, `Open ${fileName}`);
  } else {
    const { doc } = s;
    const ahead = options.prepared;
    // Evaluated ahead from exactly this document's practices, networks, assignment and band.
    if (
      ahead &&
      ahead.input.practices === doc.practices &&
      ahead.input.networks === doc.networks &&
      ahead.input.assignment === doc.assignment &&
      ahead.input.band === doc.band
    ) {
      adoptPlan(s, r.value, isPacked(ahead.plan) ? unpackPlan(ahead.plan, ahead.input) : ahead.plan);
      if (ahead.outside) adoptOutside(s, ahead.input.practices, r.value, ahead.outside);
    }
    s.setBoundary(r.value, source);
    s.dropProblems('boundary');
  }
  warn(store, fileName, 'boundary', r.warnings);
  return { kind: 'loaded' };
}

export function loadAssignmentText(store: PlannerStore, text: string, fileName: string): LoadOutcome {
  const s = store.getState();
  if (s.doc.practices.length === 0) {
    return fail(store, fileName, [
      {
        severity: 'error',
        code: 'loadOrder',
        file: fileName,
        message: `${fileName}: load practices before an assignment`,
      },
    ]);
  }
  const r = parseAssignment(text, fileName, s.doc.practices);
  if (!r.ok) return fail(store, fileName, r.errors, r.warnings);
  s.loadAssignment({ assignment: r.value.assignment, networks: r.value.networks, fileName });
  s.dropProblems('assignment');
  warn(store, fileName, 'assignment', r.warnings);
  return { kind: 'loaded' };
}

/**
 * Opens a plan file. Its record of small-area files goes to `onSmallAreas` (to reopen them) when
 * given, else the planner is told which files to open again.
 */
export function openPlanText(
  store: PlannerStore,
  text: string,
  fileName: string,
  onSmallAreas?: (record: SmallAreaRecord) => void,
): LoadOutcome {
  const s = store.getState();
  const r = parsePlan(text, fileName, s.nextFid);
  if (!r.ok) return fail(store, fileName, r.errors, r.warnings);
  s.replaceScenarios(r.value.scenarios, r.value.active, r.value.reference, `Open ${fileName}`);
  warn(store, fileName, 'plan', r.warnings);
  const record = r.value.smallAreas;
  if (record && onSmallAreas) onSmallAreas(record);
  else if (record) s.notify(smallAreaRecordNotice(fileName, record));
  return { kind: 'loaded' };
}

/** Picks the loader from the file's name and content: plan file, boundary, assignment or practices. */
export function sniffKind(text: string, fileName: string): 'plan' | 'boundary' | 'assignment' | 'practices' {
  const head = text.slice(0, 4000);
  if (/"format"\s*:\s*"pcn-planner-plan"/.test(head)) return 'plan';
  if (/"type"\s*:\s*"(Multi)?Polygon"/.test(head) && !/"type"\s*:\s*"Point"/.test(head)) return 'boundary';
  const firstLine = head.split(/\r?\n/)[0].toLowerCase();
  if (
    !/\.(geo)?json$/i.test(fileName) &&
    /network_id|pcn_code/.test(firstLine) &&
    !/(lat|lon|longitude|latitude)/.test(firstLine)
  )
    return 'assignment';
  return 'practices';
}
