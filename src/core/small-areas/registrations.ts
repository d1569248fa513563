// NHS Digital's "patients registered at a GP practice by LSOA": where each practice's patients
// live. Read in chunks (a 37 MB national file never becomes 860,000 row objects) into typed
// arrays indexed both ways: a practice's rows (catchment) and a small area's rows (who lives
// there). Male and female rows of the same practice and area are summed.
import { IssueLog } from '../io/issues';
import type { Result } from '../model';

/** The code NHS Digital uses for patients with no known LSOA. */
export const NO_LSOA_CODE = 'NO2011';

export interface Registrations {
  readonly fileName: string;
  /** Distinct practice codes, in file order; a practice's index is its position here. */
  readonly practiceCodes: readonly string[];
  readonly practiceNames: readonly string[];
  /** Distinct small-area codes (LSOAs, Welsh codes, NO2011), in file order. */
  readonly areaCodes: readonly string[];
  /** Practice p's rows are byPractice[Area|Count][practiceStart[p] .. practiceStart[p + 1]), areas ascending. */
  readonly practiceStart: Int32Array;
  readonly byPracticeArea: Int32Array;
  readonly byPracticeCount: Uint32Array;
  /** Area a's rows are byArea[Practice|Count][areaStart[a] .. areaStart[a + 1]), practices ascending. */
  readonly areaStart: Int32Array;
  readonly byAreaPractice: Int32Array;
  readonly byAreaCount: Uint32Array;
  /** Per practice: all its registered patients, NO2011 included. */
  readonly practiceTotal: Float64Array;
  readonly totalPatients: number;
  /** Data rows read (before male/female rows were summed). */
  readonly rowCount: number;
}

const COLUMNS = {
  practice: ['practice_code', 'org_code', 'code'],
  name: ['practice_name', 'name'],
  area: ['lsoa_code', 'lsoa11cd', 'lsoa21cd', 'lsoa'],
  count: ['number_of_patients', 'patients', 'count'],
  sex: ['sex'],
} as const;

/** Grows as rows arrive; `finish` turns it into Registrations. */
class RowStore {
  practice = new Int32Array(1 << 16);
  area = new Int32Array(1 << 16);
  count = new Uint32Array(1 << 16);
  /** 1 where the row is one sex of a male/female split, 0 for an all-persons row. */
  split = new Uint8Array(1 << 16);
  length = 0;

  push(p: number, a: number, n: number, split: boolean): void {
    if (this.length === this.practice.length) {
      const grow = <T extends Int32Array | Uint32Array | Uint8Array>(arr: T, make: (n: number) => T) => {
        const next = make(arr.length * 2);
        next.set(arr);
        return next;
      };
      this.practice = grow(this.practice, (n) => new Int32Array(n));
      this.area = grow(this.area, (n) => new Int32Array(n));
      this.count = grow(this.count, (n) => new Uint32Array(n));
      this.split = grow(this.split, (n) => new Uint8Array(n));
    }
    const i = this.length++;
    this.practice[i] = p;
    this.area[i] = a;
    this.count[i] = n;
    this.split[i] = split ? 1 : 0;
  }
}

/**
 * Reads a registrations CSV given in pieces: `push` each chunk of text as it arrives (a worker
 * reading a File stream, or the whole text at once), then `finish`. Columns are found by name
 * (PRACTICE_CODE, PRACTICE_NAME, LSOA_CODE, NUMBER_OF_PATIENTS; SEX when present), any case.
 * Example: `const r = new RegistrationsReader('gp-reg.csv'); r.push(text); r.finish()`.
 */
export class RegistrationsReader {
  private readonly log: IssueLog;
  private rest = '';
  private line = 0;
  private columns: { practice: number; name: number; area: number; count: number; sex: number } | null = null;
  /** Highest column index the fast path needs, and scratch [start, end) per column. */
  private lastNeeded = 0;
  private bounds = new Int32Array(0);
  private readonly practiceIndex = new Map<string, number>();
  private readonly practiceCodes: string[] = [];
  private readonly practiceNames: string[] = [];
  private readonly areaIndex = new Map<string, number>();
  private readonly areaCodes: string[] = [];
  private readonly rows = new RowStore();
  private lastPracticeCode = '';
  private lastPractice = -1;
  private sawAll = false;
  private sawSplit = false;
  private failed = false;

