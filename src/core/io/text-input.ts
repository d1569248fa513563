// First checks on any input text: size, emptiness, byte-order mark, JSON vs CSV.
import { CRS, geoJsonCrs, reprojectBngDocument } from './crs';
import type { IssueLog } from './issues';
import { MAX_JSON_DEPTH, jsonTooDeepAt, lineOfIndex } from './json-depth';

/** Inputs longer than this (in characters, about bytes for CSV/GeoJSON) are refused. */
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

export const INPUT_FORMAT = { geojson: 'geojson', csv: 'csv' } as const;
export type InputFormat = (typeof INPUT_FORMAT)[keyof typeof INPUT_FORMAT];

const size = (n: number) => {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} kB`;
  return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
};

/**
 * The text without a byte-order mark, or null (with an error logged) when it is empty, too large
 * or binary. The size check comes first so nothing scans a huge string.
 */
export function checkText(text: string, log: IssueLog, maxBytes = DEFAULT_MAX_BYTES): string | null {
  if (text.length > maxBytes) {
    log.error('file', {}, `file is ${size(text.length)}, larger than the ${size(maxBytes)} limit`);
    return null;
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    log.error('file', {}, 'file is empty');
    return null;
  }
  if (body.slice(0, 4096).includes('\u0000')) {
    log.error(
      'file',
      {},
      'is not a text file (binary content, for example a spreadsheet); save it as CSV (UTF-8) or GeoJSON',
    );
    return null;
  }
  return body;
}

/** GeoJSON when the text starts with "{" or "[", otherwise CSV. */
export function sniffFormat(text: string): InputFormat {
  const first = text.trimStart()[0];
  return first === '{' || first === '[' ? INPUT_FORMAT.geojson : INPUT_FORMAT.csv;
}

/**
 * JSON.parse that logs "is not valid JSON" with the parser's own position instead of throwing,
 * and refuses nesting deeper than MAX_JSON_DEPTH (no caller then recurses without bound).
 * A GeoJSON `crs` member naming British National Grid (as ONS writes it) has the document
 * reprojected to WGS84 here, with a warning saying so, so every reader sees RFC 7946 degrees;
 * a `crs` naming any other projected system is an error.
 */
export function parseJson(text: string, log: IssueLog): unknown {
  const deepAt = jsonTooDeepAt(text);
  if (deepAt !== -1) {
    log.error(
      'file',
      {},
      `is nested more than ${MAX_JSON_DEPTH} levels deep (line ${lineOfIndex(text, deepAt)}, character ${deepAt + 1}); GeoJSON needs about 10`,
    );
    return undefined;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text) as unknown;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    log.error('file', {}, `is not valid JSON (${reason})`);
    return undefined;
  }
  const crs = geoJsonCrs(doc);
  if (crs.kind === 'other') {
    log.error(
      'coordinate',
      {},
      `states the coordinate reference system "${crs.name}"; expected WGS84 longitude/latitude (EPSG:4326) or British National Grid (EPSG:27700): re-export in one of these`,
    );
    return undefined;
  }
  if (crs.kind === 'known' && crs.crs === CRS.bng) {
    const n = reprojectBngDocument(doc);
    log.warning(
      'reprojected',
      {},
      `coordinates are British National Grid (EPSG:27700, as its crs member states); reprojected ${n} positions to WGS84 longitude/latitude`,
    );
  }
  return doc;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A cell or property value as trimmed text: null/undefined give "". */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
