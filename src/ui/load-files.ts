// From picked or dropped files to the store: read (with progress), recognise the kind, parse
// large practice files in a worker, and ask for field names when they cannot be detected.
import type { FieldNames, PracticeHeaders, PracticeTable } from '../core/io';
import type { Result } from '../core/model';
import { applyPracticesResult, checkPracticeFields, loadAssignmentText, loadBoundaryText, loadPracticesText, openPlanText, sniffKind, type LoadOutcome } from '../state/loaders';
import type { PlannerStore } from '../state/store';
import { readFileText } from './files';

export type FileKind = 'practices' | 'boundary' | 'assignment' | 'plan';

export interface PendingFields {
  readonly text: string;
  readonly fileName: string;
  readonly headers: PracticeHeaders;
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

export async function loadPractices(store: PlannerStore, text: string, fileName: string, fields?: FieldNames): Promise<LoadOutcome> {
  if (text.length < WORKER_THRESHOLD_CHARS) return loadPracticesText(store, text, fileName, fields);
  const early = checkPracticeFields(store, text, fileName, fields);
  if (early) return early;
  store.getState().setBusy({ label: `Checking ${fileName}`, fraction: null });
  try {
    return applyPracticesResult(store, await parseInWorker(text, fileName, fields), fileName);
  } finally {
    store.getState().setBusy(null);
  }
}

export async function loadFiles(store: PlannerStore, files: readonly File[], kind: FileKind | null, onNeedsFields: (p: PendingFields) => void) {
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
    else outcome = await loadPractices(store, text, file.name);
    if (outcome.kind === 'needs-fields') onNeedsFields({ text, fileName: file.name, headers: outcome.headers });
    else if (outcome.kind === 'loaded') store.getState().notify(`Loaded ${file.name}.`);
  }
}
