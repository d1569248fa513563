import { useState } from 'preact/hooks';
import type { FieldKey, FieldNames } from '../core/io';
import { Dialog } from './Dialog';
import type { PendingFields } from './load-files';

const LABELS: Record<FieldKey, string> = {
  code: 'Practice code',
  name: 'Practice name',
  postcode: 'Postcode',
  listSize: 'List size',
  lon: 'Longitude',
  lat: 'Latitude',
  network: 'Network id',
  networkName: 'Network name',
};

/** Asks which columns hold the fields that could not be detected. */
export function FieldMappingDialog({
  pending,
  onApply,
  onCancel,
}: {
  pending: PendingFields;
  onApply: (f: FieldNames) => void;
  onCancel: () => void;
}) {
  const { headers, fields } = pending.headers;
  const keys: FieldKey[] = (['code', 'name', 'listSize', 'lon', 'lat', 'network'] as FieldKey[]).filter(
    (k) => !(pending.headers.coordinatesFromGeometry && (k === 'lon' || k === 'lat')),
  );
  const [chosen, setChosen] = useState<Record<string, string>>(() =>
    Object.fromEntries(keys.map((k) => [k, (fields as unknown as Record<string, string | undefined>)[k] ?? ''])),
  );
  const missing = new Set(fields.missing);
  return (
    <Dialog labelledBy="fields-title" onClose={onCancel}>
      <h2 id="fields-title">Which columns are which?</h2>
      <p>
        Some fields of <strong>{pending.fileName}</strong> could not be recognised. Choose the column for each.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onApply(Object.fromEntries(Object.entries(chosen).filter(([, v]) => v !== '')) as FieldNames);
        }}
      >
        {keys.map((k) => (
          <label key={k} class={missing.has(k) ? 'required' : ''}>
            {LABELS[k]}
            {missing.has(k) ? ' (required)' : ''}
            <select
              value={chosen[k]}
              onChange={(e) => setChosen({ ...chosen, [k]: (e.target as HTMLSelectElement).value })}
              required={missing.has(k)}
            >
              <option value="">—</option>
              {headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
        <div class="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" class="primary">
            Load
          </button>
        </div>
      </form>
    </Dialog>
  );
}
