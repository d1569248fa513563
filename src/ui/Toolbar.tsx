import { toAssignmentCsv, toNetworksGeoJSON } from '../core/io';
import { selectPlan } from '../state/selectors';
import type { Planner } from '../state/store';
import { serialisePlan } from '../state/plan-file';
import { useState } from 'preact/hooks';
import { FormatSelect, downloadFeatures } from './ExportFormat';
import { download } from './files';
import type { FileKind } from './load-files';
import type { MapPort } from './map-port';
import { MODE_INFO } from './mode-info';
import { NetworkPicker } from './NetworkPicker';
import { usePlannerStore, useStore } from './store-context';

const FILE_INPUTS: { kind: FileKind; label: string; accept: string }[] = [
  { kind: 'practices', label: 'Practices', accept: '.geojson,.json,.csv,.zip' },
  { kind: 'boundary', label: 'Boundary', accept: '.geojson,.json,.zip' },
  { kind: 'assignment', label: 'Assignment', accept: '.csv' },
  { kind: 'plan', label: 'Plan', accept: '.json' },
  { kind: 'postcodes', label: 'Postcode lookup', accept: '.csv' },
];

const stamp = () => new Date().toISOString().slice(0, 10);

/** The plan's name for exports: its main file (without extension) and the open scenario, e.g. "gm_practices_2022-01 · Current". */
function planTitle(s: Planner): string {
  const main = s.doc.sources.find((f) => f.kind === 'plan') ?? s.doc.sources.find((f) => f.kind === 'practices');
  const scenario = s.scenarios.find((x) => x.id === s.activeScenario)?.name;
  const name = main ? main.name.replace(/\.[^.]+$/, '') : 'Empty plan';
  return `${main?.demo ? 'Demo (synthetic): ' : ''}${name}${scenario ? ` · ${scenario}` : ''} · ${stamp()}`;
}

export function Toolbar({
  mapPort,
  onFiles,
  onCluster,
}: {
  mapPort: MapPort;
  onFiles: (files: File[], kind: FileKind | null) => void;
  onCluster: () => void;
}) {
  const store = usePlannerStore();
  const mode = useStore((s) => s.mode);
  // The labels of the steps undo and redo would take (null: none), not the stacks: an edit with the
  // same label as the last one does not re-render the toolbar.
  const undoLabel = useStore((s) => s.past.at(-1)?.label ?? null);
  const redoLabel = useStore((s) => s.future.at(-1)?.label ?? null);
  const basemap = useStore((s) => s.basemap);
  const networks = useStore((s) => s.doc.networks);
  const active = useStore((s) => s.activeNetwork);
  const [format, setFormat] = useState('geojson');
  const exportNetworks = () => {
    const plan = selectPlan(store.getState());
    downloadFeatures(toNetworksGeoJSON(plan.networks.values(), plan.input.band), `networks-${stamp()}`, format);
  };
  const exportCsv = () => {
    const { doc } = store.getState();
    download(toAssignmentCsv(doc.practices, doc.assignment, doc.networks), `assignment-${stamp()}.csv`, 'text/csv');
  };
  const savePlan = () => download(serialisePlan(store.getState()), `plan-${stamp()}.json`, 'application/json');
  const exportPng = async (wholeArea: boolean) => {
    try {
      download(await mapPort.exportPng(planTitle(store.getState()), wholeArea), `map-${stamp()}.png`, 'image/png');
    } catch (e) {
      store.getState().notify(`PNG export failed: ${(e as Error).message}`, 'error');
    }
  };
  return (
    <header class="toolbar">
      <h1>PCN Planner</h1>
      <div class="group" role="group" aria-label="Open files">
        {FILE_INPUTS.map((f) => (
          <label
            class="file-btn"
            key={f.kind}
            title={`Open a ${f.label.toLowerCase()} file (or drop any file on the window)`}
          >
            {f.label}…
            <input
              type="file"
              accept={f.accept}
              data-testid={`file-${f.kind}`}
              aria-label={`Open ${f.label.toLowerCase()} file`}
              onChange={(e) => {
                const input = e.target as HTMLInputElement;
                onFiles([...(input.files ?? [])], f.kind);
                input.value = '';
              }}
            />
          </label>
        ))}
      </div>
      <div class="group" role="group" aria-label="Save and export">
        <button type="button" onClick={savePlan} data-testid="save-plan">
          Save plan
        </button>
        <button
          type="button"
          onClick={exportNetworks}
          data-testid="export-geojson"
          title="Export the networks in the format chosen beside"
        >
          Networks
        </button>
        <FormatSelect
          value={format}
          onChange={setFormat}
          testId="export-format"
          label="Format of the networks export"
        />
        <button type="button" onClick={exportCsv} data-testid="export-csv">
          CSV
        </button>
        <button
          type="button"
          onClick={() => void exportPng(false)}
          data-testid="export-png"
          title="PNG of the map as shown, with labels, scale bar and legend"
        >
          PNG
        </button>
        <button
          type="button"
          onClick={() => void exportPng(true)}
          data-testid="export-png-whole"
          title="PNG of the whole study area"
        >
          PNG (whole area)
        </button>
        <button type="button" onClick={() => store.getState().newPlan()}>
          New
        </button>
      </div>
      <div class="group" role="group" aria-label="History">
        <button
          type="button"
          onClick={() => store.getState().undo()}
          disabled={undoLabel === null}
          data-testid="undo"
          title={undoLabel === null ? 'Nothing to undo' : `Undo ${undoLabel} (Ctrl+Z)`}
        >
          Undo
        </button>
        <button
          type="button"
          onClick={() => store.getState().redo()}
          disabled={redoLabel === null}
          data-testid="redo"
          title={redoLabel === null ? 'Nothing to redo' : `Redo ${redoLabel} (Shift+Ctrl+Z)`}
        >
          Redo
        </button>
      </div>
      <div class="group modes" role="radiogroup" aria-label="Map mode">
        {MODE_INFO.map((m) => (
          <button
            type="button"
            key={m.mode}
            role="radio"
            aria-checked={mode === m.mode}
            class={mode === m.mode ? 'on' : ''}
            title={`${m.help} (${m.key})`}
            data-testid={`mode-${m.mode}`}
            onClick={() => store.getState().setMode(m.mode)}
          >
            {m.label} <kbd>{m.key}</kbd>
          </button>
        ))}
      </div>
      <div class="group painting" role="group" aria-label="Network to paint with">
        <NetworkPicker
          id="painting"
          label="Painting:"
          networks={networks}
          value={active}
          placeholder="choose a network"
          testId="painting-network"
          onPick={(id) => store.getState().setActiveNetwork(id)}
        />
      </div>
      <button type="button" class="primary" onClick={onCluster} data-testid="open-cluster">
        Auto-cluster…
      </button>
      <label class="basemap">
        Basemap
        <select
          value={basemap.kind}
          onChange={(e) => {
            const kind = (e.target as HTMLSelectElement).value;
            if (kind === 'custom') {
              const url = window.prompt(
                'MapLibre style URL (https://…/style.json)',
                basemap.kind === 'custom' ? basemap.url : '',
              );
              if (url) store.getState().setBasemap({ kind: 'custom', url });
            } else store.getState().setBasemap({ kind: kind as 'offline' | 'osm' });
          }}
        >
          <option value="offline">Offline (no network)</option>
          <option value="osm">OpenStreetMap</option>
          <option value="custom">Custom style URL…</option>
        </select>
      </label>
    </header>
  );
}
