// "Auto-cluster…" dialog: options, a run in a web worker with a progress bar and cancel,
// before/after figures of several alternatives (one per seed) side by side, and accept (one
// undoable step, through `onAccept`) or discard. Talks to the store only through its props.
// Its parts: the options form, the results table, the run (use-cluster-job.ts) and the request
// built from the options (cluster-request.ts).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { parseHardAreas } from '../core/cluster';
import type { Assignment, Band, Boundary, Network, NetworkId, Practice, PracticeCode } from '../core/model';
import type { Proposal } from '../state/proposal';
import { ClusterOptionsForm } from './ClusterOptionsForm';
import { ClusterResults, type ContiguityFigures } from './ClusterResults';
import { clusterRequest, defaultOptions, type HardLayerChoice, layerFields } from './cluster-request';
import { Dialog } from './Dialog';
import { type ClusterPhase, defaultClusterWorker, useClusterJob } from './use-cluster-job';
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

type Done = Extract<ClusterPhase, { kind: 'done' }>['outcome'];

/** The chosen alternative outlined on the map, and the contiguity of every alternative by the plan's rules. */
function useProposalPreview(
  done: Done | null,
  chosen: number,
  onPreview: ClusterDialogProps['onPreview'],
  contiguity: ClusterDialogProps['contiguity'],
): ContiguityFigures | null {
  useEffect(() => {
    const alt = done?.alternatives[chosen];
    onPreview?.(alt ? { assignment: alt.result.assignment, networks: alt.result.networks } : null);
  }, [done, chosen, onPreview]);
  useEffect(() => () => onPreview?.(null), [onPreview]);
  // Contiguity by the plan's own definition (the same as the summary), not the clustering's own count.
  return useMemo(
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
}

function ClusterFooter(props: {
  readonly done: Done | null;
  readonly chosen: number;
  readonly running: boolean;
  readonly onAccept: () => void;
  readonly onAcceptAsScenario: (() => void) | null;
  readonly onDiscard: () => void;
  readonly onRun: () => void;
  readonly onCancel: () => void;
  readonly onClose: () => void;
}) {
  const { done } = props;
  return (
    <div class="cluster-actions cluster-footer">
      {done && (
        <>
          <button type="button" class="primary" onClick={props.onAccept} data-testid="cluster-accept">
            Accept seed {done.alternatives[props.chosen].seed}
          </button>
          {props.onAcceptAsScenario && (
            <button type="button" data-testid="cluster-accept-scenario" onClick={props.onAcceptAsScenario}>
              Accept as new scenario
            </button>
          )}
          <button type="button" onClick={props.onDiscard}>
            Discard
          </button>
        </>
      )}
      {props.running ? (
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      ) : (
        <button type="button" onClick={props.onRun} data-testid="cluster-run">
          {done ? 'Run again' : 'Run'}
        </button>
      )}
      <button type="button" onClick={props.onClose}>
        Close
      </button>
    </div>
  );
}

function PhaseStatus({ phase }: { readonly phase: ClusterPhase }) {
  if (phase.kind === 'running')
    return <progress class="cluster-progress" max={1} value={phase.fraction} aria-label="Clustering progress" />;
  if (phase.kind === 'idle') return phase.note ? <p class="cluster-note">{phase.note}</p> : null;
  if (phase.kind === 'failed')
    return (
      <ul class="cluster-errors">
        {phase.messages.map((m, k) => (
          <li key={k}>{m}</li>
        ))}
      </ul>
    );
  return null;
}

export function ClusterDialog({
  plan,
  onAccept,
  onAcceptAsScenario,
  onClose,
  createWorker = defaultClusterWorker,
  initialHardLayer = null,
  onPreview,
  contiguity,
}: ClusterDialogProps) {
  const [options, setOptions] = useState(() => defaultOptions(plan));
  const [layer, setLayer] = useState<HardLayerChoice | null>(
    initialHardLayer
      ? {
          name: initialHardLayer.name,
          text: initialHardLayer.text,
          fields: [initialHardLayer.field],
          field: initialHardLayer.field,
        }
      : null,
  );
  const job = useClusterJob(createWorker);
  const { phase, chosen } = job;
  const done = phase.kind === 'done' ? phase.outcome : null;
  const contiguous = useProposalPreview(done, chosen, onPreview, contiguity);

  async function chooseLayer(file: File | undefined) {
    if (!file) {
      setLayer(null);
      return;
    }
    const text = await file.text();
    const parsed = parseHardAreas(text, file.name);
    const fields = layerFields(text);
    setLayer({ name: file.name, text, fields, field: fields[0] ?? '' });
    if (!parsed.ok) job.setPhase({ kind: 'failed', messages: parsed.errors.map((e) => e.message) });
  }

  function run() {
    const r = clusterRequest(plan, options, layer);
    if (r.ok) job.start(r.value);
    else job.setPhase({ kind: 'failed', messages: r.errors.map((e) => e.message) });
  }

  function accept(target: ClusterDialogProps['onAccept']) {
    if (!done) return;
    const alt = done.alternatives[chosen];
    target(
      new Map(alt.result.assignment),
      [...alt.result.networks],
      `Auto-cluster${options.repair ? ' repair' : ''} (seed ${alt.seed})`,
    );
    onClose();
  }

  const close = () => {
    job.stop();
    onClose();
  };
  return (
    <Dialog labelledBy="cluster-dialog-title" onClose={close} modal={false} class="cluster-dialog">
      <div class="cluster-body">
        <h2 id="cluster-dialog-title">Auto-cluster</h2>
        <ClusterOptionsForm
          options={options}
          onOptions={setOptions}
          layer={layer}
          onLayer={setLayer}
          onLayerFile={(file) => void chooseLayer(file)}
          lockedCount={plan.networks.filter((n) => n.locked).length}
          hasPlan={plan.assignment.size > 0}
          disabled={phase.kind === 'running'}
        />
        <PhaseStatus phase={phase} />
        {done && <ClusterResults outcome={done} chosen={chosen} onChoose={job.setChosen} contiguous={contiguous} />}
      </div>
      <ClusterFooter
        done={done}
        chosen={chosen}
        running={phase.kind === 'running'}
        onAccept={() => accept(onAccept)}
        onAcceptAsScenario={onAcceptAsScenario ? () => accept(onAcceptAsScenario) : null}
        onDiscard={() => job.setPhase({ kind: 'idle', note: 'Discarded: the plan is unchanged.' })}
        onRun={run}
        onCancel={job.cancel}
        onClose={close}
      />
    </Dialog>
  );
}
