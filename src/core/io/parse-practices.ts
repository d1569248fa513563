// Practices from GeoJSON Points or CSV: detected or named fields, every problem addressed.
import type { NetworkId, Practice, PracticeCode, Result } from '../model';
import { networkId, practiceCode } from '../model';
import { BNG_ADVICE, fileCoordinateMessage, fileCoordinateProblem, pointProblem, type Located } from './coordinates';
import { FIELD_ALIASES, FIELD_LABELS, detectFields, type DetectedFields, type FieldKey, type FieldNames } from './fields';
import { IssueLog } from './issues';
import { readRecords, type SourceRecord, type SourceRecords } from './read-records';
import { DEFAULT_MAX_BYTES, INPUT_FORMAT, cellText, checkText, sniffFormat, type InputFormat } from './text-input';
import { formatWhole, isMissing, parseDecimal, parseWholeNumber, quoteValue } from './values';

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

const describeCharacter = (c: string) => (c === ';' ? '";"' : `a control character (U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`);

/** pcn_code "U" is NHS Digital's "Unallocated" bucket, not a network. */
const NO_NETWORK_VALUES = new Set(['', 'U']);

const listHeaders = (headers: readonly string[]) =>
  headers.length > 30 ? `${headers.slice(0, 30).join(', ')}, …` : headers.join(', ') || 'none';

