// Output files by extension: .geojson/.json (RFC 7946 WGS84, or British National Grid with the
// `crs` member ONS writes), .zip (zipped ESRI shapefile with .prj and .cpg), .kml (always WGS84).
import type { FeatureCollection, Geometry } from 'geojson';
import tokml from 'tokml';
import { BNG_GEOJSON_CRS, BNG_PRJ, CRS, WGS84_PRJ, forEachPosition, wgs84ToBng, type Crs } from './crs';
import { shapefileZip } from './write-shapefile';

export const OUTPUT_FORMAT = { geojson: 'geojson', shapefile: 'shapefile', kml: 'kml' } as const;
export type OutputFormat = (typeof OUTPUT_FORMAT)[keyof typeof OUTPUT_FORMAT];

/** The format a file name asks for, or null for an extension the planner does not write. */
export function outputFormat(fileName: string): OutputFormat | null {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'geojson' || ext === 'json') return OUTPUT_FORMAT.geojson;
  if (ext === 'zip') return OUTPUT_FORMAT.shapefile;
  if (ext === 'kml') return OUTPUT_FORMAT.kml;
  return null;
}

/** A deep copy of a WGS84 FeatureCollection with every position in British National Grid metres. */
function toBng(fc: FeatureCollection): FeatureCollection {
  const copy = structuredClone(fc);
  forEachPosition(copy, (p) => {
    const [e, n] = wgs84ToBng(p[0], p[1]);
    p[0] = e;
    p[1] = n;
  });
  return copy;
}

/** "networks-2024.zip" -> "networks-2024": the layer name inside a shapefile zip (ASCII). */
const layerName = (fileName: string) =>
  (fileName.split(/[\\/]/).pop() ?? 'layer').replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_-]/g, '_') || 'layer';

/** Property that names a feature in KML: the first present of these. */
const NAME_PROPERTIES = ['network_name', 'service_area', 'small_area_code', 'name'];

/**
 * The file's content for a WGS84 FeatureCollection (as the planner builds them), in the format
 * its name asks for. Example: `encodeFeatures(fc, 'networks.zip', 'EPSG:27700')` -> zip bytes;
 * `encodeFeatures(fc, 'networks.geojson', 'EPSG:4326')` -> the GeoJSON text as before.
 */
export function encodeFeatures<P>(
  features: FeatureCollection<Geometry | null, P>,
  fileName: string,
  crs: Crs = CRS.wgs84,
): string | Uint8Array {
  // Null geometries (a network with no footprint) are valid in every output; the GeoJSON type does not say so.
  const fc = features as unknown as FeatureCollection;
  const format = outputFormat(fileName) ?? OUTPUT_FORMAT.geojson;
  if (format === OUTPUT_FORMAT.kml) {
    const first = fc.features[0]?.properties ?? {};
    const name = NAME_PROPERTIES.find((p) => p in first);
    return tokml(fc, { documentName: layerName(fileName), ...(name && { name }) });
  }
  const bng = crs === CRS.bng;
  const out = bng ? toBng(fc) : fc;
  if (format === OUTPUT_FORMAT.shapefile) return shapefileZip(out, layerName(fileName), bng ? BNG_PRJ : WGS84_PRJ);
  return `${JSON.stringify(bng ? { type: 'FeatureCollection', crs: BNG_GEOJSON_CRS, features: out.features } : out)}\n`;
}
