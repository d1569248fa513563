// The Auto-cluster dialog's options: which practices, the band and sizes, seeds, a hard-boundary
// layer and repair. Disabled while a run is under way.
import { CLUSTER_SCOPE, type ClusterScope } from '../core/cluster';
import type { ClusterOptions, HardLayerChoice } from './cluster-request';

export interface ClusterOptionsFormProps {
  readonly options: ClusterOptions;
  readonly onOptions: (options: ClusterOptions) => void;
  readonly layer: HardLayerChoice | null;
  readonly onLayer: (layer: HardLayerChoice | null) => void;
  /** A file chosen for the hard-boundary layer (undefined: the choice was cleared). */
  readonly onLayerFile: (file: File | undefined) => void;
  readonly lockedCount: number;
  /** The plan has an assignment, so it can be repaired. */
  readonly hasPlan: boolean;
  readonly disabled: boolean;
}

function NumberField(props: {
  label: string;
  value: string;
  placeholder?: string;
  disabled?: boolean;
  onInput: (v: string) => void;
}) {
  return (
    <label>
      {props.label}
      <input
        inputMode="numeric"
        placeholder={props.placeholder}
        value={props.value}
        disabled={props.disabled}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </label>
  );
}

function HardLayerField({
  layer,
  onLayer,
  onLayerFile,
}: Pick<ClusterOptionsFormProps, 'layer' | 'onLayer' | 'onLayerFile'>) {
  return (
    <>
      {layer ? (
        <p class="cluster-note cluster-layer" data-testid="cluster-hard-layer">
          Hard boundaries: <strong>{layer.name}</strong>
          {layer.field ? ` (areas named by ${layer.field})` : ''}
          <button type="button" onClick={() => onLayer(null)} aria-label={`Remove hard boundaries ${layer.name}`}>
            Remove
          </button>
        </p>
      ) : (
        <label>
          Hard boundaries (GeoJSON)
          <input
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            onChange={(e) => onLayerFile(e.currentTarget.files?.[0])}
          />
        </label>
      )}
      {layer && layer.fields.length > 1 && (
        <label>
          Area field
          <select value={layer.field} onChange={(e) => onLayer({ ...layer, field: e.currentTarget.value })}>
            {layer.fields.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}

export function ClusterOptionsForm(props: ClusterOptionsFormProps) {
  const { options, lockedCount } = props;
  const edit = (change: Partial<ClusterOptions>) => props.onOptions({ ...options, ...change });
  return (
    <fieldset disabled={props.disabled}>
      <label>
        Practices
        <select value={options.scope} onChange={(e) => edit({ scope: e.currentTarget.value as ClusterScope })}>
          <option value={CLUSTER_SCOPE.all}>All practices</option>
          <option value={CLUSTER_SCOPE.unassigned}>Only practices with no network</option>
          <option value={CLUSTER_SCOPE.unlocked}>All but locked networks</option>
        </select>
      </label>
      <p class="cluster-note">Locked networks are kept as they are{lockedCount ? ` (${lockedCount} locked)` : ''}.</p>
      <NumberField label="Minimum" value={options.min} onInput={(min) => edit({ min })} />
      <NumberField label="Maximum" value={options.max} onInput={(max) => edit({ max })} />
      <NumberField
        label="Target size"
        placeholder="middle of the band"
        value={options.target}
        onInput={(target) => edit({ target })}
      />
      <NumberField
        label="Number of networks"
        placeholder="chosen automatically"
        value={options.count}
        disabled={options.repair}
        onInput={(count) => edit({ count })}
      />
      <NumberField label="Seed" value={options.seed} onInput={(seed) => edit({ seed })} />
      <NumberField
        label="Alternatives"
        value={options.alternatives}
        onInput={(alternatives) => edit({ alternatives })}
      />
      <HardLayerField layer={props.layer} onLayer={props.onLayer} onLayerFile={props.onLayerFile} />
      <label class="cluster-check">
        <input
          type="checkbox"
          checked={options.repair}
          disabled={!props.hasPlan}
          onChange={(e) => edit({ repair: e.currentTarget.checked })}
        />
        Repair the current plan (move as few practices as possible)
      </label>
    </fieldset>
  );
}