function checkFields(src: SourceRecords, fields: DetectedFields, log: IssueLog): boolean {
  const noun = src.format === INPUT_FORMAT.csv ? 'column' : 'property';
  for (const { field, name } of fields.notFound) {
    const plural = noun === 'column' ? 'columns' : 'properties';
    const text = `no ${noun} "${name}" for the ${FIELD_LABELS[field]} (${plural}: ${listHeaders(src.headers)})`;
    log.error('field errors', { field: name }, text);
  }
  for (const { field, headers, positions } of fields.ambiguous) {
    const all = positions.length === 2 ? 'both' : 'all';
    const which =
      noun === 'column'
        ? `columns ${positions.join(' and ')} are ${all} named "${headers[0]}"`
        : `properties ${headers.map((h) => `"${h}"`).join(' and ')} differ only in case`;
    const text = `${which}, so the ${FIELD_LABELS[field]} is ambiguous; rename or remove all but one`;
    log.error('field errors', { field: headers[0] }, text);
  }
  const lower = src.headers.map((h) => h.trim().toLowerCase());
  const gridColumns =
    src.format === INPUT_FORMAT.csv &&
    (fields.missing.includes('lon') || fields.missing.includes('lat')) &&
    lower.includes('easting') &&
    lower.includes('northing');
  // Easting/Northing get one message saying how to fix them instead of "no longitude column".
  if (gridColumns) {
    log.error('field errors', {}, `has Easting and Northing columns, not longitude/latitude: coordinates ${BNG_ADVICE}`);
  }
  const needed: readonly FieldKey[] =
    src.format === INPUT_FORMAT.csv && !gridColumns ? ['code', 'listSize', 'lon', 'lat'] : ['code', 'listSize'];
  for (const field of fields.missing) {
    if (!needed.includes(field) || fields.notFound.some((n) => n.field === field)) continue;
    log.error(
      'field errors',
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
}

function readCoordinate(rec: SourceRecord, header: string, label: string, code: string, log: IssueLog): number | null {
  const raw = rec.get(header);
  const loc = { where: rec.where, field: header, ...(code && { practiceCode: code }) };
  if (isMissing(raw)) {
    log.error('coordinate errors', loc, `${label} (${header}) is missing`);
    return null;
  }
  const value = parseDecimal(raw);
  if (value === null) log.error('coordinate errors', loc, `${label} ${quoteValue(raw)} is not a number`);
  return value;
}

function readDraft(rec: SourceRecord, fields: DetectedFields, seen: Map<string, string>, log: IssueLog): Draft {
  const codeField = fields.code as string;
  const code = cellText(rec.get(codeField));
  const loc = { where: rec.where, ...(code && { practiceCode: code }) };
  const forbidden = forbiddenCodeCharacter(code);
  if (!code) log.error('missing practice codes', { ...loc, field: codeField }, `practice code (${codeField}) is missing`);
  else if (forbidden)
    log.error('practice code errors', { ...loc, field: codeField }, `practice code ${quoteValue(code)} contains ${describeCharacter(forbidden)}; codes may not contain ";" (it separates the codes in the networks file) or control characters`);
  else if (seen.has(code))
    log.error('duplicate practice codes', { ...loc, field: codeField }, `practice code ${code} appears again (first at ${seen.get(code)})`);
  else seen.set(code, rec.where);

  const sizeField = fields.listSize as string;
  const rawSize = rec.get(sizeField);
  let listSize: number | null = null;
  if (isMissing(rawSize)) log.error('list size errors', { ...loc, field: sizeField }, `list size (${sizeField}) is missing`);
  else {
    listSize = parseWholeNumber(rawSize);
    if (listSize === null)
      log.error('list size errors', { ...loc, field: sizeField }, `list size ${quoteValue(rawSize)} is not a whole number >= 0`);
    else if (listSize === 0) log.warning('zero list sizes', { ...loc, field: sizeField }, 'list size is 0');
    else if (listSize > MAX_PLAUSIBLE_LIST_SIZE)
      log.warning('implausible list sizes', { ...loc, field: sizeField }, `list size ${formatWhole(listSize)} is above ${formatWhole(MAX_PLAUSIBLE_LIST_SIZE)}, more than any practice in England has (the largest has about 110,000); used as given, check it`);
  }

  let located: Located | null = null;
  if (rec.point !== undefined) {
    located = rec.point ? { where: rec.where, lon: rec.point[0], lat: rec.point[1] } : null;
  } else {
    const lon = readCoordinate(rec, fields.lon as string, 'longitude', code, log);
    const lat = readCoordinate(rec, fields.lat as string, 'latitude', code, log);
    if (lon !== null && lat !== null) located = { where: rec.where, lon, lat };
  }
  const name = fields.name ? cellText(rec.get(fields.name)) : '';
  return { code, name: name || code, listSize, located };
}

function readNetwork(
  rec: SourceRecord,
  code: string,
  fields: DetectedFields,
  log: IssueLog,
): PracticeNetwork | null {
  const field = fields.network as string;
  const id = cellText(rec.get(field));
  if (NO_NETWORK_VALUES.has(id.toUpperCase())) {
    const why = id === '' ? `${field} is empty` : `${field} is "${id}", unallocated`;
    log.warning('practices with no network', { where: rec.where, practiceCode: code, field }, `no network (${why})`);
    return null;
  }
  const name = fields.networkName ? cellText(rec.get(fields.networkName)) : '';
  return { id: networkId(id), name: name || id };
}

/**
 * Reads a practice table. Example:
 * `parsePractices(csvText, 'practices.csv')` -> `{ ok: true, value: { practices, networkOf, fields }, warnings }`
 * or `{ ok: false, errors: [{ message: 'practices.csv line 3 (B82005): list size "-3" is not a whole number >= 0', … }] }`.
 * Never throws for bad input; never mutates `opts`.
 */
export function parsePractices(text: string, fileName: string, opts: ParsePracticesOptions = {}): Result<PracticeTable> {
  const log = new IssueLog(fileName);
  const body = checkText(text, log, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (body === null) return log.fail();
  const src = readRecords(body, opts.format ?? sniffFormat(body), log);
  if (!src) return log.fail();
  if (src.records.length === 0 && log.errorCount === 0) {
    log.error('file errors', {}, `contains no practices (no ${src.unit})`);
    return log.fail();
  }
  const fields = detectFields(src.headers, opts.fields);
  if (!checkFields(src, fields, log)) return log.fail();

  const seen = new Map<string, string>();
  const drafts: Draft[] = [];
  const networkOf = fields.network ? new Map<PracticeCode, PracticeNetwork>() : undefined;
  for (const rec of src.records) {
    const draft = readDraft(rec, fields, seen, log);
    drafts.push(draft);
    if (networkOf && draft.code) {
      const network = readNetwork(rec, draft.code, fields, log);
      if (network && !networkOf.has(practiceCode(draft.code))) networkOf.set(practiceCode(draft.code), network);
    }
  }
  checkCoordinates(drafts, src, log);

  return log.result(() => ({
    practices: drafts.map((d) => ({
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

function checkCoordinates(drafts: readonly Draft[], src: SourceRecords, log: IssueLog): void {
  const located = drafts.flatMap((d) => (d.located ? [d.located] : []));
  const shared = fileCoordinateProblem(located);
  if (shared) {
    log.error('coordinate errors', {}, fileCoordinateMessage(shared, src.records.length, src.unit));
    return;
  }
  for (const d of drafts) {
    if (!d.located) continue;
    const problem = pointProblem(d.located.lon, d.located.lat);
    if (!problem) continue;
    log.error('coordinate errors', { where: d.located.where, ...(d.code && { practiceCode: d.code }) }, problem);
  }
}
