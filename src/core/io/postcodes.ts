// Postcode -> coordinates from the ONS Postcode Directory (ONSPD) or NSPL CSV, whole (1.4 GB) or
// a regional extract. Read as a stream of text chunks, keeping only the postcodes asked for, so the
// national file never has to fit in memory (the CLI feeds it from a file stream, the app from a
// worker reading the File).
import type { Result } from '../model';
import { bngToWgs84 } from './crs';
import { detectFields } from './fields';
import { IssueLog } from './issues';
import { readRecords } from './read-records';
import { cellText, sniffFormat } from './text-input';

/** Where a postcode is, or why it cannot be used. */
export type PostcodeEntry =
  | { readonly kind: 'located'; readonly lon: number; readonly lat: number }
  /** `doterm` set: the postcode was terminated (yyyymm). */
  | { readonly kind: 'terminated'; readonly doterm: string }
  /** In the directory without a grid reference (ONSPD writes lat 99.999999). */
  | { readonly kind: 'unlocated' };

export interface PostcodeLookup {
  readonly fileName: string;
  /** Keyed by normalisePostcode. */
  readonly entries: ReadonlyMap<string, PostcodeEntry>;
  /** Data rows read (all of them, not only the kept ones). */
  readonly rowsRead: number;
}

/** "m1 1ae", "M11AE" and "M1  1AE" all give "M11AE": postcodes match whatever their spacing and case. */
export const normalisePostcode = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

const POSTCODE_COLUMNS = ['pcds', 'pcd2', 'pcd', 'postcode'];

/** One CSV line into cells; quotes handled ("a,b" and "" escapes); no line breaks inside values. */
function splitCsvLine(line: string, delimiter = ','): string[] {
  if (!line.includes('"')) return line.split(delimiter);
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  out.push(cell);
  return out;
}

interface Columns {
  readonly postcode: number;
  readonly lat: number;
  readonly lon: number;
  readonly east: number;
  readonly north: number;
  readonly doterm: number;
}

function columnsOf(header: readonly string[], log: IssueLog): Columns | null {
  const lower = header.map((h) => h.trim().toLowerCase());
  const at = (...names: string[]) => names.map((n) => lower.indexOf(n)).find((i) => i >= 0) ?? -1;
  const cols: Columns = {
    postcode: at(...POSTCODE_COLUMNS),
    lat: at('lat', 'latitude'),
    lon: at('long', 'lon', 'longitude'),
    east: at('oseast1m', 'easting'),
    north: at('osnrth1m', 'northing'),
    doterm: at('doterm'),
  };
  const found = header.length > 40 ? `${header.slice(0, 40).join(', ')}, …` : header.join(', ');
  if (cols.postcode < 0)
    log.error('field', {}, `is not a postcode lookup: no postcode column (pcds, pcd2 or pcd; found: ${found})`);
  else if ((cols.lat < 0 || cols.lon < 0) && (cols.east < 0 || cols.north < 0)) {
    log.error(
      'field',
      {},
      `has no coordinates: expected lat and long, or oseast1m and osnrth1m columns (found: ${found})`,
    );
  } else return cols;
  return null;
}

const num = (s: string | undefined) => {
  const t = (s ?? '').trim();
  return t === '' ? NaN : Number(t);
};

/**
 * Incremental reader: `push` text chunks in order (any size, split anywhere), then `finish`.
 * Only postcodes in `wanted` (normalised) are kept; null keeps every postcode (small extracts).
 * Example: `const r = new PostcodeLookupReader('ONSPD.csv', new Set(['M11AE'])); r.push(text); r.finish()`
 * -> `{ ok: true, value: { entries: Map { 'M11AE' => { kind: 'located', lon: -2.23, lat: 53.48 } } } }`.
 */
export class PostcodeLookupReader {
  private readonly log: IssueLog;
  private readonly entries = new Map<string, PostcodeEntry>();
  private rest = '';
  private cols: Columns | null = null;
  private failed = false;
  private line = 0;
  private rows = 0;

