// Autosave to IndexedDB (idb-keyval in the app; any async key-value store in tests). A plan that
// cannot be read back is never dropped: it is kept under another key and the user is told.
import type { SmallAreaRecord } from '../core/io';
import { parsePlan, serialisePlan } from './plan-file';
import type { PlannerStore } from './store';

export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export const AUTOSAVE_KEY = 'pcn-planner:autosave';

/**
 * A synchronous store (localStorage in the app) for the save written while the page unloads:
 * an IndexedDB write started in `pagehide` may be cut off by the reload, a localStorage write
 * cannot. It holds a plan only until the next IndexedDB save succeeds, so it is always the newest.
 */
export type SyncStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
const UNLOAD_KEY = 'pcn-planner:autosave-on-unload';

/**
 * Restores the autosaved plan if there is one. Returns true when a plan was restored; `onSmallAreas`
 * is then given its record of small-area files, if it has one (to reopen them or say which to open).
 */
export async function restoreAutosave(
  store: PlannerStore,
  kv: KeyValueStore,
  backup?: SyncStore,
  onSmallAreas?: (record: SmallAreaRecord) => void,
): Promise<boolean> {
  let raw: unknown;
  try {
    raw = readBackup(backup) ?? (await kv.get(AUTOSAVE_KEY));
  } catch (e) {
    store
      .getState()
      .notify(`The autosaved plan could not be read (${(e as Error).message}); starting with the demo.`, 'error');
    return false;
  }
  if (raw === undefined || raw === null) return false;
  const s = store.getState();
  const parsed = typeof raw === 'string' ? parsePlan(raw, 'autosaved plan', s.nextFid) : null;
  if (!parsed?.ok) {
    const aside = `${AUTOSAVE_KEY}:unreadable:${new Date().toISOString()}`;
    await kv.set(aside, raw).catch(() => undefined);
    s.reportProblem({
      title: `The autosaved plan could not be restored; it was kept in browser storage as "${aside}"`,
      issues:
        parsed && !parsed.ok
          ? parsed.errors
          : [{ severity: 'error', code: 'planFile', message: 'autosaved plan: not a plan file' }],
    });
    return false;
  }
  s.replaceScenarios(parsed.value.scenarios, parsed.value.active, parsed.value.reference);
  if (parsed.value.smallAreas) onSmallAreas?.(parsed.value.smallAreas);
  return true;
}

/** Where the page says it is going away (window in the app); a pending save is written at once. */
export interface PageLifecycle {
  addEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void;
}

/**
 * Saves the document after every change (the small-area files and footprint source included, which
 * the plan records), at most once per `delayMs`, and at once when the page
 * is hidden or unloaded (so an edit just before a reload is kept). Returns an unsubscribe.
 */
export function startAutosave(
  store: PlannerStore,
  kv: KeyValueStore,
  delayMs = 400,
  page?: PageLifecycle,
  backup?: SyncStore,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failed = false;
  const save = (unloading = false) => {
    timer = null;
    const text = serialisePlan(store.getState());
    if (unloading) writeBackup(backup, text);
    kv.set(AUTOSAVE_KEY, text).then(
      () => {
        failed = false;
        backup?.removeItem(UNLOAD_KEY);
      },
      (e: Error) => {
        if (!failed) store.getState().notify(`Autosave failed (${e.message}); save the plan to a file.`, 'error');
        failed = true;
      },
    );
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.doc === prev.doc &&
      s.scenarios === prev.scenarios &&
      s.reference === prev.reference &&
      s.activeScenario === prev.activeScenario &&
      s.smallAreas === prev.smallAreas &&
      s.footprintSource === prev.footprintSource &&
      s.deprivation === prev.deprivation &&
      s.unopenedSmallAreas === prev.unopenedSmallAreas
    )
      return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  const flush = () => {
    if (!timer) return;
    clearTimeout(timer);
    save(true);
  };
  page?.addEventListener('pagehide', flush);
  page?.addEventListener('visibilitychange', flush);
  return () => {
    unsubscribe();
    page?.removeEventListener('pagehide', flush);
    page?.removeEventListener('visibilitychange', flush);
    flush();
  };
}

function readBackup(backup: SyncStore | undefined): string | null {
  try {
    return backup?.getItem(UNLOAD_KEY) ?? null;
  } catch {
    return null;
  }
}

function writeBackup(backup: SyncStore | undefined, text: string) {
  try {
    backup?.setItem(UNLOAD_KEY, text);
  } catch {
    // Over the storage quota (a very large plan): the IndexedDB write is all there is.
  }
}