  constructor(readonly fileName: string) {
    this.log = new IssueLog(fileName);
  }

  /** Characters read so far, for a progress bar. */
  bytesSeen = 0;

  push(chunk: string): void {
    if (this.failed) return;
    this.bytesSeen += chunk.length;
    const text = this.rest + chunk;
    let start = 0;
    let quote = text.indexOf('"');
    for (let nl = text.indexOf('\n', start); nl >= 0; nl = text.indexOf('\n', start)) {
      if (quote >= 0 && quote < start) quote = text.indexOf('"', start);
      const plain = quote < 0 || quote > nl;
      if (!(plain && this.columns && this.fastRow(text, start, nl))) this.readLine(text.slice(start, nl));
      start = nl + 1;
      if (this.failed) return;
    }
    this.rest = text.slice(start);
  }

  /**
   * The common row (no quotes, no SEX column, plain digits) read in place, without splitting the
   * line into strings; false sends the line to the general reader, which also reports problems.
   */
  private fastRow(text: string, start: number, lineEnd: number): boolean {
    const c = this.columns!;
    if (c.sex >= 0) return false;
    const end = text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const bounds = this.bounds;
    let pos = start;
    for (let f = 0; f <= this.lastNeeded; f++) {
      if (pos > end) return false;
      const comma = text.indexOf(',', pos);
      const fieldEnd = comma < 0 || comma > end ? end : comma;
      bounds[f * 2] = pos;
      bounds[f * 2 + 1] = fieldEnd;
      pos = fieldEnd + 1;
    }
    const cs = bounds[c.count * 2],
      ce = bounds[c.count * 2 + 1];
    if (ce <= cs || ce - cs > 9) return false;
    let n = 0;
    for (let i = cs; i < ce; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return false;
      n = n * 10 + d;
    }
    const ps = bounds[c.practice * 2],
      pe = bounds[c.practice * 2 + 1];
    const as = bounds[c.area * 2],
      ae = bounds[c.area * 2 + 1];
    if (
      pe <= ps ||
      ae <= as ||
      text.charCodeAt(ps) === 32 ||
      text.charCodeAt(pe - 1) === 32 ||
      text.charCodeAt(as) === 32 ||
      text.charCodeAt(ae - 1) === 32
    )
      return false;
    this.line++;
    const last = this.lastPracticeCode;
    const p =
      pe - ps === last.length && text.startsWith(last, ps)
        ? this.lastPractice
        : this.practiceOf(
            text.slice(ps, pe),
            c.name >= 0 ? text.slice(bounds[c.name * 2], bounds[c.name * 2 + 1]).trim() : '',
          );
    this.rows.push(p, this.areaOf(text.slice(as, ae)), n, false);
    return true;
  }

  finish(): Result<Registrations> {
    if (!this.failed && this.rest !== '') this.readLine(this.rest);
    this.rest = '';
    if (this.failed) return this.log.fail();
    if (!this.columns) {
      this.log.error(
        'file',
        {},
        'file is empty: expected a header with PRACTICE_CODE, LSOA_CODE and NUMBER_OF_PATIENTS',
      );
      return this.log.fail();
    }
    if (this.rows.length === 0) this.log.error('file', {}, 'has a header but no rows');
    return this.log.result(() => this.build());
  }

