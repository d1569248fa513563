// Practices from GeoJSON Points or CSV: detected or named fields, every problem addressed.
import type { NetworkId, Practice, PracticeCode, Result } from '../model';
import { networkId, practiceCode } from '../model';
import { fileCoordinateMessage, fileCoordinateProblem, looksLikeBng, pointProblem, type Located } from './coordinates';
import { CRS, bngToWgs84, type Crs } from './crs';
import {
  FIELD_ALIASES,
  FIELD_LABELS,
  GRID_EAST,
  detectFields,
  type DetectedFields,
  type FieldKey,
  type FieldNames,
} from './fields';
import { normalisePostcode, postcodeProblem, type PostcodeLookup } from './postcodes';
import { IssueLog } from './issues';
import { readRecords, type SourceRecord, type SourceRecords } from './read-records';
import { DEFAULT_MAX_BYTES, INPUT_FORMAT, cellText, checkText, sniffFormat, type InputFormat } from './text-input';
import { formatWhole, isMissing, isNoNetwork, parseDecimal, parseWholeNumber, quoteValue } from './values';

export interface PracticeNetwork {
  readonly id: NetworkId;
  readonly name: string;
}

export interface PracticeTable {
  /** In file order. */
  readonly practices: Practice[];
  /** The header holding the network id, when one was named or detected. */
  readonly networkField?: string;
  /** Practice -> network from that field; practices with an empty or "U" value are absent. */
  readonly networkOf?: Map<PracticeCode, PracticeNetwork>;
  readonly fields: DetectedFields;
}

export interface ParsePracticesOptions {
  /** Detected from the content ("{" -> GeoJSON) when omitted. */
  readonly format?: InputFormat;
  /** Field names chosen by the caller; the rest are detected. */
  readonly fields?: FieldNames;
  /** Refuse longer text (default 200 MB). */
  readonly maxBytes?: number;
  /**
   * The CRS the user says coordinates are in when the file states none (a CSV with x/y or
   * longitude/latitude columns holding metres): EPSG:27700 has them reprojected.
   */
  readonly crs?: Crs;
  /** Coordinates by postcode, for files with a postcode column and no coordinates (NHS Digital's). */
  readonly postcodes?: PostcodeLookup;
}

/**
 * A list size above this is warned about: the largest practice in England (January 2022) had
 * 108,789 patients, so a larger figure is almost certainly a typing or export error.
 */
export const MAX_PLAUSIBLE_LIST_SIZE = 250_000;

/**
 * The first character a practice code may not hold, or undefined: ";" joins codes in the networks file's practice_codes,
 * and control characters (line breaks, tabs) cannot be read back from every output.
 */
export function forbiddenCodeCharacter(code: string): string | undefined {
  for (const c of code) {
    const n = c.charCodeAt(0);
    if (c === ';' || n < 0x20 || n === 0x7f) return c;
  }
  return undefined;
}

