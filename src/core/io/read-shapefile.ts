// A zipped ESRI shapefile (.shp, .dbf, .prj, optionally .cpg) -> GeoJSON text that the planner's
// GeoJSON readers take as they are. Read with shpjs; DBF text decoded by the .cpg (default
// Windows-1252, what ONS DBFs use). A .prj naming British National Grid becomes the GeoJSON `crs`
// member ONS writes, so the usual reader reprojects it and says so; another projection the .prj
// describes is reprojected here by proj4; no .prj leaves the coordinates as they are (degrees are
// read, metres refused with advice unless the user states the CRS).
import { iter } from 'but-unzip';
import proj4 from 'proj4';
import { parseDbf, parseShp } from 'shpjs';
import type { Result } from '../model';
import { BNG_GEOJSON_CRS, CRS, crsFromPrj } from './crs';
import { readCsv } from './csv-read';
import { IssueLog } from './issues';

/** True for the bytes of a zip archive ("PK\x03\x04" or an empty archive's "PK\x05\x06"). */
export const isZip = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);

const asView = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

async function entries(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const item of iter(bytes)) {
    if (item.filename.includes('__MACOSX') || item.filename.endsWith('/')) continue;
    out.set(item.filename, await item.read());
  }
  return out;
}

const csvRows = (bytes: Uint8Array | undefined) => {
  if (!bytes) return [];
  const table = readCsv(new TextDecoder().decode(bytes), new IssueLog(''));
  return table ? table.rows.map((r) => r.cells) : [];
};

/**
 * The planner's own side files (see write-shapefile): DBF field -> property names, and text
 * longer than the DBF's 254 bytes, so a zip the planner wrote reads back unchanged.
 */
function restoreProperties(
  rows: readonly Record<string, unknown>[],
  fields: Uint8Array | undefined,
  long: Uint8Array | undefined,
): Record<string, unknown>[] {
  const rename = new Map(csvRows(fields).map(([dbfField, property]) => [dbfField, property]));
  const out = rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [rename.get(k) ?? k, typeof v === 'number' && Number.isNaN(v) ? null : v]),
    ),
  );
  for (const [feature, property, value] of csvRows(long)) {
    const row = out[Number(feature)];
    if (row && property in row) row[property] = value;
  }
  return out;
}

/**
 * Example: `await shapefileZipToGeoJson(bytes, 'boroughs.zip')` -> ok, the text of a
 * FeatureCollection with the DBF attributes as properties and, when the .prj is British National
 * Grid, `"crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:EPSG::27700" } }`.
 */
export async function shapefileZipToGeoJson(bytes: Uint8Array, fileName: string): Promise<Result<string>> {
  const log = new IssueLog(fileName);
  let files: Map<string, Uint8Array>;
  try {
    files = await entries(bytes);
  } catch (e) {
    log.error('file', {}, `is not a readable zip archive (${e instanceof Error ? e.message : String(e)})`);
    return log.fail();
  }
  const shps = [...files.keys()].filter((k) => /\.shp$/i.test(k));
  if (shps.length !== 1) {
    const listed = [...files.keys()].join(', ') || 'nothing';
    log.error(
      'file',
      {},
      shps.length === 0
        ? `holds no shapefile (.shp; the zip holds ${listed})`
        : `holds ${shps.length} shapefiles (${shps.join(', ')}); give a zip with one layer`,
    );
    return log.fail();
  }
  const base = shps[0].slice(0, -4);
  const part = (ext: string) =>
    [...files].find(([k]) => k.slice(0, -4) === base && k.slice(-4).toLowerCase() === ext)?.[1];
  const dbf = part('.dbf');
  const prjBytes = part('.prj');
  const cpgBytes = part('.cpg');
  const prj = prjBytes ? new TextDecoder().decode(prjBytes) : undefined;
  const crs = prj ? crsFromPrj(prj) : null;
  let trans: unknown;
  if (prj && crs === null) {
    try {
      trans = proj4(prj);
    } catch {
      log.error(
        'coordinate',
        {},
        `${base}.prj describes a coordinate system that cannot be read; re-export in WGS84 (EPSG:4326) or British National Grid (EPSG:27700)`,
      );
      return log.fail();
    }
    log.warning(
      'reprojected',
      {},
      `reprojected from the coordinate system ${base}.prj describes to WGS84 longitude/latitude`,
    );
  }
  const cpg = cpgBytes ? new TextDecoder().decode(cpgBytes).trim() : 'windows-1252';
  let doc: Record<string, unknown>;
  try {
    const geometries = parseShp(asView(part('.shp')!), trans);
    const rows = dbf ? parseDbf(asView(dbf), /^(utf-?8|65001)$/i.test(cpg) ? 'utf-8' : cpg) : [];
    const side = (suffix: string) => files.get(`${base}${suffix}`);
    const properties = restoreProperties(rows, side('_fields.csv'), side('_long_values.csv'));
    doc = {
      type: 'FeatureCollection',
      ...(crs === CRS.bng && { crs: BNG_GEOJSON_CRS }),
      features: geometries.map((geometry, i) => ({ type: 'Feature', properties: properties[i] ?? {}, geometry })),
    };
  } catch (e) {
    log.error('file', {}, `${base}.shp or .dbf could not be read (${e instanceof Error ? e.message : String(e)})`);
    return log.fail();
  }
  if (!dbf) log.warning('shapefilePart', {}, `has no ${base}.dbf: the features have no attributes`);
  return log.result(() => JSON.stringify(doc));
}
