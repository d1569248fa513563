// The Auto-cluster dialog's results: before/after figures of each alternative side by side, one
// chosen (outlined on the map), and the chosen one's warnings and out-of-band networks.
import type { ClusterReport } from '../core/cluster';
import type { ClusterPhase } from './use-cluster-job';

type Outcome = Extract<ClusterPhase, { kind: 'done' }>['outcome'];

/** Contiguous networks by the plan's own rules: of the plan before, and of each alternative. */
export interface ContiguityFigures {
  readonly before: number;
  readonly alternatives: readonly number[];
}

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

/** Rows with no "before" figure: they describe a run, not a plan. */
const RUN_ONLY = new Set(['Runtime', 'Practices moved', 'Newly assigned']);

export interface ClusterResultsProps {
  readonly outcome: Outcome;
  readonly chosen: number;
  readonly onChoose: (k: number) => void;
  readonly contiguous: ContiguityFigures | null;
}

export function ClusterResults({ outcome, chosen, onChoose, contiguous }: ClusterResultsProps) {
  const contiguousCell = (k: number | null, r: ClusterReport) => {
    const n = contiguous ? (k === null ? contiguous.before : contiguous.alternatives[k]) : r.contiguous;
    return `${fmt(n)} (${pct(r.networks ? n / r.networks : 1)})`;
  };
  const cell = (row: (typeof ROWS)[number], r: ClusterReport, k: number | null) =>
    row.label === 'Contiguous' ? contiguousCell(k, r) : row.value(r);
  const alt = outcome.alternatives[chosen];
  return (
    <div class="cluster-results">
      <p class="cluster-note">
        The chosen proposal is outlined on the map (dashed); the plan changes only when you accept it.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Before</th>
            {outcome.alternatives.map((a, k) => (
              <th scope="col" key={a.seed}>
                <label>
                  <input type="radio" name="cluster-alternative" checked={chosen === k} onChange={() => onChoose(k)} />{' '}
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
              <td>{RUN_ONLY.has(row.label) ? '' : cell(row, outcome.before, null)}</td>
              {outcome.alternatives.map((a, k) => (
                <td key={a.seed}>{cell(row, a.result.report, k)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {alt.warnings.length > 0 && (
        <ul class="cluster-unavoidable" data-testid="cluster-warnings">
          {alt.warnings.map((w) => (
            <li key={w.message}>{w.message}</li>
          ))}
        </ul>
      )}
      {alt.result.report.unavoidable.length > 0 && (
        <ul class="cluster-unavoidable">
          {alt.result.report.unavoidable.map((u) => (
            <li key={u.networkId}>{u.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
