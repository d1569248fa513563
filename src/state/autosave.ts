// Autosave to IndexedDB (idb-keyval in the app; any async key-value store in tests). A plan that
// cannot be read back is never dropped: it is kept under another key and the user is told.
import { parsePlan, serialisePlan } from './plan-file';
import type { PlannerStore } from './store';

export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export const AUTOSAVE_KEY = 'pcn-planner:autosave';

/** Restores the autosaved plan if there is one. Returns true when a plan was restored. */
export async function restoreAutosave(store: PlannerStore, kv: KeyValueStore): Promise<boolean> {
  let raw: unknown;
  try {
    raw = await kv.get(AUTOSAVE_KEY);
  } catch (e) {
    store.getState().notify(`The autosaved plan could not be read (${(e as Error).message}); starting with the demo.`, 'error');
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
      issues: parsed && !parsed.ok ? parsed.errors : [{ severity: 'error', message: 'autosaved plan: not a plan file' }],
    });
    return false;
  }
  s.replaceScenarios(parsed.value.scenarios, parsed.value.active, parsed.value.reference);
  return true;
}

/** Saves the document after every change, at most once per `delayMs`. Returns an unsubscribe. */
export function startAutosave(store: PlannerStore, kv: KeyValueStore, delayMs = 400): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failed = false;
  const save = () => {
    timer = null;
    kv.set(AUTOSAVE_KEY, serialisePlan(store.getState())).then(
      () => { failed = false; },
      (e: Error) => {
        if (!failed) store.getState().notify(`Autosave failed (${e.message}); save the plan to a file.`, 'error');
        failed = true;
      },
    );
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.doc === prev.doc && s.scenarios === prev.scenarios && s.reference === prev.reference && s.activeScenario === prev.activeScenario) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  return () => {
    unsubscribe();
    if (timer) { clearTimeout(timer); save(); }
  };
}
