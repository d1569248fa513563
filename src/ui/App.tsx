// The app shell: toolbar, map, side panel (tabs), dialogs; keyboard shortcuts and file drop.
import { bbox } from '@turf/turf';
import type { ComponentChildren, ComponentProps } from 'preact';
import { useCallback, useContext, useState } from 'preact/hooks';
import type { HardLayer } from './AlignPanel';
import {
  AlignTab,
  BngConfirmDialog,
  ClusterDialog,
  FieldMappingDialog,
  OpenChoiceDialog,
  ScenariosPanel,
  Settings,
} from './lazy-parts';
import { FileCopiesContext, reopenRecorded } from './file-copies';
import { loadFiles, loadPractices, type FileKind, type PendingFields } from './load-files';
import type { MapPort } from './map-port';
import { NetworksPanel, Summary } from './NetworksPanel';
import { PracticeDetails } from './PracticeDetails';
import { Notices, ProblemsPanel } from './ProblemsPanel';
import { SearchBox } from './SearchBox';
import { usePlannerStore, useStore } from './store-context';
import { Toolbar } from './Toolbar';
import { useShortcuts } from './use-shortcuts';
import type { PracticesMode } from '../state/loaders';
import { contiguousCount, evaluateProposal, proposalOutlines, type Proposal } from '../state/proposal';
import { selectPlan, selectTessellation } from '../state/selectors';
import type { SourceFile } from '../state/types';

const KIND_LABEL: Record<SourceFile['kind'], string> = {
  practices: 'Practices',
  boundary: 'Boundary',
  assignment: 'Assignment',
  plan: 'Plan',
};

/** Exactly the files the current plan is built from, and whether it is the demo. */
function PlanSources({ sources }: { sources: readonly SourceFile[] }) {
  if (sources.length === 0)
    return (
      <p class="sources" data-testid="sources">
        Empty plan: open a practices file or drop one here.
      </p>
    );
  const boundary = sources.some((f) => f.kind === 'boundary' || f.kind === 'plan');
  return (
    <p class="sources" data-testid="sources">
      {sources.some((f) => f.demo) && <strong>Demo (synthetic, not NHS data): </strong>}
      {sources.map((f, i) => (
        <span key={f.name}>
          {i > 0 ? ' · ' : ''}
          {KIND_LABEL[f.kind]}: {f.name}
        </span>
      ))}
      {!boundary && <span> · Boundary: hull of the practices</span>}
    </p>
  );
}

/**
 * The auto-cluster dialog on the current document: only this follows every edit, not the whole
 * app shell (a paint click re-renders what shows the plan, nothing else).
 */
function ClusterDialogOnPlan(props: Omit<ComponentProps<typeof ClusterDialog>, 'plan'>) {
  const doc = useStore((s) => s.doc);
  return <ClusterDialog plan={doc} {...props} />;
}

export interface SidePanelTab {
  readonly id: string;
  readonly label: string;
  readonly render: () => ComponentChildren;
}

