// From picked or dropped files to the store: read (with progress), recognise the kind, open large
// practice files and boundaries in the import worker (which also builds the tessellation and
// evaluates the plan, so the main thread never blocks on them), and ask for field names when they
// cannot be detected.
import type { FieldNames, ParsePracticesOptions, PracticeHeaders, PracticeTable, SmallAreaRecord } from '../core/io';
import type { Issue, Result } from '../core/model';
import { unpackPlan, type PlanInput } from '../core/plan';
import { parsePractices, readPracticeHeaders } from '../core/io';
import { CRS, type Crs } from '../core/io/crs';
import { practicePostcodes, type PostcodeLookup } from '../core/io/postcodes';
import { hasUnlabelledMetres, prepareInput } from '../core/io/prepare-input';
import {
  applyBoundaryResult,
  applyPracticesResult,
  checkPracticeHeaders,
  isDemoPlan,
  loadAssignmentText,
  loadBoundaryText,
  openPlanText,
  practicesNeedChoice,
  sniffKind,
  unpackPractices,
  type LoadOutcome,
  type PreparedPractices,
  type PracticesMode,
} from '../state/loaders';
import { PALETTE } from '../state/palette';
import type { PlannerStore } from '../state/store';
import type { ImportReply, ImportRequest } from '../workers/import-jobs';
import { readFileBytes } from './files';

export type FileKind = 'practices' | 'boundary' | 'assignment' | 'plan' | 'postcodes';

export interface PendingFields {
  readonly text: string;
  readonly fileName: string;
  readonly headers: PracticeHeaders;
  readonly reading?: PracticeReading;
}

export interface LoadCallbacks {
  /** The practice file's columns could not all be found: ask which to use. */
  onNeedsFields(p: PendingFields): void;
  /** Practices opened over a real plan: start a new plan or add to it (null: cancel). */
  chooseMode(fileName: string): Promise<PracticesMode | null>;
  /** Coordinates in metres with no CRS stated: are they British National Grid? */
  confirmBng(fileName: string): Promise<boolean>;
  /** An opened plan file names small-area files: reopen them (or say which to open). */
  onSmallAreas?(record: SmallAreaRecord, fileName: string): void;
}

/** How a practice file is read beyond its fields: a CRS the user stated. */
export interface PracticeReading {
  readonly crs?: Crs;
}

/**
 * Practice files from this size (about 800 practices) and boundaries under plans from this many
 * practices are opened in the import worker, footprints included: their main-thread work would
 * pass ~50 ms.
 */
const WORKER_THRESHOLD_CHARS = 200_000;
const WORKER_THRESHOLD_PRACTICES = 500;

/**
 * The import worker, started with the first file and kept: the second file of a session (the
 * boundary after the practices) then finds its code loaded and compiled, and optimised by the first.
 * Jobs run one after another in it; answers come back in order, matched by id.
 */
let importWorker: { worker: Worker; pending: Map<number, (reply: ImportReply | Error) => void> } | null = null;
let nextJob = 0;

function startImportWorker() {
  if (importWorker) return importWorker;
  const worker = new Worker(new URL('../workers/import-worker.ts', import.meta.url), { type: 'module' });
  const started = { worker, pending: new Map<number, (reply: ImportReply | Error) => void>() };
  worker.onmessage = (e: MessageEvent<{ id: number; reply: ImportReply }>) => {
    started.pending.get(e.data.id)?.(e.data.reply);
    started.pending.delete(e.data.id);
  };
  // A worker that failed (out of memory, say) fails its jobs and is replaced for the next file.
  worker.onerror = (e) => {
    worker.terminate();
    if (importWorker === started) importWorker = null;
    for (const settle of started.pending.values()) settle(new Error(e.message));
  };
  importWorker = started;
  return started;
}

