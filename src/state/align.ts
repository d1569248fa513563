// The Align panel's state: the service layers live in the document (undoable, autosaved, saved
// in the plan file); the comparison with the networks is derived from them and the plan, re-run
// (debounced) whenever either changes, and kept in the store so a tab switch or an accepted
// auto-cluster never loses it.
import {
  alignServices,
  DEFAULT_SPLIT_THRESHOLD,
  parseServiceAreas,
  serviceOverlay,
  type AlignResult,
  type ServiceAreas,
  type ServiceOverlay,
} from '../core/align';
import type { Issue, Result } from '../core/model';
import { selectPlan } from './selectors';
import type { Planner, PlannerStore } from './store';
import type { AlignDoc, PlanDoc, ServiceLayerDoc } from './types';

const NO_ALIGN: AlignDoc = { layers: [], active: 0, threshold: DEFAULT_SPLIT_THRESHOLD, compared: false };

export const alignOf = (doc: PlanDoc): AlignDoc => doc.align ?? NO_ALIGN;

const parsed = new WeakMap<ServiceLayerDoc, Result<ServiceAreas>>();

/** The layer's areas, parsed once per layer object. */
export function parseLayer(layer: ServiceLayerDoc): Result<ServiceAreas> {
  let r = parsed.get(layer);
  if (!r) {
    r = parseServiceAreas(layer.text, layer.fileName, layer.field ?? undefined);
    parsed.set(layer, r);
  }
  return r;
}

export function activeLayer(align: AlignDoc): ServiceLayerDoc | null {
  return align.layers[align.active] ?? null;
}

/** The comparison of the active layer with the plan as it stands, or null when there is nothing to compare. */
function computeAlignment(s: Planner): { result: AlignResult | null; messages: readonly string[] } | null {
  const align = alignOf(s.doc);
  const layer = activeLayer(align);
  if (!align.compared || !layer || s.doc.practices.length === 0) return null;
  const areas = parseLayer(layer);
  if (!areas.ok) return { result: null, messages: areas.errors.map((e) => e.message) };
  const r = alignServices({
    serviceAreas: areas.value.areas,
    serviceFileName: layer.fileName,
    plan: selectPlan(s),
    threshold: align.threshold,
  });
  const messages = [...(r.ok ? [] : r.errors), ...r.warnings].map((i: Issue) => i.message);
  return { result: r.ok ? r.value : null, messages };
}

/** What the map shows for the Align panel: the active layer's areas, and the split networks once compared. */
export function alignOverlay(s: Planner): ServiceOverlay | null {
  const layer = activeLayer(alignOf(s.doc));
  const areas = layer ? parseLayer(layer) : null;
  if (!areas?.ok) return null;
  return serviceOverlay(areas.value.areas, s.alignment?.result ?? null, s.showAligned, selectPlan(s).networks);
}

/**
 * Keeps `alignment` in the store up to date: at once when the layers change, `delayMs` after the
 * last edit of the plan (the comparison takes ~0.2 s on Greater Manchester). Returns a stop function.
 */
export function startAlignRunner(store: PlannerStore, delayMs = 500): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    store.getState().setAlignment(computeAlignment(store.getState()));
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.doc === prev.doc && s.smallAreas === prev.smallAreas && s.footprintSource === prev.footprintSource) return;
    const alignChanged = s.doc.align !== prev.doc.align;
    const planChanged =
      s.doc.practices !== prev.doc.practices ||
      s.doc.assignment !== prev.doc.assignment ||
      s.doc.networks !== prev.doc.networks ||
      s.doc.boundary !== prev.doc.boundary ||
      s.smallAreas !== prev.smallAreas ||
      s.footprintSource !== prev.footprintSource;
    if (!alignChanged && !planChanged) return;
    if (timer) clearTimeout(timer);
    if (alignChanged || !alignOf(s.doc).compared) run();
    else timer = setTimeout(run, delayMs);
  });
  run();
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}

/** The align settings of a plan file (its "align" key), checked; unreadable layers are dropped with a warning. */
export function readAlignDoc(raw: unknown, fileName: string): { align: AlignDoc | null; warnings: Issue[] } {
  if (raw === undefined || raw === null) return { align: null, warnings: [] };
  const o = raw as Partial<Record<keyof AlignDoc, unknown>>;
  const warnings: Issue[] = [];
  const layers: ServiceLayerDoc[] = [];
  (Array.isArray(o.layers) ? o.layers : []).forEach((l: Partial<Record<keyof ServiceLayerDoc, unknown>>, i: number) => {
    const layer =
      l &&
      typeof l.fileName === 'string' &&
      typeof l.text === 'string' &&
      (l.field === null || typeof l.field === 'string')
        ? { fileName: l.fileName, text: l.text, field: l.field as string | null }
        : null;
    if (layer && parseLayer(layer).ok) layers.push(layer);
    else
      warnings.push({
        severity: 'warning',
        code: 'planFile',
        file: fileName,
        field: 'align',
        message: `${fileName}: service layer ${i} of the Align panel could not be read and was left out`,
      });
  });
  const threshold =
    typeof o.threshold === 'number' && o.threshold > 0 && o.threshold <= 1 ? o.threshold : DEFAULT_SPLIT_THRESHOLD;
  const active =
    typeof o.active === 'number' && Number.isInteger(o.active) && o.active >= 0 && o.active < layers.length
      ? o.active
      : 0;
  return { align: layers.length > 0 ? { layers, active, threshold, compared: o.compared === true } : null, warnings };
}
