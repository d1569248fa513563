// The open scenario compared with another: networks before/after (sortable), the practices that
// move, exports in the `pcn compare` schemas. The map shows the other scenario's footprints as
// dotted outlines and rings the moved practices (map adapter, from the same store selector).
import { useMemo, useState } from 'preact/hooks';
import { toChangesGeoJSON, toNetworkChangesCsv, type NetworkChange } from '../core/compare';
import { toMovesCsv } from '../core/io';
import type { NetworkId } from '../core/model';
import { selectComparison } from '../state/compare';
import { selectCore20Changes, type Core20Change } from '../state/deprivation';
import { download } from './files';
import { fmt } from './format';
import { usePlannerStore, useStore } from './store-context';
import './ScenariosPanel.css';

const SORTS = {
  network: (a: NetworkChange, b: NetworkChange) => a.name.localeCompare(b.name),
  change: (a: NetworkChange, b: NetworkChange) =>
    Math.abs(b.populationAfter - b.populationBefore) - Math.abs(a.populationAfter - a.populationBefore),
  after: (a: NetworkChange, b: NetworkChange) => b.populationAfter - a.populationAfter,
  moves: (a: NetworkChange, b: NetworkChange) =>
    b.practicesIn.length + b.practicesOut.length - (a.practicesIn.length + a.practicesOut.length),
  area: (a: NetworkChange, b: NetworkChange) => b.areaChangedKm2 - a.areaChangedKm2,
} as const;
type SortKey = keyof typeof SORTS;

const BAND_SHORT = { below: 'below', within: 'in band', above: 'above' } as const;
const band = (b: NetworkChange['bandBefore']) => (b === null ? 'none' : BAND_SHORT[b]);
const signed = (n: number) => (n > 0 ? `+${fmt(n)}` : n < 0 ? `−${fmt(-n)}` : '0');