export function App({
  mapPort,
  mapRef,
  extraTabs = [],
}: {
  mapPort: MapPort;
  mapRef: (el: HTMLDivElement | null) => void;
  extraTabs?: readonly SidePanelTab[];
}) {
  const store = usePlannerStore();
  const sources = useStore((s) => s.doc.sources);
  const [pending, setPending] = useState<PendingFields | null>(null);
  const [clusterOpen, setClusterOpen] = useState(false);
  const [hardLayer, setHardLayer] = useState<HardLayer | null>(null);
  const [tab, setTab] = useState('networks');
  const [dragOver, setDragOver] = useState(false);
  const [choice, setChoice] = useState<{ fileName: string; resolve: (m: PracticesMode | null) => void } | null>(null);
  const chooseMode = (fileName: string) =>
    new Promise<PracticesMode | null>((resolve) => setChoice({ fileName, resolve }));
  const onPreview = useCallback(
    (p: Proposal | null) => mapPort.showPreview(p ? proposalOutlines(evaluateProposal(store.getState(), p)) : null),
    [store, mapPort],
  );
  const contiguity = useCallback(
    (p: Proposal | null) => contiguousCount(p ? evaluateProposal(store.getState(), p) : selectPlan(store.getState())),
    [store],
  );
  const [bngQuestion, setBngQuestion] = useState<{ fileName: string; resolve: (yes: boolean) => void } | null>(null);
  const confirmBng = (fileName: string) => new Promise<boolean>((resolve) => setBngQuestion({ fileName, resolve }));
  const fileCopies = useContext(FileCopiesContext);
  const onFiles = (files: File[], kind: FileKind | null) =>
    void loadFiles(store, files, kind, {
      onNeedsFields: setPending,
      chooseMode,
      confirmBng,
      onSmallAreas: (record, fileName) => void reopenRecorded(store, record, fileCopies, { fileName, autosave: false }),
    });

  useShortcuts(store);

  const tabs: SidePanelTab[] = [
    { id: 'networks', label: 'Networks', render: () => <NetworksPanel mapPort={mapPort} /> },
    { id: 'settings', label: 'Settings', render: () => <Settings /> },
    { id: 'scenarios', label: 'Scenarios', render: () => <ScenariosPanel /> },
    {
      id: 'align',
      label: 'Align',
      render: () => (
        <AlignTab
          confirmBng={confirmBng}
          onUseAsHardBoundaries={(layer) => {
            setHardLayer(layer);
            setClusterOpen(true);
          }}
        />
      ),
    },
    ...extraTabs,
  ];
  const current = tabs.find((t) => t.id === tab) ?? tabs[0];
  return (
    <div
      class={`app${dragOver ? ' app--drop' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragOver(true);
      }}
      onDragLeave={() => setDragOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragOver(false);
        onFiles([...(e.dataTransfer?.files ?? [])], null);
      }}
    >
      <Toolbar mapPort={mapPort} onFiles={onFiles} onCluster={() => setClusterOpen(true)} />
      <main class="workspace">
        <div class="map-wrap">
          <div id="map" ref={mapRef} role="application" aria-label="Map of practices and network footprints" />
          <SearchBox mapPort={mapPort} />
          <button
            type="button"
            class="zoom-all"
            data-testid="zoom-all"
            aria-label="Zoom to the whole area"
            title="Zoom to the whole area"
            onClick={() => {
              const b = bbox(selectTessellation(store.getState()).areaGeometry);
              if (b.every(Number.isFinite)) mapPort.zoomTo([b[0], b[1], b[2], b[3]]);
            }}
          >
            ⤢ Whole area
          </button>
          <Notices />
        </div>
        <aside class="side" aria-label="Plan">
          <PlanSources sources={sources} />
          <Summary />
          <PracticeDetails />
          <ProblemsPanel />
          <div class="tabs" role="tablist" aria-label="Side panel">
            {tabs.map((t) => (
              <button
                type="button"
                role="tab"
                key={t.id}
                aria-selected={t.id === current.id}
                class={t.id === current.id ? 'on' : ''}
                onClick={() => setTab(t.id)}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div role="tabpanel">{current.render()}</div>
        </aside>
        {clusterOpen && (
          <ClusterDialogOnPlan
            initialHardLayer={hardLayer}
            onPreview={onPreview}
            contiguity={contiguity}
            onClose={() => {
              setClusterOpen(false);
              setHardLayer(null);
            }}
            onAccept={(assignment, networks, label) => {
              store.getState().applyAssignment(assignment, networks, label);
              setClusterOpen(false);
              setHardLayer(null);
            }}
            onAcceptAsScenario={(assignment, networks, label) => {
              store.getState().createScenario({ kind: 'assignment', assignment, networks }, label);
              setClusterOpen(false);
              setHardLayer(null);
              setTab('scenarios');
            }}
          />
        )}
      </main>
      {pending && (
        <FieldMappingDialog
          pending={pending}
          onCancel={() => setPending(null)}
          onApply={(fields) => {
            const p = pending;
            setPending(null);
            void loadPractices(store, p.text, p.fileName, fields, chooseMode, p.reading);
          }}
        />
      )}
      {bngQuestion && (
        <BngConfirmDialog
          fileName={bngQuestion.fileName}
          onAnswer={(yes) => {
            setBngQuestion(null);
            bngQuestion.resolve(yes);
          }}
        />
      )}
      {choice && (
        <OpenChoiceDialog
          fileName={choice.fileName}
          onChoose={(mode) => {
            setChoice(null);
            choice.resolve(mode);
          }}
        />
      )}
    </div>
  );
}
