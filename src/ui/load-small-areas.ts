// Opening a small-area layer or a registrations file from the Small areas tab: parsed in a worker
// with a progress bar; on failure the problems are listed and what was open stays as it was.
import { unflattenSmallAreaMesh } from '../core/geometry/small-area-mesh-transfer';
import { parseHardAreas } from '../core/cluster';
import { CRS } from '../core/io/crs';
import type { Issue } from '../core/model';
import { selectPracticeDeprivation } from '../state/deprivation';
import { keepFile, type FileStore } from '../state/file-cache';
import type { FileRef, SmallAreaHardAreas, SmallAreaSource } from '../state/small-areas';
import type { PlannerStore } from '../state/store';
import type { SmallAreaReply, SmallAreaRequest } from '../workers/small-areas-worker';

export type SmallAreaFileKind = 'layer' | 'registrations' | 'deprivation';

const LABELS: Record<SmallAreaFileKind, string> = {
  layer: 'small areas',
  registrations: 'registrations',
  deprivation: 'deprivation',
};

function parse(
  req: SmallAreaRequest,
  onProgress: (fraction: number) => void,
): Promise<Exclude<SmallAreaReply, { type: 'progress' }>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../workers/small-areas-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<SmallAreaReply>) => {
      const m = e.data;
      if (m.type === 'progress') {
        onProgress(m.fraction);
        return;
      }
      worker.terminate();
      resolve(m);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message));
    };
    worker.postMessage(req);
  });
}

/** Patients living in areas the deprivation table lacks (e.g. Welsh LSOAs) are counted apart: say so in Problems. */
export function warnMissingImd(store: PlannerStore): void {
  const s = store.getState();
  const profile = selectPracticeDeprivation(s);
  if (!profile || profile.missingAreaPatients === 0 || !s.deprivation) return;
  const name = s.deprivation.file.name;
  const n = (x: number) => x.toLocaleString('en-GB');
  s.reportProblem({
    title: `${name}: some patients live in areas with no IMD value`,
    issues: [
      {
        severity: 'warning',
        code: 'noImdValue',
        file: name,
        message: `${name}: ${n(profile.missingAreaPatients)} registered patients live in ${n(profile.missingAreaCodes.length)} areas with no IMD value (e.g. ${profile.missingAreaCodes.slice(0, 3).join(', ')}; Welsh LSOAs have none in the English indices): left out of the Core20 shares`,
      },
    ],
  });
}

type Parsed = Exclude<SmallAreaReply, { type: 'progress' }>;

/** A file read without errors, as the worker replied. */
export type ReadSmallAreaFile = Parsed & { readonly result: { readonly ok: true } };

/**
 * Reads a small-area file in the worker, with the progress bar labelled `${verb} ${kind} ${name}`;
 * problems are listed (under `title`, the file's name by default) and null returned. Applies nothing.
 */
export async function readSmallAreaFile(
  store: PlannerStore,
  file: Blob,
  name: string,
  kind: SmallAreaFileKind,
  options: {
    confirmBng?: (fileName: string) => Promise<boolean>;
    verb?: string;
    title?: string;
    /** The checksum the file must have (a kept copy): any other is reported before what it holds. */
    sha256?: string;
  } = {},
): Promise<ReadSmallAreaFile | null> {
  const s = () => store.getState();
  const title = options.title ?? name;
  const label = `${options.verb ?? 'Reading'} ${LABELS[kind]} ${name}`;
  s().setBusy({ label, fraction: kind === 'registrations' ? 0 : null });
  try {
    const onProgress = (fraction: number) => s().setBusy({ label, fraction });
    let reply = await parse({ kind, file, name }, onProgress);
    if (reply.type === 'layer' && reply.unlabelledMetres && options.confirmBng) {
      s().setBusy(null);
      if (await options.confirmBng(name)) {
        s().setBusy({ label, fraction: null });
        reply = await parse({ kind, file, name, crs: CRS.bng }, onProgress);
      }
    }
    if (options.sha256 && reply.ref.sha256 !== options.sha256) {
      s().reportProblem({
        title: `${title} was not loaded; the plan is unchanged`,
        issues: [changedCopy(name, options.sha256)],
      });
      return null;
    }
    const { result } = reply;
    if (!result.ok) {
      s().reportProblem({
        title: `${title} was not loaded; the plan is unchanged`,
        issues: [...result.errors, ...result.warnings],
      });
      return null;
    }
    if (result.warnings.length > 0)
      s().reportProblem({
        title: `${title} loaded with ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}`,
        issues: result.warnings,
      });
    return reply as ReadSmallAreaFile;
  } catch (e) {
    s().reportProblem({
      title: `${title} could not be read; the plan is unchanged`,
      issues: [{ severity: 'error', code: 'unreadable', file: name, message: `${name}: ${(e as Error).message}` }],
    });
    return null;
  } finally {
    s().setBusy(null);
  }
}

/** The problem with a kept copy whose bytes no longer have the recorded checksum. */
export function changedCopy(name: string, sha256: string): Issue {
  return {
    severity: 'error',
    code: 'unreadable',
    file: name,
    message: `${name}: this browser's copy no longer has SHA-256 ${sha256.slice(0, 12)}…`,
  };
}

/** The layer as the store holds it (registrations and hard areas to be added). */
export function layerSource(reply: ReadSmallAreaFile & { type: 'layer' }): SmallAreaSource {
  return {
    layer: reply.result.value,
    layerFile: reply.ref,
    registrations: null,
    registrationsFile: null,
    mesh: reply.mesh ? unflattenSmallAreaMesh(reply.mesh) : undefined,
  };
}

