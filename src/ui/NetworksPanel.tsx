// Every network with its population against the band, status in words, contiguity, and the
// edits a planner makes to networks (rename, recolour, lock, merge, delete, zoom to parts).
import { bbox } from '@turf/turf';
import { memo } from 'preact/compat';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DeprivationFigures } from '../core/deprivation';
import { isNonContiguous, type NetworkSummary, type PlanResult } from '../core/plan';
import { selectDeprivationFigures } from '../state/deprivation';
import { selectPlan, summaryFigures } from '../state/selectors';
import type { NetworkDef } from '../state/types';
import { DecileBar } from './DecileBar';
import { BAND_TEXT, fmt, km2 } from './format';
import type { MapPort } from './map-port';
import { sameNames } from './network-names';
import { usePlannerStore, useStore } from './store-context';

type Sort = 'name' | 'population' | 'status' | 'core20';
type Filter = 'all' | 'out' | 'split';

/** The footprint's contiguity in words: the one definition (islands without practices do not count). */
function contiguityText(s: NetworkSummary): string {
  if (s.parts === 0) return 'no footprint';
  if (!s.contiguous) return `${s.parts} parts`;
  const islands = s.parts - 1;
  return islands === 0 ? 'contiguous' : `contiguous (+ ${islands} island${islands > 1 ? 's' : ''} without practices)`;
}

export function Summary() {
  const plan = useStore(selectPlan);
  const f = summaryFigures(plan);
  return (
    <dl class="summary" data-testid="summary">
      <div>
        <dt>Patients</dt>
        <dd data-testid="summary-patients">{fmt(f.totalPopulation)}</dd>
      </div>
      <div>
        <dt>Practices</dt>
        <dd data-testid="summary-practices">{fmt(f.practices)}</dd>
      </div>
      <div>
        <dt>Assigned</dt>
        <dd data-testid="summary-assigned">{fmt(f.assigned)}</dd>
      </div>
      <div>
        <dt>Networks in band</dt>
        <dd data-testid="summary-in-band">
          {fmt(f.inBand)} of {fmt(f.networks)}
        </dd>
      </div>
      <div>
        <dt>Non-contiguous</dt>
        <dd data-testid="summary-non-contiguous">{fmt(f.nonContiguous)}</dd>
      </div>
      <div>
        <dt>Unassigned patients</dt>
        <dd data-testid="summary-unassigned-population">{fmt(f.unassignedPopulation)}</dd>
      </div>
    </dl>
  );
}

export function NetworksPanel({ mapPort }: { mapPort: MapPort }) {
  const store = usePlannerStore();
  const plan = useStore(selectPlan);
  const networks = useStore((s) => s.doc.networks);
  const active = useStore((s) => s.activeNetwork);
  const health = useStore(selectDeprivationFigures);
  const [sort, setSort] = useState<Sort>('name');
  const [filter, setFilter] = useState<Filter>('all');
  const [limit, setLimit] = useState(PAGE);
  // By name, sorted again only when a name, id or the list changes (a recolour keeps the order);
  // the other orders sort that list again, so ties stay in name order.
  const nameOrder = useNameOrder(networks);
  const byName = useMemo(() => nameOrder.map((i) => networks[i]), [nameOrder, networks]);
  // By name with no filter (the usual view), the order does not follow the plan: a paint click
  // looks up only the rows shown instead of listing and filtering every network again.
  const byNameOnly = sort === 'name' && filter === 'all';
  const ranked = useMemo(
    () => (byNameOnly ? null : rankedRows(byName, plan, sort, filter, health)),
    [byNameOnly, byName, plan, sort, filter, health],
  );
  const { rows, total } = ranked
    ? { rows: ranked.slice(0, limit), total: ranked.length }
    : firstRows(byName, plan, limit);
  return (
    <section class="panel" aria-labelledby="networks-heading">
      <div class="panel-head">
        <h2 id="networks-heading">Networks</h2>
        <button type="button" onClick={() => store.getState().createNetwork()} data-testid="new-network">
          + New network
        </button>
      </div>
      <div class="controls">
        <label>
          Sort{' '}
          <select
            value={sort}
            data-testid="network-sort"
            onChange={(e) => setSort((e.target as HTMLSelectElement).value as Sort)}
          >
            <option value="name">name</option>
            <option value="population">population</option>
            <option value="status">band status</option>
            {health && <option value="core20">Core20 share</option>}
          </select>
        </label>
        <label>
          Show{' '}
          <select
            value={filter}
            onChange={(e) => setFilter((e.target as HTMLSelectElement).value as Filter)}
            data-testid="network-filter"
          >
            <option value="all">all</option>
            <option value="out">out of band</option>
            <option value="split">non-contiguous</option>
          </select>
        </label>
      </div>
      <ul class="network-list" data-testid="network-list">
        {rows.map(({ def, s }) => (
          <NetworkRow
            key={def.id}
            def={def}
            s={s}
            health={health?.get(def.id)}
            active={def.id === active}
            band={plan.input.band}
            mapPort={mapPort}
          />
        ))}
      </ul>
      {total > limit && (
        <button type="button" class="more" onClick={() => setLimit(limit + PAGE)}>
          Show {Math.min(PAGE, total - limit)} more of {total - limit}
        </button>
      )}
      {total === 0 && (
        <p class="muted">
          {networks.length === 0
            ? 'No networks yet: create one, draw one (D) or auto-cluster.'
            : 'No network matches the filter.'}
        </p>
      )}
    </section>
  );
}