const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(1)}%`);
/** A change of Core20 share in percentage points, e.g. "+1.2 pp". */
function core20Delta(c: Core20Change | undefined): string {
  if (!c || c.before === null || c.after === null) return '';
  const pp = 100 * (c.after - c.before);
  return `${pp > 0 ? '+' : pp < 0 ? '−' : ''}${Math.abs(pp).toFixed(1)} pp`;
}

function NetworkTable({
  rows,
  core20,
}: {
  rows: readonly NetworkChange[];
  core20: ReadonlyMap<NetworkId, Core20Change> | null;
}) {
  const [sort, setSort] = useState<SortKey>('change');
  const [onlyChanged, setOnlyChanged] = useState(true);
  const shown = useMemo(
    () =>
      rows
        .filter(
          (r) =>
            !onlyChanged ||
            r.fate !== 'kept' ||
            r.practicesIn.length + r.practicesOut.length > 0 ||
            r.areaChangedKm2 > 0 ||
            r.renamedFrom !== null,
        )
        .sort(SORTS[sort]),
    [rows, sort, onlyChanged],
  );
  const head = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort === key ? 'descending' : 'none'}>
      <button
        type="button"
        class={sort === key ? 'on' : ''}
        data-testid={`compare-sort-${key}`}
        onClick={() => setSort(key)}
      >
        {label}
      </button>
    </th>
  );
  return (
    <>
      <label class="hint">
        <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.currentTarget.checked)} /> Only
        networks that change
      </label>
      <div class="compare-table-wrap">
        <table class="compare-table" data-testid="compare-table">
          <thead>
            <tr>
              {head('network', 'Network')}
              {head('after', 'Population')}
              {head('change', 'Change')}
              <th scope="col">Band</th>
              {head('moves', 'In/out')}
              {head('area', 'Area km²')}
              {core20 && <th scope="col">Core20 share</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} data-testid={`compare-row-${r.id}`}>
                <th scope="row">
                  {r.name}
                  {r.fate !== 'kept' && <span class="fate"> ({r.fate})</span>}
                  {r.renamedFrom !== null && <span class="fate"> (was {r.renamedFrom})</span>}
                </th>
                <td>
                  {fmt(r.populationBefore)} →<br />
                  {fmt(r.populationAfter)}
                </td>
                <td data-testid="compare-change">{signed(r.populationAfter - r.populationBefore)}</td>
                <td>
                  {band(r.bandBefore)} →<br />
                  {band(r.bandAfter)}
                </td>
                <td data-testid="compare-in-out">
                  +{r.practicesIn.length}/−{r.practicesOut.length}
                </td>
                <td>{r.areaChangedKm2.toFixed(1)}</td>
                {core20 && (
                  <td data-testid="compare-core20">
                    {pct(core20.get(r.id)?.before ?? null)} →<br />
                    {pct(core20.get(r.id)?.after ?? null)} {core20Delta(core20.get(r.id))}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function ComparePanel() {
  const store = usePlannerStore();
  const scenarios = useStore((s) => s.scenarios);
  const active = useStore((s) => s.activeScenario);
  const compareWith = useStore((s) => s.compareWith);
  const outcome = useStore(selectComparison);
  const result = outcome?.ok ? outcome.value : null;
  const sources = useStore((s) => s.smallAreas);
  const deprivation = useStore((s) => s.deprivation);
  const core20 = result
    ? selectCore20Changes(
        { smallAreas: sources, deprivation, memo: store.getState().memo },
        result.before.plan.input,
        result.after.plan.input,
      )
    : null;
  const names = useMemo(() => new Map(scenarios.map((x) => [x.id, x.name])), [scenarios]);
  const others = scenarios.filter((x) => x.id !== active);
  const nameOf = (id: string | null) => {
    if (id === null) return 'no network';
    return (
      result?.after.plan.networks.get(id as NetworkId)?.name ??
      result?.before.plan.networks.get(id as NetworkId)?.name ??
      id
    );
  };
  const file = (kind: string) =>
    `compare-${names.get(compareWith ?? -1) ?? ''}-vs-${names.get(active) ?? ''}-${kind}`.replace(/[^\w.-]+/g, '_');
  return (
    <section aria-labelledby="compare-heading" class="compare">
      <h3 id="compare-heading">Compare</h3>
      <label>
        Compare <strong>{names.get(active)}</strong> with{' '}
        <select
          data-testid="compare-with"
          value={compareWith ?? ''}
          onChange={(e) =>
            store.getState().setCompareWith(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))
          }
        >
          <option value="">(no comparison)</option>
          {others.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </label>
      {others.length === 0 && <p class="hint">Create a second scenario (Duplicate) to compare.</p>}
      {outcome && !outcome.ok && (
        <ul class="compare-problems" data-testid="compare-problems">
          {outcome.errors.map((i) => (
            <li key={i.message}>{i.message}</li>
          ))}
        </ul>
      )}
      {result && (
        <>
          <p data-testid="compare-summary">
            {fmt(result.comparison.changes.length)} practice{result.comparison.changes.length === 1 ? '' : 's'} change
            network ({fmt(result.comparison.populationMoved)} patients); {fmt(result.comparison.changedNetworks.length)}{' '}
            networks change; new: {result.comparison.newNetworks.length}; dissolved:{' '}
            {result.comparison.dissolvedNetworks.length}. On the map: {result.before.scenario.name} as dotted outlines,
            moved practices in double rings.
          </p>
          <div class="row">
            <button
              type="button"
              data-testid="compare-export-changes"
              onClick={() => download(toMovesCsv(result.comparison.changes), file('changes.csv'), 'text/csv')}
            >
              Changes CSV
            </button>
            <button
              type="button"
              data-testid="compare-export-networks"
              onClick={() => download(toNetworkChangesCsv(result.comparison), file('networks.csv'), 'text/csv')}
            >
              Networks CSV
            </button>
            <button
              type="button"
              data-testid="compare-export-geojson"
              onClick={() =>
                download(
                  JSON.stringify(toChangesGeoJSON(result.comparison, result.after.plan.input.practices)),
                  file('changes.geojson'),
                  'application/geo+json',
                )
              }
            >
              Changes GeoJSON
            </button>
          </div>
          <p class="hint">
            Before: {result.before.scenario.name}; after: {result.after.scenario.name}. Click a column heading to sort.
          </p>
          <NetworkTable rows={result.comparison.networks} core20={core20} />
          <h4>Practices that move ({result.comparison.changes.length})</h4>
          <ul class="moved-practices" data-testid="moved-practices">
            {result.comparison.changes.map((c) => (
              <li key={c.practiceCode} data-testid="moved-practice" data-code={c.practiceCode}>
                <button type="button" class="link" onClick={() => store.getState().selectPractice(c.practiceCode)}>
                  {c.practiceName} ({c.practiceCode})
                </button>{' '}
                {fmt(c.population)}: {nameOf(c.from)} → {nameOf(c.to)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
