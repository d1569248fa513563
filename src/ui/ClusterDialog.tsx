// "Auto-cluster…" dialog: options, a run in a web worker with a progress bar and cancel,
// before/after figures of several alternatives (one per seed) side by side, and accept (one
// undoable step, through `onAccept`) or discard. Talks to the store only through its props.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CLUSTER_SCOPE, parseHardAreas, type ClusterReport, type ClusterScope, type HardArea } from '../core/cluster';
import type { ClusterJobOutcome, ClusterJobRequest } from '../core/cluster/cluster-job';
import type { Assignment, Band, Boundary, Network, NetworkId, Practice, PracticeCode } from '../core/model';
import type { ClusterWorkerMessage, ClusterWorkerRequest } from '../workers/cluster-worker';
import type { Proposal } from '../state/proposal';
import { Dialog } from './Dialog';
import './ClusterDialog.css';

export interface ClusterDialogPlan {
  readonly practices: readonly Practice[];
  readonly boundary: Boundary | null;
  readonly networks: readonly (Network & { readonly locked?: boolean })[];
  readonly assignment: Assignment;
  readonly band: Band;
}

export interface ClusterDialogProps {
  readonly plan: ClusterDialogPlan;
  /** Applies the chosen plan as one undoable step. */
  readonly onAccept: (assignment: Map<PracticeCode, NetworkId>, networks: Network[], label: string) => void;
  /** Keeps the chosen plan as a new scenario instead (the open one is left as it is). */
  readonly onAcceptAsScenario?: (assignment: Map<PracticeCode, NetworkId>, networks: Network[], label: string) => void;
  readonly onClose: () => void;
  /** Injected in tests; defaults to the bundled cluster worker. */
  readonly createWorker?: () => Worker;
  /** A hard-boundary layer handed over by another panel (the Align panel's service areas). */
  readonly initialHardLayer?: { readonly name: string; readonly text: string; readonly field: string } | null;
  /** Shows the chosen proposal on the map before it is accepted (null: nothing to show). */
  readonly onPreview?: (proposal: Proposal | null) => void;
  /** Contiguous networks of a proposal (null: of the plan as it is), by the plan's own rules. */
  readonly contiguity?: (proposal: Proposal | null) => number;
}

const defaultWorker = () => new Worker(new URL('../workers/cluster-worker.ts', import.meta.url), { type: 'module' });

type Phase =
  | { readonly kind: 'idle'; readonly note?: string }
  | { readonly kind: 'running'; readonly fraction: number }
  | { readonly kind: 'done'; readonly outcome: Extract<ClusterJobOutcome, { ok: true }> }
  | { readonly kind: 'failed'; readonly messages: readonly string[] };

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

const ROWS: readonly { label: string; value: (r: ClusterReport) => string }[] = [
  { label: 'Networks', value: (r) => fmt(r.networks) },
  { label: 'In band', value: (r) => `${fmt(r.inBand)} (${pct(r.shareInBand)})` },
  { label: 'Contiguous', value: (r) => `${fmt(r.contiguous)} (${pct(r.shareContiguous)})` },
  { label: 'Polsby-Popper mean', value: (r) => r.meanPolsbyPopper.toFixed(3) },
  { label: 'Polsby-Popper min', value: (r) => r.minPolsbyPopper.toFixed(3) },
  { label: 'Population min', value: (r) => fmt(r.populationMin) },
  { label: 'Population median', value: (r) => fmt(r.populationMedian) },
  { label: 'Population max', value: (r) => fmt(r.populationMax) },
  { label: 'Practices moved', value: (r) => fmt(r.practicesMoved) },
  { label: 'Newly assigned', value: (r) => fmt(r.practicesAssigned) },
  { label: 'Moves undone (not needed)', value: (r) => fmt(r.movesUndone) },
  { label: 'Out of band, reported', value: (r) => fmt(r.unavoidable.length) },
  { label: 'Runtime', value: (r) => `${fmt(r.runtimeMs)} ms` },
];

