// From picked or dropped files to the store: read (with progress), recognise the kind, parse
// large practice files in a worker, and ask for field names when they cannot be detected.
import type { FieldNames, ParsePracticesOptions, PracticeHeaders, PracticeTable } from '../core/io';
import type { Issue, Result } from '../core/model';
import { parsePractices, readPracticeHeaders } from '../core/io';
import { CRS, type Crs } from '../core/io/crs';
import { practicePostcodes, type PostcodeLookup } from '../core/io/postcodes';
import { hasUnlabelledMetres, prepareInput } from '../core/io/prepare-input';
import {
  applyPracticesResult,
  checkPracticeFields,
  loadAssignmentText,
  loadBoundaryText,
  openPlanText,
  practicesNeedChoice,
  sniffKind,
  type LoadOutcome,
  type PracticesMode,
} from '../state/loaders';
import type { PlannerStore } from '../state/store';
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
}

/** How a practice file is read beyond its fields: a CRS the user stated. */
export interface PracticeReading {
  readonly crs?: Crs;
}

const WORKER_THRESHOLD_CHARS = 3_000_000;

function parseInWorker(text: string, fileName: string, opts: ParsePracticesOptions): Promise<Result<PracticeTable>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../workers/import-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<Result<PracticeTable>>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message));
    };
    worker.postMessage({ text, fileName, opts });
  });
}

/**
 * Checks and parses a practice file (large ones in a worker); a valid file opened over a real
 * plan asks `chooseMode` whether to start a new plan or add to the current one.
 */
export async function loadPractices(
  store: PlannerStore,
  text: string,
  fileName: string,
  fields: FieldNames | undefined,
  chooseMode: LoadCallbacks['chooseMode'],
  reading: PracticeReading = {},
): Promise<LoadOutcome> {
  const byPostcode = needsPostcodes(text, fileName);
  let postcodes: PostcodeLookup | undefined;
  if (byPostcode && postcodeLookupFile) {
    const lookup = await geocode(store, postcodeLookupFile, text);
    if (!lookup.ok) return applyPracticesResult(store, lookup, postcodeLookupFile.name, { fields, mode: 'new' });
    postcodes = lookup.value;
  } else {
    if (byPostcode) pendingPostcodeFile = { text, fileName, reading };
    const early = byPostcode ? null : checkPracticeFields(store, text, fileName, fields);
    if (early) return early;
  }
  const opts: ParsePracticesOptions = { fields, ...reading, ...(postcodes && { postcodes }) };
  let result: Result<PracticeTable>;
  if (text.length < WORKER_THRESHOLD_CHARS) result = parsePractices(text, fileName, opts);
  else {
    store.getState().setBusy({ label: `Checking ${fileName}`, fraction: null });
    try {
      result = await parseInWorker(text, fileName, opts);
    } finally {
      store.getState().setBusy(null);
    }
  }
  let mode: PracticesMode | null = 'new';
  if (result.ok && practicesNeedChoice(store.getState().doc)) mode = await chooseMode(fileName);
  if (mode === null) return { kind: 'cancelled' };
  return applyPracticesResult(store, result, fileName, { fields, mode });
}

/** The postcode lookup chosen with "Postcode lookup…": kept as a File and streamed when needed. */
let postcodeLookupFile: File | null = null;
/** A practice file with postcodes opened before any lookup was chosen: loaded once one is. */
let pendingPostcodeFile: { text: string; fileName: string; reading: PracticeReading } | null = null;

/** A CSV with a postcode column and no coordinate columns (NHS Digital's list-size file). */
function needsPostcodes(text: string, fileName: string): boolean {
  const headers = readPracticeHeaders(text, fileName);
  return (
    headers.ok &&
    headers.value.fields.postcode !== undefined &&
    (headers.value.fields.missing.includes('lon') || headers.value.fields.missing.includes('lat'))
  );
}

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
        errors: [{ severity: 'error', file: file.name, message: `${file.name}: could not be read (${e.message})` }],
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
    return fail([{ severity: 'error', file: file.name, message: `${file.name}: ${(e as Error).message}` }]);
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
    if (k === 'plan') outcome = openPlanText(store, text, file.name);
    else if (k === 'boundary') outcome = loadBoundaryText(store, text, file.name);
    else if (k === 'assignment') outcome = loadAssignmentText(store, text, file.name);
    else {
      outcome = await loadPractices(store, text, file.name, undefined, callbacks.chooseMode, reading);
      if (outcome.kind === 'needs-fields')
        callbacks.onNeedsFields({ text, fileName: file.name, headers: outcome.headers, reading });
    }
    if (outcome.kind === 'loaded') store.getState().notify(`Loaded ${file.name}.`);
  }
}
