// Align panel (side-panel tab): load community-service layers, pick the field naming the areas,
// compare them with the plan's network footprints, and export or reuse the result. Talks to the
// rest of the app through the store (layers, settings, the comparison) and its hard-boundaries prop.
import { CRS } from '../core/io/crs';
import { hasUnlabelledMetres, prepareInput } from '../core/io/prepare-input';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ServiceArea } from '../core/align';
import { activeLayer, alignOf, parseLayer } from '../state/align';
import type { AlignDoc } from '../state/types';
import { AlignResultView, type SortKey } from './AlignResultView';
import { usePlannerStore, useStore } from './store-context';
import './AlignPanel.css';

export interface AlignPanelProps {
  /** Hands the active layer to auto-cluster as hard boundaries (the same shape as its HardArea). */
  readonly onUseAsHardBoundaries?: (areas: readonly ServiceArea[], label: string) => void;
  /** Asks whether a layer in metres with no CRS is British National Grid (the app's BngConfirmDialog). */
  readonly confirmBng?: (fileName: string) => Promise<boolean>;
}

/**
 * The layers, field, threshold and the "compared" switch live in the plan document (undoable,
 * saved in the plan file); the comparison is kept in the store and re-run when the plan changes,
 * so switching tabs or accepting an auto-cluster never loses it.
 */