interface Row {
  readonly def: NetworkDef;
  readonly s: NetworkSummary;
}

/** The first `limit` networks in name order, and how many there are (those the plan has figures for). */
function firstRows(
  byName: readonly NetworkDef[],
  plan: PlanResult,
  limit: number,
): { rows: readonly Row[]; total: number } {
  const rows: Row[] = [];
  let total = 0;
  for (const def of byName) {
    const s = plan.networks.get(def.id);
    if (!s) continue;
    total++;
    if (rows.length < limit) rows.push({ def, s });
  }
  return { rows, total };
}

/** Every network passing `filter`, in `sort` order (ties in name order). */
function rankedRows(
  byName: readonly NetworkDef[],
  plan: PlanResult,
  sort: Sort,
  filter: Filter,
  health: ReadonlyMap<NetworkDef['id'], DeprivationFigures> | null,
): Row[] {
  const list = byName
    .map((def) => ({ def, s: plan.networks.get(def.id) }))
    .filter((r): r is Row => r.s !== undefined)
    .filter((r) => filter === 'all' || (filter === 'out' ? r.s.band !== 'within' : isNonContiguous(r.s)));
  const rank = { below: 0, above: 1, within: 2 };
  const core20 = (id: NetworkDef['id']) => health?.get(id)?.core20Share ?? -1;
  if (sort === 'population') list.sort((a, b) => b.s.population - a.s.population);
  else if (sort === 'core20') list.sort((a, b) => core20(b.def.id) - core20(a.def.id));
  else if (sort === 'status') list.sort((a, b) => rank[a.s.band] - rank[b.s.band]);
  return list;
}

/** The order of names (what localeCompare gives, without building a collator per comparison). */
const byNameOrder = new Intl.Collator();

/** Indices of `networks` in name order, the same array for as long as the names and ids stay the same. */
function useNameOrder(networks: readonly NetworkDef[]): readonly number[] {
  const last = useRef<{ networks: readonly NetworkDef[]; order: readonly number[] } | null>(null);
  if (!last.current || !sameNames(last.current.networks, networks)) {
    const order = networks.map((_, i) => i).sort((a, b) => byNameOrder.compare(networks[a].name, networks[b].name));
    last.current = { networks, order };
  }
  return last.current.order;
}

/** Rows shown at a time: a national plan has over 1,200 networks; search finds any of them. */
const PAGE = 60;