/** The checksums of the files the open plan names, open or not yet (kept in this browser's copies whatever their age). */
function openFileChecksums(store: PlannerStore): string[] {
  const s = store.getState();
  const u = s.unopenedSmallAreas;
  return [
    s.smallAreas?.layerFile.sha256,
    s.smallAreas?.registrationsFile?.sha256,
    s.smallAreas?.hardAreas?.file.sha256,
    s.deprivation?.file.sha256,
    ...[u?.layer, u?.registrations, u?.hardAreas, u?.deprivation].map((f) => f?.sha256),
  ].filter((x): x is string => !!x);
}

/** Keeps a copy of a file opened in the tab, to reopen it after a reload; a failure (quota) is only a notice. */
async function keepCopy(store: PlannerStore, files: FileStore | null, ref: FileRef, blob: Blob): Promise<void> {
  if (!files) return;
  try {
    await keepFile(files, { ...ref, blob }, openFileChecksums(store));
  } catch (e) {
    store
      .getState()
      .notify(
        `This browser could not keep a copy of ${ref.name} (${(e as Error).message}): after a reload, open it again in the Small areas tab.`,
        'warning',
      );
  }
}

/**
 * Example: `await openSmallAreaFile(store, file, 'registrations')`. A layer in metres that states
 * no CRS is read again as British National Grid when `confirmBng` says yes. Once applied, a copy
 * goes to `files` (this browser's copies) to reopen after a reload.
 */
export async function openSmallAreaFile(
  store: PlannerStore,
  file: File,
  kind: SmallAreaFileKind,
  confirmBng?: (fileName: string) => Promise<boolean>,
  files: FileStore | null = null,
): Promise<boolean> {
  const s = () => store.getState();
  const reply = await readSmallAreaFile(store, file, file.name, kind, { confirmBng });
  if (!reply) return false;
  const current = s().smallAreas;
  if (reply.type === 'layer') {
    s().setSmallAreas({
      ...layerSource(reply),
      registrations: current?.registrations ?? null,
      registrationsFile: current?.registrationsFile ?? null,
    });
  } else if (reply.type === 'registrations') {
    if (!current) {
      s().notify('Open a small-area layer first, then the registrations.', 'warning');
      return false;
    }
    s().setSmallAreas({ ...current, registrations: reply.result.value, registrationsFile: reply.ref });
  } else {
    s().setDeprivation({ table: reply.result.value, file: reply.ref });
  }
  s().notify(`Loaded ${file.name}.`);
  warnMissingImd(store);
  await keepCopy(store, files, reply.ref, file);
  return true;
}

/** The properties of the layer's first feature; a name-like one first (lad23nm, locality...), as the default area field. */
function layerFields(text: string): string[] {
  try {
    const json = JSON.parse(text) as { features?: { properties?: Record<string, unknown> }[] };
    const props = json.features?.[0]?.properties ?? {};
    const fields = Object.keys(props).filter((k) => typeof props[k] === 'string' || typeof props[k] === 'number');
    const named = fields.findIndex((f) => /(nm|name|locality)$/i.test(f));
    return named > 0 ? [fields[named], ...fields.filter((_, i) => i !== named)] : fields;
  } catch {
    return [];
  }
}

/**
 * Reads hard areas (GeoJSON polygons: boroughs, localities) by `field` (default: a name-like
 * property); on failure the problems are listed (under `title`) and null returned. Applies nothing.
 */
export function readHardAreas(
  store: PlannerStore,
  file: { name: string; text: string; sha256: string; bytes: number },
  field?: string,
  title = file.name,
): SmallAreaHardAreas | null {
  const fields = layerFields(file.text);
  const chosen = field ?? fields[0] ?? null;
  const parsed = parseHardAreas(file.text, file.name, chosen ?? undefined);
  if (!parsed.ok) {
    store.getState().reportProblem({
      title: `${title} was not loaded; the plan is unchanged`,
      issues: [...parsed.errors, ...parsed.warnings],
    });
    return null;
  }
  return {
    areas: parsed.value,
    file: { name: file.name, sha256: file.sha256, bytes: file.bytes },
    field: chosen,
    fields,
    text: file.text,
  };
}

/**
 * Applies hard areas to the small-area footprints (read as `readHardAreas` does); on failure the
 * problems are listed and nothing changes.
 * Example: `applyHardAreas(store, { name, text, sha256, bytes }, 'lad23nm')`.
 */
export function applyHardAreas(
  store: PlannerStore,
  file: { name: string; text: string; sha256: string; bytes: number },
  field?: string,
): boolean {
  const s = store.getState();
  const current = s.smallAreas;
  if (!current) {
    s.notify('Open a small-area layer first, then the hard areas.', 'warning');
    return false;
  }
  const hardAreas = readHardAreas(store, file, field);
  if (!hardAreas) return false;
  s.setSmallAreas({ ...current, hardAreas });
  return true;
}

/** A file's bytes as text (UTF-8) with their SHA-256 checksum (hex). */
export async function fileTextAndChecksum(file: Blob): Promise<{ text: string; sha256: string; bytes: number }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const sha256 = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
  return { text: new TextDecoder().decode(bytes), sha256, bytes: bytes.length };
}

/** Opens a hard-area file chosen by the user (small: read on the page); a copy goes to `files`. */
export async function openHardAreas(store: PlannerStore, file: File, files: FileStore | null = null): Promise<boolean> {
  const read = await fileTextAndChecksum(file);
  const ok = applyHardAreas(store, { name: file.name, ...read });
  if (!ok) return false;
  store.getState().notify(`Loaded ${file.name}.`);
  await keepCopy(store, files, { name: file.name, sha256: read.sha256, bytes: read.bytes }, file);
  return true;
}