const describeCharacter = (c: string) =>
  c === ';' ? '";"' : `a control character (U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;

const listHeaders = (headers: readonly string[]) =>
  headers.length > 30 ? `${headers.slice(0, 30).join(', ')}, …` : headers.join(', ') || 'none';

function checkFields(src: SourceRecords, fields: DetectedFields, hasPostcodes: boolean, log: IssueLog): boolean {
  const noun = src.format === INPUT_FORMAT.csv ? 'column' : 'property';
  for (const { field, name } of fields.notFound) {
    const plural = noun === 'column' ? 'columns' : 'properties';
    const text = `no ${noun} "${name}" for the ${FIELD_LABELS[field]} (${plural}: ${listHeaders(src.headers)})`;
    log.error('field', { field: name }, text);
  }
  for (const { field, headers, positions } of fields.ambiguous) {
    const all = positions.length === 2 ? 'both' : 'all';
    const which =
      noun === 'column'
        ? `columns ${positions.join(' and ')} are ${all} named "${headers[0]}"`
        : `properties ${headers.map((h) => `"${h}"`).join(' and ')} differ only in case`;
    const text = `${which}, so the ${FIELD_LABELS[field]} is ambiguous; rename or remove all but one`;
    log.error('field', { field: headers[0] }, text);
  }
  const noCoordinates =
    src.format === INPUT_FORMAT.csv && (fields.missing.includes('lon') || fields.missing.includes('lat'));
  // A postcode column without a lookup gets one message saying how to geocode it.
  if (noCoordinates && fields.postcode !== undefined && !hasPostcodes) {
    log.error(
      'field',
      { field: fields.postcode },
      `has postcodes (${fields.postcode}) but no longitude/latitude or easting/northing columns: give a postcode lookup (--postcodes FILE on the command line, "Postcode lookup…" in the app; the ONS Postcode Directory or NSPL CSV)`,
    );
  }
  const byPostcode = noCoordinates && fields.postcode !== undefined;
  const needed: readonly FieldKey[] =
    src.format === INPUT_FORMAT.csv && !byPostcode ? ['code', 'listSize', 'lon', 'lat'] : ['code', 'listSize'];
  for (const field of fields.missing) {
    if (!needed.includes(field) || fields.notFound.some((n) => n.field === field)) continue;
    log.error(
      'field',
      {},
      `no ${FIELD_LABELS[field]} ${noun}; expected one of ${FIELD_ALIASES[field].join(', ')} (found: ${listHeaders(src.headers)})`,
    );
  }
  return log.errorCount === 0;
}

interface Draft {
  readonly code: string;
  readonly name: string;
  readonly listSize: number | null;
  readonly located: Located | null;
  /** Left out with a warning (postcode not in the lookup, terminated or without coordinates). */
  readonly leftOut?: boolean;
}

function readCoordinate(rec: SourceRecord, header: string, label: string, code: string, log: IssueLog): number | null {
  const raw = rec.get(header);
  if (isMissing(raw)) {
    log.error('coordinate', coordinateLoc(rec, header, code), `${label} (${header}) is missing`);
    return null;
  }
  const value = parseDecimal(raw);
  if (value === null)
    log.error('coordinate', coordinateLoc(rec, header, code), `${label} ${quoteValue(raw)} is not a number`);
  return value;
}

/** Where a coordinate problem is, built only when there is one (two coordinates a row, nearly always fine). */
function coordinateLoc(rec: SourceRecord, header: string, code: string) {
  return { where: rec.where, field: header, ...(code && { practiceCode: code }) };
}

function locateByPostcode(
  rec: SourceRecord,
  field: string,
  code: string,
  name: string,
  lookup: PostcodeLookup,
  log: IssueLog,
): Located | null {
  const postcode = cellText(rec.get(field));
  const loc = { where: rec.where, field, ...(code && { practiceCode: code }) };
  const problem = postcode === '' ? `postcode (${field}) is missing` : postcodeProblem(postcode, lookup);
  if (problem === null) {
    const entry = lookup.entries.get(normalisePostcode(postcode));
    if (entry?.kind === 'located') return { where: rec.where, lon: entry.lon, lat: entry.lat };
  }
  log.warning('postcodeNotFound', loc, `${name || code}: ${problem}; practice left out`);
  return null;
}

/** A record's point: its `where` asked of the record only for a message (a CSV row spells it then). */
class RecordPoint implements Located {
  constructor(
    private readonly rec: SourceRecord,
    readonly lon: number,
    readonly lat: number,
  ) {}

  get where(): string {
    return this.rec.where;
  }
}

function readDraft(
  rec: SourceRecord,
  fields: DetectedFields,
  seen: Map<string, SourceRecord>,
  postcodes: PostcodeLookup | undefined,
  log: IssueLog,
): Draft {
  const codeField = fields.code as string;
  const code = cellText(rec.get(codeField));
  // Where a problem is, built only when there is one.
  const loc = (field: string) => ({ where: rec.where, ...(code && { practiceCode: code }), field });
  const forbidden = forbiddenCodeCharacter(code);
  if (!code) log.error('missingPracticeCode', loc(codeField), `practice code (${codeField}) is missing`);
  else if (forbidden)
    log.error(
      'practiceCode',
      loc(codeField),
      `practice code ${quoteValue(code)} contains ${describeCharacter(forbidden)}; codes may not contain ";" (it separates the codes in the networks file) or control characters`,
    );
  else {
    const first = seen.get(code);
    if (first)
      log.error(
        'duplicatePracticeCode',
        loc(codeField),
        `practice code ${code} appears again (first at ${first.where})`,
      );
    else seen.set(code, rec);
  }

  const sizeField = fields.listSize as string;
  const rawSize = rec.get(sizeField);
  let listSize: number | null = null;
  if (isMissing(rawSize)) log.error('listSize', loc(sizeField), `list size (${sizeField}) is missing`);
  else {
    listSize = parseWholeNumber(rawSize);
    if (listSize === null)
      log.error('listSize', loc(sizeField), `list size ${quoteValue(rawSize)} is not a whole number >= 0`);
    else if (listSize === 0) log.warning('zeroListSize', loc(sizeField), 'list size is 0');
    else if (listSize > MAX_PLAUSIBLE_LIST_SIZE)
      log.warning(
        'implausibleListSize',
        loc(sizeField),
        `list size ${formatWhole(listSize)} is above ${formatWhole(MAX_PLAUSIBLE_LIST_SIZE)}, more than any practice in England has (the largest has about 110,000); used as given, check it`,
      );
  }

  const name = fields.name ? cellText(rec.get(fields.name)) : '';
  let located: Located | null = null;
  if (postcodes && fields.postcode !== undefined && (fields.lon === undefined || fields.lat === undefined)) {
    located = locateByPostcode(rec, fields.postcode, code, name, postcodes, log);
    return { code, name: name || code, listSize, located, leftOut: located === null };
  }
  if (rec.point !== undefined) {
    located = rec.point ? new RecordPoint(rec, rec.point[0], rec.point[1]) : null;
  } else {
    const lon = readCoordinate(rec, fields.lon as string, 'longitude', code, log);
    const lat = readCoordinate(rec, fields.lat as string, 'latitude', code, log);
    if (lon !== null && lat !== null) located = new RecordPoint(rec, lon, lat);
  }
  return { code, name: name || code, listSize, located };
}

function readNetwork(
  rec: SourceRecord,
  code: string,
  fields: DetectedFields,
  named: Map<string, PracticeNetwork>,
  log: IssueLog,
): PracticeNetwork | null {
  const field = fields.network as string;
  const id = cellText(rec.get(field));
  if (isNoNetwork(id)) {
    const why = id === '' ? `${field} is empty` : `${field} is "${id}", unallocated`;
    log.warning('noNetwork', { where: rec.where, practiceCode: code, field }, `no network (${why})`);
    return null;
  }
  const name = fields.networkName ? cellText(rec.get(fields.networkName)) : '';
  const known = named.get(id);
  if (known && known.name === (name || id)) return known;
  const network = { id: networkId(id), name: name || id };
  named.set(id, network);
  return network;
}

/**
 * Reads a practice table. Example:
 * `parsePractices(csvText, 'practices.csv')` -> `{ ok: true, value: { practices, networkOf, fields }, warnings }`
 * or `{ ok: false, errors: [{ message: 'practices.csv line 3 (B82005): list size "-3" is not a whole number >= 0', … }] }`.
 * Never throws for bad input; never mutates `opts`.
 */
export function parsePractices(
  text: string,
  fileName: string,
  opts: ParsePracticesOptions = {},
): Result<PracticeTable> {
  const log = new IssueLog(fileName);
  const body = checkText(text, log, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (body === null) return log.fail();
  const src = readRecords(body, opts.format ?? sniffFormat(body), log);
  if (!src) return log.fail();
  if (src.records.length === 0 && log.errorCount === 0) {
    log.error('file', {}, `contains no practices (no ${src.unit})`);
    return log.fail();
  }
  const fields = detectFields(src.headers, opts.fields);
  if (!checkFields(src, fields, opts.postcodes !== undefined, log)) return log.fail();

  const seen = new Map<string, SourceRecord>();
  const drafts: Draft[] = [];
  const networkOf = fields.network ? new Map<PracticeCode, PracticeNetwork>() : undefined;
  // One network object per id and name, shared by its practices' entries.
  const named = new Map<string, PracticeNetwork>();
  for (const rec of src.records) {
    const draft = readDraft(rec, fields, seen, opts.postcodes, log);
    drafts.push(draft);
    if (networkOf && draft.code) {
      const network = readNetwork(rec, draft.code, fields, named, log);
      // A repeated code is an error, so a table holding networkOf has each code once.
      if (network) networkOf.set(practiceCode(draft.code), network);
    }
  }
  reprojectGrid(drafts, fields, opts.crs, log);
  checkCoordinates(drafts, src, log);
  if (drafts.length > 0 && drafts.every((d) => d.leftOut)) {
    log.error(
      'file',
      {},
      `no practice could be located: none of its postcodes has coordinates in ${opts.postcodes?.fileName ?? 'the postcode lookup'}`,
    );
  }

  return log.result(() => ({
    practices: drafts
      .filter((d) => !d.leftOut)
      .map((d) => ({
        code: practiceCode(d.code),
        name: d.name,
        listSize: d.listSize as number,
        lon: (d.located as Located).lon,
        lat: (d.located as Located).lat,
      })),
    ...(fields.network !== undefined && { networkField: fields.network }),
    ...(networkOf && { networkOf }),
    fields,
  }));
}

/**
 * Easting/northing columns (oseast1m, easting...) state British National Grid; x/y or lon/lat
 * columns holding metres are British National Grid only when the user says so (`crs`).
 * Reprojects the drafts' points in place, with one warning saying so.
 */
function reprojectGrid(drafts: Draft[], fields: DetectedFields, crs: Crs | undefined, log: IssueLog): void {
  const stated = fields.lon !== undefined && (GRID_EAST as readonly string[]).includes(fields.lon.trim().toLowerCase());
  if (!stated && crs !== CRS.bng) return;
  const located: Located[] = [];
  for (const d of drafts) if (d.located && !d.leftOut) located.push(d.located);
  if (located.length === 0) return;
  const told =
    !stated && crs === CRS.bng && located.filter((p) => looksLikeBng(p.lon, p.lat)).length >= located.length / 2;
  if (!stated && !told) return;
  drafts.forEach((d, i) => {
    if (!d.located || d.leftOut) return;
    const [lon, lat] = bngToWgs84(d.located.lon, d.located.lat);
    drafts[i] = { ...d, located: { where: d.located.where, lon, lat } };
  });
  const why = stated
    ? `columns ${fields.lon} and ${fields.lat} are British National Grid (EPSG:27700) eastings and northings`
    : 'coordinates are British National Grid (EPSG:27700) metres, as the user stated';
  log.warning('reprojected', {}, `${why}; reprojected ${located.length} points to WGS84 longitude/latitude`);
}

function checkCoordinates(drafts: readonly Draft[], src: SourceRecords, log: IssueLog): void {
  const located: Located[] = [];
  for (const d of drafts) if (d.located) located.push(d.located);
  const shared = fileCoordinateProblem(located);
  if (shared) {
    log.error('coordinate', {}, fileCoordinateMessage(shared, src.records.length, src.unit));
    return;
  }
  for (const d of drafts) {
    if (!d.located) continue;
    const problem = pointProblem(d.located.lon, d.located.lat);
    if (!problem) continue;
    log.error('coordinate', { where: d.located.where, ...(d.code && { practiceCode: d.code }) }, problem);
  }
}
