// The first step for every input file, in the CLI and the app alike: bytes -> text the parsers
// read. A zipped shapefile becomes GeoJSON; other bytes are decoded (UTF-8, or Windows-1252 with
// a warning); and when the user states British National Grid for files that state no CRS of
// their own, GeoJSON in metres is reprojected here (CSV columns are handled by parsePractices).
import type { Issue, Result } from '../model';
import { CRS, firstPosition, geoJsonCrs, reprojectBngDocument, type Crs } from './crs';
import { looksLikeBng } from './coordinates';
import { readCsv } from './csv-read';
import { decodeText } from './decode-text';
import { GRID_EAST, detectFields } from './fields';
import { IssueLog } from './issues';
import { isZip, shapefileZipToGeoJson } from './read-shapefile';
import { INPUT_FORMAT, sniffFormat } from './text-input';

export interface PrepareOptions {
  /** The CRS the user states for inputs that state none (--crs, or the import dialog's confirmation). */
  readonly crs?: Crs;
}

/**
 * GeoJSON text with no `crs` member whose coordinates are metres, reprojected from British
 * National Grid because the user said so; any other text unchanged. Unparseable JSON is left for
 * the parser to report.
 */
function applyStatedCrs(text: string, fileName: string, crs: Crs | undefined): Result<string> {
  const log = new IssueLog(fileName);
  if (crs !== CRS.bng || sniffFormat(text) !== INPUT_FORMAT.geojson) return log.result(() => text);
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return log.result(() => text);
  }
  const first = firstPosition(doc);
  if (geoJsonCrs(doc).kind !== 'none' || !first || !looksLikeBng(first[0], first[1])) return log.result(() => text);
  const n = reprojectBngDocument(doc);
  log.warning(
    'reprojected',
    {},
    `coordinates are British National Grid (EPSG:27700) metres, as the user stated; reprojected ${n} positions to WGS84 longitude/latitude`,
  );
  return log.result(() => JSON.stringify(doc));
}

/** Example: `await prepareInput(bytes, 'boroughs.zip', { crs: 'EPSG:27700' })` -> ok, WGS84 GeoJSON text. */
export async function prepareInput(
  bytes: Uint8Array,
  fileName: string,
  opts: PrepareOptions = {},
): Promise<Result<string>> {
  const decoded = isZip(bytes) ? await shapefileZipToGeoJson(bytes, fileName) : decodeText(bytes, fileName);
  if (!decoded.ok) return decoded;
  const stated = applyStatedCrs(decoded.value, fileName, opts.crs);
  const warnings: Issue[] = [...decoded.warnings, ...stated.warnings];
  return stated.ok ? { ok: true, value: stated.value, warnings } : { ok: false, errors: stated.errors, warnings };
}

/**
 * True when an input holds coordinates in metres and states no CRS (GeoJSON without `crs`, a CSV
 * whose coordinate columns are not easting/northing by name): the app then asks whether they are
 * British National Grid before reading them. Example: a CSV `code,patients,x,y` with
 * `P1,100,383000,398000` -> true; the same with `oseast1m,osnrth1m` columns -> false.
 */
export function hasUnlabelledMetres(text: string): boolean {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (sniffFormat(body) === INPUT_FORMAT.geojson) {
    try {
      const doc = JSON.parse(body) as unknown;
      const first = firstPosition(doc);
      return geoJsonCrs(doc).kind === 'none' && first !== null && looksLikeBng(first[0], first[1]);
    } catch {
      return false;
    }
  }
  const log = new IssueLog('');
  const table = readCsv(body.slice(0, 200_000), log);
  if (!table || table.rows.length === 0) return false;
  const fields = detectFields(table.header);
  if (fields.lon === undefined || fields.lat === undefined) return false;
  if ((GRID_EAST as readonly string[]).includes(fields.lon.trim().toLowerCase())) return false;
  const lon = table.header.indexOf(fields.lon);
  const lat = table.header.indexOf(fields.lat);
  const row = table.rows[0].cells;
  return looksLikeBng(Number(row[lon]), Number(row[lat]));
}
