// The store's actions on what is not part of the document (not undoable): mode, selection,
// basemap, problems, notices, progress, and the Align and Small areas panels' inputs.
import { FOOTPRINT_SOURCES } from '../small-areas';
import type { PlannerActions, PlannerState } from '../store';

export type ViewActions = Pick<
  PlannerActions,
  | 'setMode'
  | 'setActiveNetwork'
  | 'selectPractice'
  | 'hoverPractice'
  | 'setBasemap'
  | 'reportBasemapFailure'
  | 'reportProblem'
  | 'dropProblems'
  | 'dismissProblem'
  | 'notify'
  | 'dismissNotice'
  | 'setBusy'
  | 'setAlignment'
  | 'setShowAligned'
  | 'setSmallAreas'
  | 'setFootprintSource'
  | 'setDeprivation'
  | 'setShowDeprivationLayer'
  | 'setUnopenedSmallAreas'
>;

export function viewActions(
  set: (partial: Partial<PlannerState>) => void,
  get: () => PlannerState,
  saveBasemap: (choice: PlannerState['basemap']) => void,
): ViewActions {
  let noticeId = 0;
  const actions: ViewActions = {
    setMode: (mode) => set({ mode }),
    setActiveNetwork: (id) => set({ activeNetwork: id }),
    selectPractice: (code) => set({ selectedPractice: code }),
    hoverPractice(code) {
      if (get().hoveredPractice !== code) set({ hoveredPractice: code });
    },
    setBasemap(choice) {
      set({ basemap: choice });
      saveBasemap(choice);
    },
    reportBasemapFailure(message) {
      if (get().basemap.kind === 'offline') return;
      set({ basemap: { kind: 'offline' } });
      actions.notify(
        `The online basemap could not be loaded (${message}); showing the offline basemap instead.`,
        'warning',
      );
    },
    reportProblem: (problem) => set({ problems: [problem, ...get().problems].slice(0, 20) }),
    dropProblems(kind) {
      const kept = get().problems.filter((p) => p.kind !== kind);
      if (kept.length !== get().problems.length) set({ problems: kept });
    },
    dismissProblem: (index) => set({ problems: get().problems.filter((_, i) => i !== index) }),
    notify(text, tone = 'info') {
      const id = ++noticeId;
      set({ notices: [...get().notices.filter((n) => n.text !== text), { id, text, tone }].slice(-5) });
      // Information and warnings fade by themselves; errors stay until dismissed.
      if (tone !== 'error') setTimeout(() => actions.dismissNotice(id), tone === 'info' ? 6000 : 15000);
      return id;
    },
    dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
    setBusy: (busy) => set({ busy }),
    // Without a comparison every edit hands back null again: no store change, no subscriber run.
    setAlignment: (alignment) => {
      if (alignment !== get().alignment) set({ alignment });
    },
    setShowAligned: (showAligned) => set({ showAligned }),
    setSmallAreas(source) {
      // Files opened: the plan now records these, not the ones it was restored with.
      set(
        source
          ? { smallAreas: source, unopenedSmallAreas: null }
          : { smallAreas: null, footprintSource: FOOTPRINT_SOURCES.cells },
      );
    },
    setFootprintSource(source) {
      if (source === FOOTPRINT_SOURCES.smallAreas && !get().smallAreas) return;
      set({ footprintSource: source });
    },
    setDeprivation: (deprivation) => set({ deprivation }),
    setShowDeprivationLayer: (showDeprivationLayer) => set({ showDeprivationLayer }),
    setUnopenedSmallAreas: (unopenedSmallAreas) => set({ unopenedSmallAreas }),
  };
  return actions;
}
