// From picked or dropped files to the store: read (with progress), recognise the kind, parse
// large practice files in a worker, and ask for field names when they cannot be detected.
import type { FieldNames, PracticeHeaders, PracticeTable } from '../core/io';
import type { Result } from '../core/model';
import { parsePractices } from '../core/io';
import { applyPracticesResult, checkPracticeFields, loadAssignmentText, loadBoundaryText, openPlanText, practicesNeedChoice, sniffKind, type LoadOutcome, type PracticesMode } from '../state/loaders';
import type { PlannerStore } from '../state/store';
import { readFileText } from './files';

export type FileKind = 'practices' | 'boundary' | 'assignment' | 'plan';

export interface PendingFields {
  readonly text: string;
  readonly fileName: string;
  readonly headers: PracticeHeaders;
}

export interface LoadCallbacks {
  /** The practice file's columns could not all be found: ask which to use. */
  onNeedsFields(p: PendingFields): void;
  /** Practices opened over a real plan: start a new plan or add to it (null: cancel). */
  chooseMode(fileName: string): Promise<PracticesMode | null>;
}

const WORKER_THRESHOLD_CHARS = 3_000_000;

function parseInWorker(text: string, fileName: string, fields?: FieldNames): Promise<Result<PracticeTable>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../workers/import-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<Result<PracticeTable>>) => { worker.terminate(); resolve(e.data); };
    worker.onerror = (e) => { worker.terminate(); reject(new Error(e.message)); };
    worker.postMessage({ text, fileName, fields });
  });
}

/**
 * Checks and parses a practice file (large ones in a worker); a valid file opened over a real
 * plan asks `chooseMode` whether to start a new plan or add to the current one.
 */
export async function loadPractices(store: PlannerStore, text: string, fileName: string, fields: FieldNames | undefined, chooseMode: LoadCallbacks['chooseMode']): Promise<LoadOutcome> {
  const early = checkPracticeFields(store, text, fileName, fields);
  if (early) return early;
  let result: Result<PracticeTable>;
  if (text.length < WORKER_THRESHOLD_CHARS) result = parsePractices(text, fileName, { fields });
  else {
    store.getState().setBusy({ label: `Checking ${fileName}`, fraction: null });
    try {
      result = await parseInWorker(text, fileName, fields);
    } finally {
      store.getState().setBusy(null);
    }
  }
  let mode: PracticesMode | null = 'new';
  if (result.ok && practicesNeedChoice(store.getState().doc)) mode = await chooseMode(fileName);
  if (mode === null) return { kind: 'cancelled' };
  return applyPracticesResult(store, result, fileName, { fields, mode });
}

export async function loadFiles(store: PlannerStore, files: readonly File[], kind: FileKind | null, callbacks: LoadCallbacks) {
  for (const file of files) {
    let text: string;
    try {
      text = await readFileText(file, (fraction) => store.getState().setBusy({ label: `Reading ${file.name}`, fraction }));
    } catch (e) {
      store.getState().reportProblem({ title: `${file.name} could not be read; the plan is unchanged`, issues: [{ severity: 'error', file: file.name, message: `${file.name}: ${(e as Error).message}` }] });
      continue;
    } finally {
      store.getState().setBusy(null);
    }
    const k = kind ?? sniffKind(text, file.name);
    let outcome: LoadOutcome;
    if (k === 'plan') outcome = openPlanText(store, text, file.name);
    else if (k === 'boundary') outcome = loadBoundaryText(store, text, file.name);
    else if (k === 'assignment') outcome = loadAssignmentText(store, text, file.name);
    else {
      outcome = await loadPractices(store, text, file.name, undefined, callbacks.chooseMode);
      if (outcome.kind === 'needs-fields') callbacks.onNeedsFields({ text, fileName: file.name, headers: outcome.headers });
    }
    if (outcome.kind === 'loaded') store.getState().notify(`Loaded ${file.name}.`);
  }
}