/**
 * Lets the page draw and handle input before the next step of opening a large file: the reply's
 * copy, the plan's unpacking and the commit (store, panels) each take a task of their own.
 */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** One job in the import worker, with the busy bar meanwhile. */
function runImport(store: PlannerStore, request: ImportRequest, label: string): Promise<ImportReply> {
  store.getState().setBusy({ label, fraction: null });
  const { worker, pending } = startImportWorker();
  const id = ++nextJob;
  return new Promise<ImportReply>((resolve, reject) => {
    pending.set(id, (reply) => (reply instanceof Error ? reject(reply) : resolve(reply)));
    worker.postMessage({ id, request });
  }).finally(() => store.getState().setBusy(null));
}

/** Parses practices here (small files) or in the import worker, which also evaluates the plan they start. */
async function parsePracticeFile(
  store: PlannerStore,
  text: string,
  fileName: string,
  opts: ParsePracticesOptions,
): Promise<{ result: Result<PracticeTable>; prepared?: PreparedPractices }> {
  if (text.length < WORKER_THRESHOLD_CHARS) return { result: parsePractices(text, fileName, opts) };
  const plan = aheadPlan(store);
  const reply = await runImport(
    store,
    { kind: 'practices', text, fileName, opts, checkFields: false, plan, palette: PALETTE },
    `Opening ${fileName}`,
  );
  return fromPracticesReply(reply, plan)!;
}

/** The boundary and band a new plan from a practice file would have (see applyPracticesResult). */
function aheadPlan(store: PlannerStore): Omit<PreparedPractices, 'plan'> {
  const { doc } = store.getState();
  return { boundary: doc.practices.length === 0 && !isDemoPlan(doc) ? doc.boundary : null, band: doc.band };
}

function fromPracticesReply(
  reply: ImportReply,
  plan: Omit<PreparedPractices, 'plan'>,
): { result: Result<PracticeTable>; prepared?: PreparedPractices } | null {
  if (reply.kind !== 'practices' || !reply.result) return null;
  return {
    result: reply.result,
    ...(reply.plan && { prepared: { ...plan, plan: reply.plan, colours: reply.colours } }),
  };
}

/** A CSV with a postcode column and no coordinate columns (NHS Digital's list-size file). */
const needsPostcodes = (headers: Result<PracticeHeaders>) =>
  headers.ok &&
  headers.value.fields.postcode !== undefined &&
  (headers.value.fields.missing.includes('lon') || headers.value.fields.missing.includes('lat'));

/**
 * Checks and parses a practice file (large ones in the import worker, with the plan they start
 * evaluated there too); a valid file opened over a real plan asks `chooseMode` whether to start
 * a new plan or add to the current one.
 */
export async function loadPractices(
  store: PlannerStore,
  text: string,
  fileName: string,
  fields: FieldNames | undefined,
  chooseMode: LoadCallbacks['chooseMode'],
  reading: PracticeReading = {},
): Promise<LoadOutcome> {
  // A large file is checked, parsed and evaluated in one worker job unless its header needs a question.
  let ahead: { result: Result<PracticeTable>; prepared?: PreparedPractices } | null = null;
  let headers: Result<PracticeHeaders> | null = null;
  if (!fields && text.length >= WORKER_THRESHOLD_CHARS) {
    const plan = aheadPlan(store);
    const opts: ParsePracticesOptions = { ...reading };
    const reply = await runImport(
      store,
      { kind: 'practices', text, fileName, opts, checkFields: true, plan, palette: PALETTE },
      `Opening ${fileName}`,
    );
    if (reply.kind === 'practices') headers = reply.headers;
    ahead = fromPracticesReply(reply, plan);
  } else if (!fields) headers = readPracticeHeaders(text, fileName);
  const byPostcode = headers !== null && needsPostcodes(headers);
  let postcodes: PostcodeLookup | undefined;
  if (byPostcode && postcodeLookupFile) {
    const lookup = await geocode(store, postcodeLookupFile, text);
    if (!lookup.ok) return applyPracticesResult(store, lookup, postcodeLookupFile.name, { fields, mode: 'new' });
    postcodes = lookup.value;
  } else if (byPostcode) pendingPostcodeFile = { text, fileName, reading };
  else if (headers) {
    const early = checkPracticeHeaders(store, headers, fileName);
    if (early) return early;
  }
  const { result, prepared } =
    ahead ?? (await parsePracticeFile(store, text, fileName, { fields, ...reading, ...(postcodes && { postcodes }) }));
  let mode: PracticesMode | null = 'new';
  if (result.ok && practicesNeedChoice(store.getState().doc)) mode = await chooseMode(fileName);
  if (mode === null) return { kind: 'cancelled' };
  if (!prepared || !result.ok || mode !== 'new') return applyPracticesResult(store, result, fileName, { fields, mode });
  await nextTask();
  const unpacked = unpackPractices(store, result.value, prepared);
  await nextTask();
  return applyPracticesResult(store, result, fileName, { fields, mode, prepared: unpacked });
}