  constructor(
    readonly fileName: string,
    private readonly wanted: ReadonlySet<string> | null,
  ) {
    this.log = new IssueLog(fileName);
  }

  push(chunk: string): void {
    if (this.failed) return;
    const text = this.rest + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl >= 0; nl = text.indexOf('\n', start)) {
      this.readLine(text.slice(start, nl));
      start = nl + 1;
      if (this.failed) return;
    }
    this.rest = text.slice(start);
  }

  finish(): Result<PostcodeLookup> {
    if (!this.failed && this.rest !== '') this.readLine(this.rest);
    this.rest = '';
    if (!this.failed && this.cols === null) this.log.error('file', {}, 'file is empty');
    return this.log.result(() => ({ fileName: this.fileName, entries: this.entries, rowsRead: this.rows }));
  }

  private readLine(raw: string): void {
    this.line += 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    if (this.cols === null) {
      this.cols = columnsOf(splitCsvLine(line.charCodeAt(0) === 0xfeff ? line.slice(1) : line), this.log);
      this.failed = this.cols === null;
      return;
    }
    this.rows += 1;
    const cols = this.cols;
    const cells = splitCsvLine(line);
    const key = normalisePostcode(cells[cols.postcode] ?? '');
    if (key === '' || (this.wanted && !this.wanted.has(key)) || this.entries.has(key)) return;
    const doterm = cols.doterm >= 0 ? (cells[cols.doterm] ?? '').trim() : '';
    if (doterm !== '') {
      this.entries.set(key, { kind: 'terminated', doterm });
      return;
    }
    this.entries.set(key, this.locate(cells, cols));
  }

  private locate(cells: readonly string[], cols: Columns): PostcodeEntry {
    const lat = num(cells[cols.lat]);
    const lon = num(cells[cols.lon]);
    // ONSPD marks postcodes with no grid reference with lat 99.999999, long 0.
    if (Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180)
      return { kind: 'located', lon, lat };
    const e = num(cells[cols.east]);
    const n = num(cells[cols.north]);
    if (Number.isFinite(e) && Number.isFinite(n) && e > 0 && n > 0 && e <= 700_000 && n <= 1_300_000) {
      const [x, y] = bngToWgs84(e, n);
      return { kind: 'located', lon: x, lat: y };
    }
    return { kind: 'unlocated' };
  }
}

/** A whole lookup held as text (a regional extract, or a test): one push. */
export function parsePostcodeLookup(
  text: string,
  fileName: string,
  wanted: ReadonlySet<string> | null = null,
): Result<PostcodeLookup> {
  const reader = new PostcodeLookupReader(fileName, wanted);
  reader.push(text);
  return reader.finish();
}

/** Why a practice's postcode gives no coordinates, or null when it does. */
export function postcodeProblem(postcode: string, lookup: PostcodeLookup): string | null {
  const entry = lookup.entries.get(normalisePostcode(postcode));
  if (!entry) return `postcode "${postcode}" is not in the postcode lookup ${lookup.fileName}`;
  if (entry.kind === 'terminated')
    return `postcode "${postcode}" was terminated (doterm ${entry.doterm} in ${lookup.fileName})`;
  if (entry.kind === 'unlocated') return `postcode "${postcode}" has no coordinates in ${lookup.fileName}`;
  return null;
}

/**
 * The normalised postcodes of a practice file's postcode column (detected or named), so a
 * national lookup can be streamed keeping only these. Empty when the file has no postcode column.
 */
export function practicePostcodes(text: string, postcodeField?: string): Set<string> {
  const out = new Set<string>();
  const log = new IssueLog('');
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const src = readRecords(body, sniffFormat(body), log);
  if (!src) return out;
  const field = detectFields(src.headers, postcodeField ? { postcode: postcodeField } : {}).postcode;
  if (field === undefined) return out;
  for (const rec of src.records) {
    const key = normalisePostcode(cellText(rec.get(field)));
    if (key) out.add(key);
  }
  return out;
}