  private readLine(raw: string): void {
    this.line++;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const cells = splitCsvLine(this.line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (cells === null) {
      this.log.error(
        'csvFormat',
        { where: `line ${this.line}` },
        'a quoted field is never closed (a stray " character?)',
      );
      return;
    }
    if (cells.length === 1 && cells[0].trim() === '') return;
    if (!this.columns) {
      this.readHeader(cells);
      return;
    }
    this.readRow(cells);
  }

  private readHeader(cells: readonly string[]): void {
    const names = cells.map((c) => c.trim().toLowerCase());
    const find = (options: readonly string[]) => {
      for (const o of options) {
        const k = names.indexOf(o);
        if (k >= 0) return k;
      }
      return -1;
    };
    const columns = {
      practice: find(COLUMNS.practice),
      name: find(COLUMNS.name),
      area: find(COLUMNS.area),
      count: find(COLUMNS.count),
      sex: find(COLUMNS.sex),
    };
    const missing = [
      columns.practice < 0 && 'PRACTICE_CODE',
      columns.area < 0 && 'LSOA_CODE',
      columns.count < 0 && 'NUMBER_OF_PATIENTS',
    ].filter(Boolean);
    if (missing.length > 0) {
      this.failed = true;
      this.log.error(
        'header',
        { where: `line ${this.line}` },
        `has no ${missing.join(', ')} column (columns found: ${cells.map((c) => c.trim()).join(', ')}); expected NHS Digital's registered patients by practice and LSOA`,
      );
      return;
    }
    this.columns = columns;
    this.lastNeeded = Math.max(columns.practice, columns.name, columns.area, columns.count);
    this.bounds = new Int32Array((this.lastNeeded + 1) * 2);
  }

  private readRow(cells: readonly string[]): void {
    const c = this.columns!;
    const code = (cells[c.practice] ?? '').trim();
    const areaCode = (cells[c.area] ?? '').trim();
    const countText = (cells[c.count] ?? '').trim();
    const where = `line ${this.line}`;
    if (code === '') {
      this.log.error('practiceCode', { where, field: 'PRACTICE_CODE' }, 'has no practice code');
      return;
    }
    if (areaCode === '') {
      this.log.error('lsoaCode', { where, practiceCode: code, field: 'LSOA_CODE' }, 'has no LSOA code');
      return;
    }
    const n = Number(countText);
    if (countText === '' || !Number.isInteger(n) || n < 0) {
      this.log.error(
        'patientCount',
        { where, practiceCode: code, field: 'NUMBER_OF_PATIENTS' },
        `"${countText}" is not a whole number >= 0`,
      );
      return;
    }
    let split = false;
    if (c.sex >= 0) {
      const sex = (cells[c.sex] ?? '').trim().toUpperCase();
      split = sex !== 'ALL' && sex !== 'PERSONS' && sex !== '';
      if (split) this.sawSplit = true;
      else this.sawAll = true;
    }
    this.rows.push(
      this.practiceOf(code, c.name >= 0 ? (cells[c.name] ?? '').trim() : code),
      this.areaOf(areaCode),
      n,
      split,
    );
  }

  private practiceOf(code: string, name: string): number {
    if (code === this.lastPracticeCode) return this.lastPractice;
    let p = this.practiceIndex.get(code);
    if (p === undefined) {
      p = this.practiceCodes.length;
      this.practiceIndex.set(code, p);
      this.practiceCodes.push(code);
      this.practiceNames.push(name || code);
    }
    this.lastPracticeCode = code;
    this.lastPractice = p;
    return p;
  }

  private areaOf(code: string): number {
    let a = this.areaIndex.get(code);
    if (a === undefined) {
      a = this.areaCodes.length;
      this.areaIndex.set(code, a);
      this.areaCodes.push(code);
    }
    return a;
  }

  private build(): Registrations {
    const rows = this.rows;
    // A file holding both all-persons rows and male/female rows would count everyone twice.
    const skipSplit = this.sawAll && this.sawSplit;
    if (skipSplit)
      this.log.warning(
        'sexRows',
        { field: 'SEX' },
        'has both all-persons and male/female rows; used the all-persons rows only',
      );
    const nA = this.areaCodes.length;
    const order: number[] = [];
    for (let i = 0; i < rows.length; i++) if (!(skipSplit && rows.split[i])) order.push(i);
    const keys = new Float64Array(order.length);
    order.forEach((i, k) => {
      keys[k] = rows.practice[i] * nA + rows.area[i];
    });
    const byKey = new Float64Array(keys.length);
    const counts = new Uint32Array(keys.length);
    let m = -1;
    for (const k of sortedOrder(keys)) {
      if (m >= 0 && byKey[m] === keys[k]) counts[m] += rows.count[order[k]];
      else {
        m++;
        byKey[m] = keys[k];
        counts[m] = rows.count[order[k]];
      }
    }
    return indexBothWays(
      this.fileName,
      this.practiceCodes,
      this.practiceNames,
      this.areaCodes,
      byKey.subarray(0, m + 1),
      counts.subarray(0, m + 1),
      rows.length,
    );
  }
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) out[k] = k;
  return out;
}

