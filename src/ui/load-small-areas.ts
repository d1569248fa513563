// Opening a small-area layer or a registrations file from the Small areas tab: parsed in a worker
// with a progress bar; on failure the problems are listed and what was open stays as it was.
import { unflattenSmallAreaMesh } from '../core/geometry/small-area-mesh-transfer';
import { parseHardAreas } from '../core/cluster';
import { CRS } from '../core/io/crs';
import { selectPracticeDeprivation } from '../state/deprivation';
import type { SmallAreaHardAreas } from '../state/small-areas';
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
function warnMissingImd(store: PlannerStore): void {
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

/**
 * Example: `await openSmallAreaFile(store, file, 'registrations')`. A layer in metres that states
 * no CRS is read again as British National Grid when `confirmBng` says yes.
 */
export async function openSmallAreaFile(
  store: PlannerStore,
  file: File,
  kind: SmallAreaFileKind,
  confirmBng?: (fileName: string) => Promise<boolean>,
): Promise<boolean> {
  const s = () => store.getState();
  const label = `Reading ${LABELS[kind]} ${file.name}`;
  s().setBusy({ label, fraction: kind === 'registrations' ? 0 : null });
  try {
    const onProgress = (fraction: number) => s().setBusy({ label, fraction });
    let reply = await parse({ kind, file, name: file.name }, onProgress);
    if (reply.type === 'layer' && reply.unlabelledMetres && confirmBng) {
      s().setBusy(null);
      if (await confirmBng(file.name)) {
        s().setBusy({ label, fraction: null });
        reply = await parse({ kind, file, name: file.name, crs: CRS.bng }, onProgress);
      }
    }
    const { result } = reply;
    if (!result.ok) {
      s().reportProblem({
        title: `${file.name} was not loaded; the plan is unchanged`,
        issues: [...result.errors, ...result.warnings],
      });
      return false;
    }
    if (result.warnings.length > 0)
      s().reportProblem({
        title: `${file.name} loaded with ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}`,
        issues: result.warnings,
      });
    const current = s().smallAreas;
    if (reply.type === 'layer' && reply.result.ok) {
      s().setSmallAreas({
        layer: reply.result.value,
        layerFile: reply.ref,
        registrations: current?.registrations ?? null,
        registrationsFile: current?.registrationsFile ?? null,
        mesh: reply.mesh ? unflattenSmallAreaMesh(reply.mesh) : undefined,
      });
    } else if (reply.type === 'registrations' && reply.result.ok) {
      if (!current) {
        s().notify('Open a small-area layer first, then the registrations.', 'warning');
        return false;
      }
      s().setSmallAreas({ ...current, registrations: reply.result.value, registrationsFile: reply.ref });
    } else if (reply.type === 'deprivation' && reply.result.ok) {
      s().setDeprivation({ table: reply.result.value, file: reply.ref });
    }
    s().notify(`Loaded ${file.name}.`);
    warnMissingImd(store);
    return true;
  } catch (e) {
    s().reportProblem({
      title: `${file.name} could not be read; the plan is unchanged`,
      issues: [
        { severity: 'error', code: 'unreadable', file: file.name, message: `${file.name}: ${(e as Error).message}` },
      ],
    });
    return false;
  } finally {
    s().setBusy(null);
  }
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
 * Reads hard areas (GeoJSON polygons: boroughs, localities) for the small-area footprints, by
 * `field` (default: a name-like property); on failure the problems are listed and nothing changes.
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
  const fields = layerFields(file.text);
  const chosen = field ?? fields[0] ?? null;
  const parsed = parseHardAreas(file.text, file.name, chosen ?? undefined);
  if (!parsed.ok) {
    s.reportProblem({
      title: `${file.name} was not loaded; the plan is unchanged`,
      issues: [...parsed.errors, ...parsed.warnings],
    });
    return false;
  }
  const hardAreas: SmallAreaHardAreas = {
    areas: parsed.value,
    file: { name: file.name, sha256: file.sha256, bytes: file.bytes },
    field: chosen,
    fields,
    text: file.text,
  };
  s.setSmallAreas({ ...current, hardAreas });
  return true;
}

/** Opens a hard-area file chosen by the user (small: read on the page). */
export async function openHardAreas(store: PlannerStore, file: File): Promise<boolean> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const sha256 = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
  const text = new TextDecoder().decode(bytes);
  const ok = applyHardAreas(store, { name: file.name, text, sha256, bytes: bytes.length });
  if (ok) store.getState().notify(`Loaded ${file.name}.`);
  return ok;
}
