// Align panel (side-panel tab): load community-service layers, pick the field naming the areas,
// compare them with the plan's network footprints, and export or reuse the result. Talks to the
// rest of the app only through its props: the plan in, the map overlay and hard boundaries out.
import { prepareInput } from '../core/io/prepare-input';
import { FormatSelect, downloadFeatures } from './ExportFormat';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import {
  alignServices, parseServiceAreas, serviceOverlay, toAlignedGeoJSON, toOverlapCsv, DEFAULT_SPLIT_THRESHOLD,
  type AlignResult, type NetworkAlignment, type ServiceArea, type ServiceAreas, type ServiceOverlay,
} from '../core/align';
import type { PlanResult } from '../core/plan';
import { selectPlan } from '../state/selectors';
import type { MapPort } from './map-port';
import { useStore } from './store-context';
import './AlignPanel.css';

export interface AlignPanelProps {
  /** The plan as it stands (selectPlan); null before practices are loaded. */
  readonly plan: PlanResult | null;
  /** The service areas to draw on the map (original or aligned) and the split networks to highlight; null clears. */
  readonly onOverlayChange?: (overlay: ServiceOverlay | null) => void;
  /** Hands the active layer to auto-cluster as hard boundaries (the same shape as its HardArea). */
  readonly onUseAsHardBoundaries?: (areas: readonly ServiceArea[], label: string) => void;
}

interface Layer {
  readonly fileName: string;
  readonly text: string;
  readonly parsed: ServiceAreas | null;
  readonly errors: readonly string[];
}

const SORTS = {
  moved: (a: NetworkAlignment, b: NetworkAlignment) => b.populationMoved - a.populationMoved,
  share: (a: NetworkAlignment, b: NetworkAlignment) => a.homeShare - b.homeShare,
  network: (a: NetworkAlignment, b: NetworkAlignment) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  home: (a: NetworkAlignment, b: NetworkAlignment) => (a.home < b.home ? -1 : a.home > b.home ? 1 : 0),
} as const;
type SortKey = keyof typeof SORTS;

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function readLayer(fileName: string, text: string, field?: string): Layer {
  const r = parseServiceAreas(text, fileName, field);
  return r.ok ? { fileName, text, parsed: r.value, errors: [] } : { fileName, text, parsed: null, errors: r.errors.map((e) => e.message) };
}