// Untouched networks keep their summary object across edits, so memo skips their rows.
const NetworkRow = memo(function NetworkRow({
  def,
  s,
  health,
  active,
  band,
  mapPort,
}: {
  def: NetworkDef;
  s: NetworkSummary;
  health: DeprivationFigures | undefined;
  active: boolean;
  band: { min: number; max: number };
  mapPort: MapPort;
}) {
  const store = usePlannerStore();
  const [part, setPart] = useState(0);
  const [merging, setMerging] = useState(false);
  const scaleMax = band.max * 1.5;
  const pct = (v: number) => `${Math.min(100, (100 * v) / scaleMax)}%`;
  const zoomTo = (partIndex: number | null) => {
    if (!s.geometry) return;
    const g =
      partIndex !== null && s.geometry.type === 'MultiPolygon'
        ? { type: 'Polygon' as const, coordinates: s.geometry.coordinates[partIndex % s.geometry.coordinates.length] }
        : s.geometry;
    mapPort.zoomTo(bbox(g) as [number, number, number, number]);
  };
  return (
    <li class={`network${active ? ' network--active' : ''}`} data-testid={`network-${def.id}`}>
      <div class="network-top">
        <button
          type="button"
          class="swatch-btn"
          aria-pressed={active}
          aria-label={`Make ${def.name} the active network for painting`}
          onClick={() => store.getState().setActiveNetwork(active ? null : def.id)}
        >
          <span class="swatch" style={{ background: def.colour }} />
        </button>
        <NameInput def={def} />
        <span class={`status status--${s.band}`} data-testid="network-status">
          {BAND_TEXT[s.band]}
        </span>
      </div>
      <div
        class="bar"
        role="img"
        aria-label={`${fmt(s.population)} patients; band ${fmt(band.min)} to ${fmt(band.max)}`}
      >
        <span class="bar-band" style={{ left: pct(band.min), width: `calc(${pct(band.max)} - ${pct(band.min)})` }} />
        <span class={`bar-fill bar-fill--${s.band}`} style={{ width: pct(s.population) }} />
      </div>
      <div class="network-meta">
        <span data-testid="network-population">{fmt(s.population)} patients</span>
        <span>
          {s.practiceCount} practice{s.practiceCount === 1 ? '' : 's'}
        </span>
        <span>{km2(s.areaKm2)}</span>
        <span class={isNonContiguous(s) ? 'warn' : ''}>{contiguityText(s)}</span>
      </div>
      {health && <PopulationHealth name={def.name} f={health} />}
      <div class="network-actions">
        <button type="button" onClick={() => zoomTo(null)} disabled={!s.geometry} aria-label={`Zoom to ${def.name}`}>
          Zoom
        </button>
        {s.parts > 1 && (
          <button
            type="button"
            onClick={() => {
              zoomTo(part);
              setPart(part + 1);
            }}
            aria-label={`Zoom to part ${(part % s.parts) + 1} of ${s.parts} of ${def.name}`}
          >
            Part {(part % s.parts) + 1} of {s.parts}
          </button>
        )}
        <label class="colour">
          Colour
          <input
            type="color"
            aria-label={`Colour of ${def.name}`}
            value={def.colour}
            onChange={(e) => store.getState().recolourNetwork(def.id, (e.target as HTMLInputElement).value)}
          />
        </label>
        <label class="lock">
          <input
            type="checkbox"
            aria-label={`Lock ${def.name}`}
            checked={def.locked}
            onChange={(e) => store.getState().setLocked(def.id, (e.target as HTMLInputElement).checked)}
          />
          Locked
        </label>
        {merging ? (
          <MergeChooser def={def} onDone={() => setMerging(false)} />
        ) : (
          <button type="button" onClick={() => setMerging(true)} aria-label={`Merge another network into ${def.name}`}>
            Merge…
          </button>
        )}
        <button
          type="button"
          class="danger"
          onClick={() => store.getState().deleteNetwork(def.id)}
          aria-label={`Delete ${def.name}`}
        >
          Delete
        </button>
      </div>
    </li>
  );
});

/** Population health: the Core20 share (patients living in the 20% most deprived areas) and patients by decile. */
function PopulationHealth({ name, f }: { name: string; f: DeprivationFigures }) {
  const share = f.core20Share === null ? 'no IMD data' : `${(100 * f.core20Share).toFixed(1)}%`;
  return (
    <div class="network-health" data-testid="network-health">
      <span>
        Core20 <strong data-testid="network-core20">{share}</strong>
      </span>
      <DecileBar deciles={f.imdDeciles} label={`${name}: patients`} />
    </div>
  );
}

/** The name, committed as one undo step on Enter or leaving the field; Escape puts it back. */
function NameInput({ def }: { def: NetworkDef }) {
  const store = usePlannerStore();
  const [text, setText] = useState(def.name);
  useEffect(() => setText(def.name), [def.name]);
  const commit = () => {
    if (text.trim() === '') setText(def.name);
    else store.getState().renameNetwork(def.id, text);
  };
  return (
    <input
      class="name"
      aria-label={`Name of network ${def.id}`}
      title={def.name}
      value={text}
      data-testid="network-name"
      onInput={(e) => setText((e.target as HTMLInputElement).value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          e.stopPropagation();
          setText(def.name);
        }
      }}
      onBlur={commit}
    />
  );
}

/** Merge is chosen first, then confirmed: picking from the list (or arrowing through it) changes nothing. */
function MergeChooser({ def, onDone }: { def: NetworkDef; onDone: () => void }) {
  const store = usePlannerStore();
  const others = useStore((s) => s.doc.networks);
  const [from, setFrom] = useState('');
  const source = others.find((o) => o.id === from);
  return (
    <span class="merge" role="group" aria-label={`Merge into ${def.name}`}>
      <select
        aria-label={`Network to merge into ${def.name}`}
        value={from}
        data-testid="merge-from"
        onInput={(e) => setFrom((e.target as HTMLSelectElement).value)}
      >
        <option value="">Merge which into this?</option>
        {others
          .filter((o) => o.id !== def.id)
          .map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
      </select>
      <button
        type="button"
        class="primary"
        disabled={!source}
        data-testid="merge-confirm"
        onClick={() => {
          if (source) store.getState().mergeNetworks(def.id, source.id);
          onDone();
        }}
      >
        {source ? `Merge ${source.name} into ${def.name}` : 'Merge'}
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </span>
  );
}