/**
 * A boundary: parsed here under a small plan, or in the import worker, which also builds the
 * tessellation and evaluates the current plan under it.
 */
async function loadBoundary(store: PlannerStore, text: string, fileName: string): Promise<LoadOutcome> {
  const { doc } = store.getState();
  if (doc.practices.length < WORKER_THRESHOLD_PRACTICES && text.length < WORKER_THRESHOLD_CHARS)
    return loadBoundaryText(store, text, fileName);
  const input: PlanInput | null =
    doc.practices.length > 0 && !isDemoPlan(doc)
      ? { practices: doc.practices, networks: doc.networks, assignment: doc.assignment, band: doc.band }
      : null;
  const reply = await runImport(store, { kind: 'boundary', text, fileName, plan: input }, `Opening ${fileName}`);
  if (reply.kind !== 'boundary') throw new Error('the import worker answered another question');
  if (!reply.plan || !input) return applyBoundaryResult(store, reply.result, fileName);
  await nextTask();
  const plan = unpackPlan(reply.plan, input);
  await nextTask();
  return applyBoundaryResult(store, reply.result, fileName, { prepared: { plan, input, outside: reply.outside } });
}

/** The postcode lookup chosen with "Postcode lookup…": kept as a File and streamed when needed. */
let postcodeLookupFile: File | null = null;
/** A practice file with postcodes opened before any lookup was chosen: loaded once one is. */
let pendingPostcodeFile: { text: string; fileName: string; reading: PracticeReading } | null = null;