/**
 * Positions of `keys` in ascending order. Key and position are packed into one float and sorted
 * natively (several times faster than a comparator over 860,000 rows) when they fit in 53 bits.
 */
function sortedOrder(keys: Float64Array): Int32Array {
  const n = keys.length;
  let sorted = true;
  for (let k = 1; k < n && sorted; k++) sorted = keys[k - 1] <= keys[k];
  // NHS Digital's files come sorted by practice then LSOA.
  if (sorted) return identity(n);
  const shift = 2 ** Math.ceil(Math.log2(n + 1));
  let max = 0;
  for (let k = 0; k < n; k++) if (keys[k] > max) max = keys[k];
  if ((max + 1) * shift > Number.MAX_SAFE_INTEGER) return identity(n).sort((x, y) => keys[x] - keys[y]);
  const packed = new Float64Array(n);
  for (let k = 0; k < n; k++) packed[k] = keys[k] * shift + k;
  packed.sort();
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) out[k] = packed[k] % shift;
  return out;
}

/** Sorted (practice * nAreas + area) keys with their counts -> both CSR indexes. */
function indexBothWays(
  fileName: string,
  practiceCodes: string[],
  practiceNames: string[],
  areaCodes: string[],
  keys: Float64Array,
  counts: Uint32Array,
  rowCount: number,
): Registrations {
  const nP = practiceCodes.length,
    nA = areaCodes.length,
    n = keys.length;
  const practiceStart = new Int32Array(nP + 1);
  const byPracticeArea = new Int32Array(n);
  const byPracticeCount = Uint32Array.from(counts);
  const areaStart = new Int32Array(nA + 1);
  const practiceTotal = new Float64Array(nP);
  let totalPatients = 0;
  for (let k = 0; k < n; k++) {
    const p = Math.floor(keys[k] / nA);
    const a = keys[k] - p * nA;
    practiceStart[p + 1]++;
    areaStart[a + 1]++;
    byPracticeArea[k] = a;
    practiceTotal[p] += counts[k];
    totalPatients += counts[k];
  }
  for (let p = 0; p < nP; p++) practiceStart[p + 1] += practiceStart[p];
  for (let a = 0; a < nA; a++) areaStart[a + 1] += areaStart[a];
  const fill = areaStart.slice(0, nA);
  const byAreaPractice = new Int32Array(n);
  const byAreaCount = new Uint32Array(n);
  for (let p = 0; p < nP; p++) {
    for (let k = practiceStart[p]; k < practiceStart[p + 1]; k++) {
      const slot = fill[byPracticeArea[k]]++;
      byAreaPractice[slot] = p;
      byAreaCount[slot] = counts[k];
    }
  }
  return {
    fileName,
    practiceCodes,
    practiceNames,
    areaCodes,
    practiceStart,
    byPracticeArea,
    byPracticeCount,
    areaStart,
    byAreaPractice,
    byAreaCount,
    practiceTotal,
    totalPatients,
    rowCount,
  };
}

/** One CSV line -> cells (RFC 4180 quotes); null when a quote is never closed. */
export function splitCsvLine(line: string): string[] | null {
  if (line.indexOf('"') < 0) return line.split(',');
  const cells: string[] = [];
  let i = 0;
  while (true) {
    if (line.charCodeAt(i) === 34) {
      let value = '';
      let j = i + 1;
      while (true) {
        const q = line.indexOf('"', j);
        if (q < 0) return null;
        value += line.slice(j, q);
        if (line.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      const comma = line.indexOf(',', i);
      cells.push(value + (comma < 0 ? line.slice(i) : line.slice(i, comma)));
      if (comma < 0) return cells;
      i = comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        cells.push(line.slice(i));
        return cells;
      }
      cells.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

/** The whole text at once. Example: `readRegistrations(text, 'gp-reg-pat-prac-lsoa-all.csv')`. */
export function readRegistrations(text: string, fileName: string): Result<Registrations> {
  const reader = new RegistrationsReader(fileName);
  reader.push(text);
  return reader.finish();
}
