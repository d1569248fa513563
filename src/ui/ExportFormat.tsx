// The export formats offered wherever the app writes a layer (networks, aligned service areas):
// the same encoder as the CLI's --out / --out-crs.
import type { FeatureCollection, Geometry } from 'geojson';
import { CRS, type Crs } from '../core/io/crs';
import { encodeFeatures } from '../core/io/write-output';
import { download } from './files';

const EXPORT_FORMATS: readonly {
  readonly id: string;
  readonly label: string;
  readonly ext: string;
  readonly crs: Crs;
  readonly type: string;
}[] = [
  { id: 'geojson', label: 'GeoJSON (WGS84)', ext: 'geojson', crs: CRS.wgs84, type: 'application/geo+json' },
  {
    id: 'geojson-bng',
    label: 'GeoJSON (British National Grid)',
    ext: 'geojson',
    crs: CRS.bng,
    type: 'application/geo+json',
  },
  { id: 'zip', label: 'Shapefile .zip (WGS84)', ext: 'zip', crs: CRS.wgs84, type: 'application/zip' },
  { id: 'zip-bng', label: 'Shapefile .zip (British National Grid)', ext: 'zip', crs: CRS.bng, type: 'application/zip' },
  { id: 'kml', label: 'KML (Google Earth)', ext: 'kml', crs: CRS.wgs84, type: 'application/vnd.google-earth.kml+xml' },
];

/** Downloads `fc` (WGS84, as the core builds it) as `<base>.<ext>` in the chosen format. */
export function downloadFeatures<P>(fc: FeatureCollection<Geometry | null, P>, base: string, formatId: string) {
  const format = EXPORT_FORMATS.find((f) => f.id === formatId) ?? EXPORT_FORMATS[0];
  const fileName = `${base}.${format.ext}`;
  download(encodeFeatures(fc, fileName, format.crs), fileName, format.type);
}

export function FormatSelect({
  value,
  onChange,
  testId,
  label,
}: {
  value: string;
  onChange: (id: string) => void;
  testId: string;
  label: string;
}) {
  return (
    <select
      class="export-format"
      value={value}
      aria-label={label}
      title={label}
      data-testid={testId}
      onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}
    >
      {EXPORT_FORMATS.map((f) => (
        <option key={f.id} value={f.id}>
          {f.label}
        </option>
      ))}
    </select>
  );
}