function download(fileName: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function AlignPanel({ plan, onOverlayChange, onUseAsHardBoundaries }: AlignPanelProps) {
  const [layers, setLayers] = useState<readonly Layer[]>([]);
  const [active, setActive] = useState(0);
  const [threshold, setThreshold] = useState(String(DEFAULT_SPLIT_THRESHOLD));
  const [result, setResult] = useState<AlignResult | null>(null);
  const [messages, setMessages] = useState<readonly string[]>([]);
  const [showAligned, setShowAligned] = useState(false);
  const [sort, setSort] = useState<SortKey>('moved');
  const [alignedFormat, setAlignedFormat] = useState('geojson');

  const layer = layers[active] ?? null;
  const areas = layer?.parsed?.areas ?? null;

  // A result belongs to one plan, layer and field: drop it when any of them changes.
  useEffect(() => setResult(null), [plan, layer]);
  useEffect(() => {
    onOverlayChange?.(areas ? serviceOverlay(areas, result, showAligned, plan?.networks) : null);
  }, [areas, result, showAligned, plan, onOverlayChange]);
  useEffect(() => () => onOverlayChange?.(null), [onOverlayChange]);

  async function addFiles(files: FileList | null) {
    if (!files || files.length === 0) return;
    // Through core's prepareInput like every other input: zipped shapefiles, encodings.
    const added = await Promise.all([...files].map(async (f): Promise<Layer> => {
      const r = await prepareInput(new Uint8Array(await f.arrayBuffer()), f.name);
      return r.ok ? readLayer(f.name, r.value) : { fileName: f.name, text: '', parsed: null, errors: r.errors.map((e) => e.message) };
    }));
    setLayers((prev) => [...prev, ...added]);
    setActive(layers.length);
  }

  function chooseField(field: string) {
    if (!layer) return;
    setLayers(layers.map((l, k) => (k === active ? readLayer(l.fileName, l.text, field) : l)));
  }

  function analyse() {
    if (!plan || !areas || !layer?.parsed) return;
    const t = Number(threshold);
    const r = alignServices({ serviceAreas: areas, serviceFileName: layer.fileName, plan, threshold: t });
    setMessages([...(r.ok ? [] : r.errors), ...r.warnings].map((i) => i.message));
    setResult(r.ok ? r.value : null);
  }

  const rows = useMemo(() => (result ? [...result.networks].sort(SORTS[sort]) : []), [result, sort]);
  const sortHeader = (key: SortKey, label: string) => (
    <th>
      <button type="button" class={sort === key ? 'align-sort active' : 'align-sort'} onClick={() => setSort(key)}>{label}</button>
    </th>
  );

  return (
    <section class="align-panel" aria-label="Align community services">
      <h2>Align community services</h2>
      <label class="align-file">
        Service-area layers (GeoJSON polygons)
        <input type="file" data-testid="align-file" accept=".geojson,.json,.zip,application/geo+json" multiple onChange={(e) => void addFiles((e.currentTarget as HTMLInputElement).files)} />
      </label>
      {layers.length > 1 && (
        <label>
          Layer
          <select value={active} onChange={(e) => setActive(Number((e.currentTarget as HTMLSelectElement).value))}>
            {layers.map((l, k) => <option key={k} value={k}>{l.fileName}</option>)}
          </select>
        </label>
      )}
      {layer && (
        <div class="align-layer">
          {layer.parsed ? (
            <label>
              Area name field
              <select value={layer.parsed.field} onChange={(e) => chooseField((e.currentTarget as HTMLSelectElement).value)}>
                {layer.parsed.candidateFields.map((f) => <option key={f} value={f}>{f}</option>)}
              </select>
              <span class="align-note">{layer.parsed.areas.length} areas</span>
            </label>
          ) : (
            <ul class="align-errors">{layer.errors.map((m, k) => <li key={k}>{m}</li>)}</ul>
          )}
        </div>
      )}
      <label>
        Split below home share
        <input type="number" min="0.01" max="1" step="0.01" value={threshold} onInput={(e) => setThreshold((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <div class="align-actions">
        <button type="button" data-testid="align-compare" disabled={!plan || !areas} onClick={analyse}>Compare with networks</button>
        <button type="button" data-testid="align-to-cluster" disabled={!areas || !onUseAsHardBoundaries} onClick={() => areas && layer && onUseAsHardBoundaries?.(areas, layer.fileName)}>
          Use as hard boundaries for auto-cluster
        </button>
      </div>
      {!plan && <p class="align-note">Load practices and networks first.</p>}
      {messages.length > 0 && <ul class="align-errors">{messages.map((m, k) => <li key={k}>{m}</li>)}</ul>}
      {result && (
        <div class="align-result" data-testid="align-result">
          <p>
            {result.splitCount} of {result.networks.length} networks split (home share below {pct(result.threshold)}); {fmt(result.populationChangingHands)} patients
            and {result.areaChangingHandsKm2.toFixed(1)} km² would change hands. Populations are estimates: list sizes spread evenly over each practice's cell.
          </p>
          <label class="align-toggle">
            <input type="checkbox" data-testid="align-show-aligned" checked={showAligned} onChange={(e) => setShowAligned((e.currentTarget as HTMLInputElement).checked)} />
            Show aligned boundaries
          </label>
          <div class="align-actions">
            <button type="button" data-testid="align-export" onClick={() => downloadFeatures(toAlignedGeoJSON(result), 'aligned-service-areas', alignedFormat)}>Export aligned areas</button>
            <FormatSelect value={alignedFormat} onChange={setAlignedFormat} testId="align-export-format" label="Format of the aligned areas export" />
            <button type="button" onClick={() => download('overlap-report.csv', toOverlapCsv(result), 'text/csv')}>Export overlap CSV</button>
          </div>
          <table class="align-table">
            <thead>
              <tr>{sortHeader('network', 'Network')}{sortHeader('home', 'Home area')}{sortHeader('share', 'Home share')}{sortHeader('moved', 'Population moved')}</tr>
            </thead>
            <tbody>
              {rows.map((n) => (
                <tr key={n.id} data-testid="align-network-row" class={n.split ? 'split' : ''} title={n.overlaps.map((o) => `${o.serviceArea}: ${pct(o.populationShare)}`).join('\n')}>
                  <td>{n.name || n.id}</td>
                  <td>{n.home}</td>
                  <td>{pct(n.homeShare)}{n.split ? ' (split)' : ''}</td>
                  <td class="num">{fmt(n.populationMoved)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table class="align-table">
            <thead>
              <tr><th>Service area</th><th>Networks</th><th>Population before → after</th><th>Changes hands</th></tr>
            </thead>
            <tbody>
              {result.serviceAreas.map((a) => (
                <tr key={a.name}>
                  <td>{a.name}</td>
                  <td class="num" title={`${a.networksInside.length} inside at the threshold; split networks touching it: ${a.networksSplit.join(', ') || 'none'}`}>{a.networkIds.length} ({a.networksSplit.length} split)</td>
                  <td class="num">{fmt(a.populationBefore)} → {fmt(a.populationAfter)}</td>
                  <td class="num">{fmt(a.populationChanged)} / {a.areaChangedKm2.toFixed(1)} km²</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A service-area layer handed to auto-cluster as hard boundaries (the form its dialog reads). */
export interface HardLayer {
  readonly name: string;
  readonly text: string;
  readonly field: string;
}

/** The Align side-panel tab: the panel bound to the app's plan and map. */
export function AlignTab({ mapPort, onUseAsHardBoundaries }: { mapPort: MapPort; onUseAsHardBoundaries: (layer: HardLayer) => void }) {
  const plan = useStore(selectPlan);
  const practices = useStore((s) => s.doc.practices.length);
  const onOverlayChange = useCallback((overlay: ServiceOverlay | null) => mapPort.setServiceOverlay?.(overlay), [mapPort]);
  const toCluster = useCallback((areas: readonly ServiceArea[], label: string) => {
    const features = areas.map((a) => ({ type: 'Feature', properties: { service_area: a.name }, geometry: a.geometry }));
    onUseAsHardBoundaries({ name: label, text: JSON.stringify({ type: 'FeatureCollection', features }), field: 'service_area' });
  }, [onUseAsHardBoundaries]);
  return <AlignPanel plan={practices > 0 ? plan : null} onOverlayChange={onOverlayChange} onUseAsHardBoundaries={toCluster} />;
}