function positiveOrUndefined(text: string): number | undefined {
  const n = Number(text.replace(/[_,\s]/g, ''));
  return text.trim() !== '' && Number.isFinite(n) && n > 0 ? Math.round(n) : undefined;
}

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: on the allowlist in tests/unit/architecture/lint.test.ts
export function ClusterDialog({
  plan,
  onAccept,
  onAcceptAsScenario,
  onClose,
  createWorker = defaultWorker,
  initialHardLayer = null,
  onPreview,
  contiguity,
}: ClusterDialogProps) {
  const [scope, setScope] = useState<ClusterScope>(CLUSTER_SCOPE.all);
  const [min, setMin] = useState(String(plan.band.min));
  const [max, setMax] = useState(String(plan.band.max));
  const [target, setTarget] = useState('');
  const [count, setCount] = useState('');
  const [seed, setSeed] = useState('1');
  const [alternatives, setAlternatives] = useState('3');
  const [repair, setRepair] = useState(false);
  const [layer, setLayer] = useState<{ name: string; text: string; fields: string[] } | null>(
    initialHardLayer
      ? { name: initialHardLayer.name, text: initialHardLayer.text, fields: [initialHardLayer.field] }
      : null,
  );
  const [layerField, setLayerField] = useState(initialHardLayer?.field ?? '');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [chosen, setChosen] = useState(0);
  const worker = useRef<Worker | null>(null);

  const stopWorker = () => {
    worker.current?.terminate();
    worker.current = null;
  };
  useEffect(() => stopWorker, []);

  const done = phase.kind === 'done' ? phase.outcome : null;
  useEffect(() => {
    const alt = done?.alternatives[chosen];
    onPreview?.(alt ? { assignment: alt.result.assignment, networks: alt.result.networks } : null);
  }, [done, chosen, onPreview]);
  useEffect(() => () => onPreview?.(null), [onPreview]);
  // Contiguity by the plan's own definition (the same as the summary), not the clustering's own count.
  const contiguous = useMemo(
    () =>
      done && contiguity
        ? {
            before: contiguity(null),
            alternatives: done.alternatives.map((a) =>
              contiguity({ assignment: a.result.assignment, networks: a.result.networks }),
            ),
          }
        : null,
    [done, contiguity],
  );

  const hasPlan = plan.assignment.size > 0;
  const locked = plan.networks.filter((n) => n.locked).map((n) => n.id);

  async function chooseLayer(file: File | undefined) {
    if (!file) {
      setLayer(null);
      return;
    }
    const text = await file.text();
    const parsed = parseHardAreas(text, file.name);
    let fields: string[] = [];
    try {
      const json = JSON.parse(text) as { features?: { properties?: Record<string, unknown> }[] };
      fields = Object.keys(json.features?.[0]?.properties ?? {});
    } catch {
      fields = [];
    }
    setLayer({ name: file.name, text, fields });
    setLayerField(fields[0] ?? '');
    if (!parsed.ok) setPhase({ kind: 'failed', messages: parsed.errors.map((e) => e.message) });
  }

  function run() {
    const band = { min: positiveOrUndefined(min) ?? 0, max: positiveOrUndefined(max) ?? 0 };
    let hardAreas: HardArea[] | null = null;
    if (layer) {
      const parsed = parseHardAreas(layer.text, layer.name, layerField || undefined);
      if (!parsed.ok) {
        setPhase({ kind: 'failed', messages: parsed.errors.map((e) => e.message) });
        return;
      }
      hardAreas = parsed.value;
    }
    const first = positiveOrUndefined(seed) ?? 1;
    const n = Math.min(6, Math.max(1, positiveOrUndefined(alternatives) ?? 1));
    const request: ClusterJobRequest = {
      practices: plan.practices,
      boundary: plan.boundary,
      band,
      scope,
      assignment: plan.assignment,
      networks: plan.networks.map((x) => ({ id: x.id, name: x.name })),
      lockedNetworkIds: locked,
      hardAreas,
      targetSize: positiveOrUndefined(target),
      count: repair ? undefined : positiveOrUndefined(count),
      repair: repair && hasPlan,
      seeds: Array.from({ length: n }, (_, k) => first + k),
    };
    stopWorker();
    const w = createWorker();
    worker.current = w;
    setPhase({ kind: 'running', fraction: 0 });
    w.onmessage = (e: MessageEvent<ClusterWorkerMessage>) => {
      const msg = e.data;
      if (msg.type === 'progress') setPhase({ kind: 'running', fraction: msg.fraction });
      else {
        stopWorker();
        const { outcome } = msg;
        if (!outcome.ok) setPhase({ kind: 'failed', messages: outcome.errors.map((x) => x.message) });
        else if (outcome.cancelled || outcome.alternatives.length === 0) setPhase({ kind: 'idle', note: 'Cancelled.' });
        else {
          setChosen(0);
          setPhase({ kind: 'done', outcome });
        }
      }
    };
    w.onerror = (e) => {
      stopWorker();
      setPhase({ kind: 'failed', messages: [`the clustering stopped with an internal error: ${e.message}`] });
    };
    const message: ClusterWorkerRequest = { type: 'run', jobId: 1, request };
    w.postMessage(message);
  }

  function cancel() {
    stopWorker();
    setPhase({ kind: 'idle', note: 'Cancelled: the plan is unchanged.' });
  }

  function accept(target: ClusterDialogProps['onAccept'] = onAccept) {
    if (phase.kind !== 'done') return;
    const alt = phase.outcome.alternatives[chosen];
    target(
      new Map(alt.result.assignment),
      [...alt.result.networks],
      `Auto-cluster${repair ? ' repair' : ''} (seed ${alt.seed})`,
    );
    onClose();
  }

  const running = phase.kind === 'running';
  const contiguousCell = (k: number | null, r: ClusterReport) => {
    const n = contiguous ? (k === null ? contiguous.before : contiguous.alternatives[k]) : r.contiguous;
    return `${fmt(n)} (${pct(r.networks ? n / r.networks : 1)})`;
  };
  const cell = (row: (typeof ROWS)[number], r: ClusterReport, k: number | null) =>
    row.label === 'Contiguous' ? contiguousCell(k, r) : row.value(r);
  return (
    <Dialog
      labelledBy="cluster-dialog-title"
      onClose={() => {
        stopWorker();
        onClose();
      }}
      modal={false}
      class="cluster-dialog"
    >
      <div class="cluster-body">
        <h2 id="cluster-dialog-title">Auto-cluster</h2>
        <fieldset disabled={running}>
          <label>
            Practices
            <select value={scope} onChange={(e) => setScope(e.currentTarget.value as ClusterScope)}>
              <option value={CLUSTER_SCOPE.all}>All practices</option>
              <option value={CLUSTER_SCOPE.unassigned}>Only practices with no network</option>
              <option value={CLUSTER_SCOPE.unlocked}>All but locked networks</option>
            </select>
          </label>
          <p class="cluster-note">
            Locked networks are kept as they are{locked.length ? ` (${locked.length} locked)` : ''}.
          </p>
          <label>
            Minimum
            <input inputMode="numeric" value={min} onInput={(e) => setMin(e.currentTarget.value)} />
          </label>
          <label>
            Maximum
            <input inputMode="numeric" value={max} onInput={(e) => setMax(e.currentTarget.value)} />
          </label>
          <label>
            Target size
            <input
              inputMode="numeric"
              placeholder="middle of the band"
              value={target}
              onInput={(e) => setTarget(e.currentTarget.value)}
            />
          </label>
          <label>
            Number of networks
            <input
              inputMode="numeric"
              placeholder="chosen automatically"
              value={count}
              disabled={repair}
              onInput={(e) => setCount(e.currentTarget.value)}
            />
          </label>
          <label>
            Seed
            <input inputMode="numeric" value={seed} onInput={(e) => setSeed(e.currentTarget.value)} />
          </label>
          <label>
            Alternatives
            <input inputMode="numeric" value={alternatives} onInput={(e) => setAlternatives(e.currentTarget.value)} />
          </label>
          {layer ? (
            <p class="cluster-note cluster-layer" data-testid="cluster-hard-layer">
              Hard boundaries: <strong>{layer.name}</strong>
              {layerField ? ` (areas named by ${layerField})` : ''}
              <button type="button" onClick={() => setLayer(null)} aria-label={`Remove hard boundaries ${layer.name}`}>
                Remove
              </button>
            </p>
          ) : (
            <label>
              Hard boundaries (GeoJSON)
              <input
                type="file"
                accept=".geojson,.json,application/geo+json,application/json"
                onChange={(e) => void chooseLayer(e.currentTarget.files?.[0])}
              />
            </label>
          )}
          {layer && layer.fields.length > 1 && (
            <label>
              Area field
              <select value={layerField} onChange={(e) => setLayerField(e.currentTarget.value)}>
                {layer.fields.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label class="cluster-check">
            <input
              type="checkbox"
              checked={repair}
              disabled={!hasPlan}
              onChange={(e) => setRepair(e.currentTarget.checked)}
            />
            Repair the current plan (move as few practices as possible)
          </label>
        </fieldset>

        {phase.kind === 'running' && (
          <progress class="cluster-progress" max={1} value={phase.fraction} aria-label="Clustering progress" />
        )}
        {phase.kind === 'idle' && phase.note && <p class="cluster-note">{phase.note}</p>}
        {phase.kind === 'failed' && (
          <ul class="cluster-errors">
            {phase.messages.map((m, k) => (
              <li key={k}>{m}</li>
            ))}
          </ul>
        )}
        {phase.kind === 'done' && (
          <div class="cluster-results">
            <p class="cluster-note">
              The chosen proposal is outlined on the map (dashed); the plan changes only when you accept it.
            </p>
            <table>
              <thead>
                <tr>
                  <th scope="col" />
                  <th scope="col">Before</th>
                  {phase.outcome.alternatives.map((a, k) => (
                    <th scope="col" key={a.seed}>
                      <label>
                        <input
                          type="radio"
                          name="cluster-alternative"
                          checked={chosen === k}
                          onChange={() => setChosen(k)}
                        />{' '}
                        Seed {a.seed}
                      </label>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ROWS.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    <td>
                      {row.label === 'Runtime' || row.label === 'Practices moved' || row.label === 'Newly assigned'
                        ? ''
                        : cell(row, phase.outcome.before, null)}
                    </td>
                    {phase.outcome.alternatives.map((a, k) => (
                      <td key={a.seed}>{cell(row, a.result.report, k)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            {phase.outcome.alternatives[chosen].warnings.length > 0 && (
              <ul class="cluster-unavoidable" data-testid="cluster-warnings">
                {phase.outcome.alternatives[chosen].warnings.map((w) => (
                  <li key={w.message}>{w.message}</li>
                ))}
              </ul>
            )}
            {phase.outcome.alternatives[chosen].result.report.unavoidable.length > 0 && (
              <ul class="cluster-unavoidable">
                {phase.outcome.alternatives[chosen].result.report.unavoidable.map((u) => (
                  <li key={u.networkId}>{u.message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>

      <div class="cluster-actions cluster-footer">
        {phase.kind === 'done' && (
          <>
            <button type="button" class="primary" onClick={() => accept()} data-testid="cluster-accept">
              Accept seed {phase.outcome.alternatives[chosen].seed}
            </button>
            {onAcceptAsScenario && (
              <button type="button" data-testid="cluster-accept-scenario" onClick={() => accept(onAcceptAsScenario)}>
                Accept as new scenario
              </button>
            )}
            <button type="button" onClick={() => setPhase({ kind: 'idle', note: 'Discarded: the plan is unchanged.' })}>
              Discard
            </button>
          </>
        )}
        {running ? (
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        ) : (
          <button type="button" onClick={run} data-testid="cluster-run">
            {phase.kind === 'done' ? 'Run again' : 'Run'}
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            stopWorker();
            onClose();
          }}
        >
          Close
        </button>
      </div>
    </Dialog>
  );
}
