// Practice-like records from GeoJSON Point features or CSV rows, addressed for messages.
import { readCsvRows } from './csv-read';
import type { IssueLog } from './issues';
import { INPUT_FORMAT, isRecord, parseJson, type InputFormat } from './text-input';

export interface SourceRecord {
  /** "feature 17" (0-based) or "line 23" (1-based, header = line 1). */
  readonly where: string;
  /** Value of a header / property, as spelled in `headers`. */
  get(header: string): unknown;
  /** GeoJSON only: the Point's [lon, lat]; null when the feature has no usable Point. */
  readonly point?: readonly [number, number] | null;
}

export interface SourceRecords {
  readonly format: InputFormat;
  readonly headers: readonly string[];
  readonly records: readonly SourceRecord[];
  /** "features" or "rows", for counts in messages. */
  readonly unit: string;
}

function describeType(v: unknown): string {
  if (isRecord(v) && typeof v.type === 'string') return `a GeoJSON ${v.type}`;
  if (isRecord(v)) return 'a JSON object';
  if (Array.isArray(v)) return 'a JSON array';
  return `JSON ${v === null ? 'null' : typeof v}`;
}

function pointOf(feature: Record<string, unknown>, where: string, log: IssueLog): [number, number] | null {
  const g = feature.geometry;
  if (!isRecord(g)) {
    log.error('geometry', { where }, 'has no geometry; expected a Point');
    return null;
  }
  if (g.type !== 'Point') {
    log.error('geometry', { where }, `geometry is ${String(g.type)}; expected a Point`);
    return null;
  }
  const c = g.coordinates;
  if (!Array.isArray(c) || c.length < 2 || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) {
    log.error('geometry', { where }, 'Point coordinates are not [longitude, latitude] numbers');
    return null;
  }
  return [c[0] as number, c[1] as number];
}

function fromGeoJson(text: string, log: IssueLog): SourceRecords | null {
  const doc = parseJson(text, log);
  if (doc === undefined) return null;
  if (isRecord(doc) && doc.type === 'FeatureCollection' && !Array.isArray(doc.features)) {
    const features = doc.features === undefined ? 'missing' : `${describeType(doc.features)}`;
    log.error(
      'file',
      {},
      `is a GeoJSON FeatureCollection whose "features" is ${features}; expected a list of Point features`,
    );
    return null;
  }
  if (!isRecord(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    log.error('file', {}, `is ${describeType(doc)}, not a GeoJSON FeatureCollection of Point features`);
    return null;
  }
  const headers = new Set<string>();
  const records: SourceRecord[] = [];
  doc.features.forEach((feature: unknown, i: number) => {
    const where = `feature ${i}`;
    if (!isRecord(feature) || feature.type !== 'Feature') {
      log.error('geometry', { where }, 'is not a GeoJSON Feature');
      return;
    }
    const props = isRecord(feature.properties) ? feature.properties : {};
    for (const k of Object.keys(props)) headers.add(k);
    records.push({ where, get: (h) => props[h], point: pointOf(feature, where, log) });
  });
  return { format: INPUT_FORMAT.geojson, headers: [...headers], records, unit: 'features' };
}

/**
 * A CSV row as a SourceRecord: one object a row (papaparse's cells and the line number), its
 * `where` spelled only when asked (a message, nearly never).
 */
class CsvRecord implements SourceRecord {
  constructor(
    private readonly cells: readonly string[],
    private readonly line: number,
    private readonly index: ReadonlyMap<string, number>,
  ) {}

  get where(): string {
    return `line ${this.line}`;
  }

  get(header: string): unknown {
    return this.cells[this.index.get(header) ?? -1];
  }
}

function fromCsv(text: string, log: IssueLog): SourceRecords | null {
  const table = readCsvRows(text, log, (header) => {
    // First column wins when a header repeats, as in detectFields.
    const index = new Map<string, number>();
    header.forEach((h, i) => {
      if (!index.has(h)) index.set(h, i);
    });
    return (cells, line) => new CsvRecord(cells, line, index);
  });
  if (!table) return null;
  return { format: INPUT_FORMAT.csv, headers: table.header, records: table.rows, unit: 'rows' };
}

export function readRecords(text: string, format: InputFormat, log: IssueLog): SourceRecords | null {
  return format === INPUT_FORMAT.geojson ? fromGeoJson(text, log) : fromCsv(text, log);
}
