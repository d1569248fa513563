// Scenarios tab: the plan's named scenarios (open, rename, delete, create blank / duplicate /
// from a file), the comparison of the open scenario with another, and the reference layer.
import { loadReferenceText, loadScenarioText } from '../state/scenario-loaders';
import { ComparePanel } from './ComparePanel';
import { readFileText } from './files';
import { usePlannerStore, useStore } from './store-context';

function FileButton({
  label,
  testid,
  accept,
  onFile,
}: {
  label: string;
  testid: string;
  accept: string;
  onFile: (file: File) => void;
}) {
  return (
    <label class="file-button">
      {label}
      <input
        type="file"
        accept={accept}
        data-testid={testid}
        hidden
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          input.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}

function ScenarioList() {
  const store = usePlannerStore();
  const scenarios = useStore((s) => s.scenarios);
  const active = useStore((s) => s.activeScenario);
  const s = store.getState();
  return (
    <ul class="scenario-list" data-testid="scenario-list" aria-label="Scenarios">
      {scenarios.map((x) => (
        <li key={x.id} class={x.id === active ? 'on' : ''} data-testid="scenario-item" data-name={x.name}>
          <button
            type="button"
            aria-pressed={x.id === active}
            data-testid="scenario-open"
            disabled={x.id === active}
            onClick={() => s.switchScenario(x.id)}
          >
            {x.id === active ? 'Open' : 'Switch to'}
          </button>
          <input
            type="text"
            value={x.name}
            aria-label={`Name of scenario ${x.name}`}
            data-testid="scenario-name"
            onChange={(e) => {
              if (!store.getState().renameScenario(x.id, e.currentTarget.value)) e.currentTarget.value = x.name;
            }}
          />
          <button
            type="button"
            data-testid="scenario-delete"
            disabled={scenarios.length <= 1}
            title={scenarios.length <= 1 ? 'A plan keeps at least one scenario' : `Delete ${x.name}`}
            onClick={() => {
              if (window.confirm(`Delete the scenario "${x.name}" and its undo history?`)) s.deleteScenario(x.id);
            }}
          >
            Delete
          </button>
        </li>
      ))}
    </ul>
  );
}

function ReferenceLayerControls() {
  const store = usePlannerStore();
  const reference = useStore((s) => s.reference);
  return (
    <section aria-labelledby="reference-heading">
      <h3 id="reference-heading">Reference layer</h3>
      <p class="hint">
        Any polygon GeoJSON (official PCN footprints, wards, localities), drawn as labelled dashed outlines under the
        plan and kept in the plan file.
      </p>
      <div class="row">
        <FileButton
          label={reference ? 'Replace…' : 'Load polygons…'}
          testid="reference-file"
          accept=".geojson,.json"
          onFile={(f) => void readFileText(f).then((text) => loadReferenceText(store, text, f.name))}
        />
        {reference && (
          <button type="button" data-testid="reference-clear" onClick={() => store.getState().setReference(null)}>
            Clear
          </button>
        )}
      </div>
      {reference && (
        <p data-testid="reference-summary">
          {reference.name}: {reference.features.length} polygon{reference.features.length === 1 ? '' : 's'}
        </p>
      )}
    </section>
  );
}

export function ScenariosPanel() {
  const store = usePlannerStore();
  const s = store.getState();
  return (
    <div class="scenarios-panel">
      <section aria-labelledby="scenarios-heading">
        <h3 id="scenarios-heading">Scenarios</h3>
        <p class="hint">
          Each scenario is a version of the plan with its own undo history; the plan file and the autosave keep them
          all.
        </p>
        <ScenarioList />
        <div class="row">
          <button
            type="button"
            data-testid="scenario-duplicate"
            onClick={() => s.createScenario({ kind: 'duplicate' })}
          >
            Duplicate
          </button>
          <button type="button" data-testid="scenario-blank" onClick={() => s.createScenario({ kind: 'blank' })}>
            New blank
          </button>
          <FileButton
            label="From file…"
            testid="scenario-file"
            accept=".csv,.geojson,.json"
            onFile={(f) => void readFileText(f).then((text) => loadScenarioText(store, text, f.name))}
          />
        </div>
        <p class="hint">
          From file: an assignment CSV or a networks GeoJSON. An auto-cluster proposal becomes a scenario with "Accept
          as new scenario".
        </p>
      </section>
      <ComparePanel />
      <ReferenceLayerControls />
    </div>
  );
}