/** Streams the lookup in a worker, keeping only the practice file's postcodes. */
function geocode(store: PlannerStore, file: File, practicesText: string): Promise<Result<PostcodeLookup>> {
  const label = `Finding postcodes in ${file.name}`;
  store.getState().setBusy({ label, fraction: 0 });
  return new Promise<Result<PostcodeLookup>>((resolve) => {
    const worker = new Worker(new URL('../workers/postcode-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ progress?: number; result?: Result<PostcodeLookup> }>) => {
      if (e.data.progress !== undefined) store.getState().setBusy({ label, fraction: e.data.progress });
      if (e.data.result) {
        worker.terminate();
        resolve(e.data.result);
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      resolve({
        ok: false,
        errors: [
          {
            severity: 'error',
            code: 'unreadable',
            file: file.name,
            message: `${file.name}: could not be read (${e.message})`,
          },
        ],
        warnings: [],
      });
    };
    worker.postMessage({ file, wanted: [...practicePostcodes(practicesText)] });
  }).finally(() => store.getState().setBusy(null));
}

/** "Postcode lookup…": remembered for practice files with postcodes; one already opened loads now. */
async function setPostcodeLookup(store: PlannerStore, file: File, callbacks: LoadCallbacks) {
  postcodeLookupFile = file;
  const pending = pendingPostcodeFile;
  pendingPostcodeFile = null;
  if (!pending) {
    store.getState().notify(`Postcode lookup ${file.name} chosen: practice files with postcodes are located with it.`);
    return;
  }
  const outcome = await loadPractices(
    store,
    pending.text,
    pending.fileName,
    undefined,
    callbacks.chooseMode,
    pending.reading,
  );
  if (outcome.kind === 'loaded')
    store.getState().notify(`Loaded ${pending.fileName} with postcodes from ${file.name}.`);
}

/** Bytes -> text (zipped shapefile, encoding), asking about metres that state no CRS. */
async function readInput(
  store: PlannerStore,
  file: File,
  callbacks: LoadCallbacks,
): Promise<{ text: string; reading: PracticeReading } | null> {
  const fail = (issues: readonly Issue[]) => {
    store.getState().reportProblem({ title: `${file.name} could not be read; the plan is unchanged`, issues });
    return null;
  };
  let bytes: Uint8Array;
  try {
    bytes = await readFileBytes(file, (fraction) =>
      store.getState().setBusy({ label: `Reading ${file.name}`, fraction }),
    );
  } catch (e) {
    return fail([
      { severity: 'error', code: 'unreadable', file: file.name, message: `${file.name}: ${(e as Error).message}` },
    ]);
  } finally {
    store.getState().setBusy(null);
  }
  let prepared = await prepareInput(bytes, file.name);
  if (!prepared.ok) return fail([...prepared.errors, ...prepared.warnings]);
  let reading: PracticeReading = {};
  if (hasUnlabelledMetres(prepared.value) && (await callbacks.confirmBng(file.name))) {
    reading = { crs: CRS.bng };
    prepared = await prepareInput(bytes, file.name, reading);
    if (!prepared.ok) return fail([...prepared.errors, ...prepared.warnings]);
  }
  if (prepared.warnings.length)
    store.getState().reportProblem({
      title: `${file.name}: read with ${prepared.warnings.length} note${prepared.warnings.length === 1 ? '' : 's'}`,
      issues: prepared.warnings,
    });
  return { text: prepared.value, reading };
}

export async function loadFiles(
  store: PlannerStore,
  files: readonly File[],
  kind: FileKind | null,
  callbacks: LoadCallbacks,
) {
  // Reading a large file takes a while: the import worker starts loading meanwhile.
  if (kind !== 'postcodes' && files.some((f) => f.size >= WORKER_THRESHOLD_CHARS)) startImportWorker();
  for (const file of files) {
    if (kind === 'postcodes') {
      await setPostcodeLookup(store, file, callbacks);
      continue;
    }
    const read = await readInput(store, file, callbacks);
    if (!read) continue;
    const { text, reading } = read;
    const k = kind ?? sniffKind(text, file.name);
    let outcome: LoadOutcome;
    try {
      if (k === 'plan')
        outcome = openPlanText(
          store,
          text,
          file.name,
          callbacks.onSmallAreas && ((record) => callbacks.onSmallAreas?.(record, file.name)),
        );
      else if (k === 'boundary') outcome = await loadBoundary(store, text, file.name);
      else if (k === 'assignment') outcome = loadAssignmentText(store, text, file.name);
      else {
        outcome = await loadPractices(store, text, file.name, undefined, callbacks.chooseMode, reading);
        if (outcome.kind === 'needs-fields')
          callbacks.onNeedsFields({ text, fileName: file.name, headers: outcome.headers, reading });
      }
    } catch (e) {
      // The import worker failed (out of memory, say): nothing was applied.
      store.getState().reportProblem({
        title: `${file.name} could not be opened; the plan is unchanged`,
        issues: [
          { severity: 'error', code: 'unreadable', file: file.name, message: `${file.name}: ${(e as Error).message}` },
        ],
      });
      continue;
    }
    if (outcome.kind === 'loaded') store.getState().notify(`Loaded ${file.name}.`);
  }
}