function AlignPanel({ onUseAsHardBoundaries, confirmBng }: AlignPanelProps) {
  const store = usePlannerStore();
  const align = useStore((s) => alignOf(s.doc));
  const hasPlan = useStore((s) => s.doc.practices.length > 0);
  const alignment = useStore((s) => s.alignment);
  const showAligned = useStore((s) => s.showAligned);
  const [threshold, setThreshold] = useState(String(align.threshold));
  const [sort, setSort] = useState<SortKey>('moved');
  const [alignedFormat, setAlignedFormat] = useState('geojson');
  useEffect(() => setThreshold(String(align.threshold)), [align.threshold]);

  const layer = activeLayer(align);
  const parsed = layer ? parseLayer(layer) : null;
  const areas = parsed?.ok ? parsed.value.areas : null;
  const result = align.compared ? (alignment?.result ?? null) : null;
  const messages = align.compared ? (alignment?.messages ?? []) : [];
  const update = (next: Partial<AlignDoc>, label: string) => store.getState().setAlign({ ...align, ...next }, label);

  async function addFiles(files: FileList | null) {
    if (!files || files.length === 0) return;
    // Through core's prepareInput like every other input: zipped shapefiles, encodings, and the
    // British National Grid question for metres that state no CRS (one file at a time).
    const read: { fileName: string; prepared: Awaited<ReturnType<typeof prepareInput>> }[] = [];
    for (const f of [...files]) {
      const bytes = new Uint8Array(await f.arrayBuffer());
      let prepared = await prepareInput(bytes, f.name);
      if (prepared.ok && confirmBng && hasUnlabelledMetres(prepared.value) && (await confirmBng(f.name)))
        prepared = await prepareInput(bytes, f.name, { crs: CRS.bng });
      if (prepared.ok && prepared.warnings.length)
        store.getState().reportProblem({
          title: `${f.name}: read with ${prepared.warnings.length} note${prepared.warnings.length === 1 ? '' : 's'}`,
          issues: prepared.warnings,
        });
      read.push({ fileName: f.name, prepared });
    }
    for (const r of read)
      if (!r.prepared.ok)
        store.getState().reportProblem({
          title: `${r.fileName} could not be read`,
          issues: [...r.prepared.errors, ...r.prepared.warnings],
        });
    const added = read.flatMap((r) =>
      r.prepared.ok ? [{ fileName: r.fileName, text: r.prepared.value, field: null }] : [],
    );
    if (added.length === 0) return;
    update(
      { layers: [...align.layers, ...added], active: align.layers.length },
      `Add service areas ${added.map((l) => l.fileName).join(', ')}`,
    );
  }

  function commitThreshold() {
    const t = Number(threshold);
    if (t > 0 && t <= 1 && t !== align.threshold) update({ threshold: t }, `Split threshold ${t}`);
    else setThreshold(String(align.threshold));
  }

  return (
    <section class="align-panel" aria-label="Align community services">
      <h2>Align community services</h2>
      <label class="align-file">
        Service-area layers (GeoJSON or zipped shapefile polygons)
        <input
          type="file"
          data-testid="align-file"
          accept=".geojson,.json,.zip,application/geo+json"
          multiple
          onChange={(e) => void addFiles((e.currentTarget as HTMLInputElement).files)}
        />
      </label>
      {align.layers.length > 1 && (
        <label>
          Layer
          <select
            value={align.active}
            onChange={(e) =>
              update({ active: Number((e.currentTarget as HTMLSelectElement).value) }, 'Choose service layer')
            }
          >
            {align.layers.map((l, k) => (
              <option key={k} value={k}>
                {l.fileName}
              </option>
            ))}
          </select>
        </label>
      )}
      {layer && (
        <div class="align-layer">
          <p class="align-note" data-testid="align-layer-name">
            {layer.fileName}
          </p>
          {parsed?.ok ? (
            <label>
              Area name field
              <select
                value={parsed.value.field}
                onChange={(e) =>
                  update(
                    {
                      layers: align.layers.map((l, k) =>
                        k === align.active ? { ...l, field: (e.currentTarget as HTMLSelectElement).value } : l,
                      ),
                    },
                    'Choose area name field',
                  )
                }
              >
                {parsed.value.candidateFields.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
              <span class="align-note">{parsed.value.areas.length} areas</span>
            </label>
          ) : (
            <ul class="align-errors">
              {(parsed && !parsed.ok ? parsed.errors : []).map((e, k) => (
                <li key={k}>{e.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <label>
        Split below home share
        <input
          type="number"
          min="0.01"
          max="1"
          step="0.01"
          value={threshold}
          onInput={(e) => setThreshold((e.currentTarget as HTMLInputElement).value)}
          onBlur={commitThreshold}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitThreshold();
          }}
        />
      </label>
      <div class="align-actions">
        <button
          type="button"
          data-testid="align-compare"
          disabled={!hasPlan || !areas || align.compared}
          onClick={() => update({ compared: true }, 'Compare service areas')}
        >
          Compare with networks
        </button>
        <button
          type="button"
          data-testid="align-to-cluster"
          disabled={!areas || !onUseAsHardBoundaries}
          onClick={() => areas && layer && onUseAsHardBoundaries?.(areas, layer.fileName)}
        >
          Use as hard boundaries for auto-cluster
        </button>
      </div>
      {!hasPlan && <p class="align-note">Load practices and networks first.</p>}
      {messages.length > 0 && (
        <ul class="align-errors">
          {messages.map((m, k) => (
            <li key={k}>{m}</li>
          ))}
        </ul>
      )}
      {result && (
        <AlignResultView
          result={result}
          showAligned={showAligned}
          onShowAligned={(show) => store.getState().setShowAligned(show)}
          sort={sort}
          onSort={setSort}
          alignedFormat={alignedFormat}
          onAlignedFormat={setAlignedFormat}
        />
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

/** The Align side-panel tab: the panel, handing its layer to auto-cluster as hard boundaries. */
export function AlignTab({
  onUseAsHardBoundaries,
  confirmBng,
}: {
  onUseAsHardBoundaries: (layer: HardLayer) => void;
  confirmBng?: (fileName: string) => Promise<boolean>;
}) {
  const toCluster = useCallback(
    (areas: readonly ServiceArea[], label: string) => {
      const features = areas.map((a) => ({
        type: 'Feature',
        properties: { service_area: a.name },
        geometry: a.geometry,
      }));
      onUseAsHardBoundaries({
        name: label,
        text: JSON.stringify({ type: 'FeatureCollection', features }),
        field: 'service_area',
      });
    },
    [onUseAsHardBoundaries],
  );
  return <AlignPanel onUseAsHardBoundaries={toCluster} confirmBng={confirmBng} />;
}
