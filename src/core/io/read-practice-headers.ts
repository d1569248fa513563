// The column / property names of a practice file, for the app's field-mapping dialog.
import type { Result } from '../model';
import { detectFields, type DetectedFields } from './fields';
import { IssueLog } from './issues';
import { readRecords } from './read-records';
import { DEFAULT_MAX_BYTES, checkText, sniffFormat, type InputFormat } from './text-input';

export interface PracticeHeaders {
  readonly format: InputFormat;
  /** CSV header cells, or every property name seen in the GeoJSON features, in first-seen order. */
  readonly headers: readonly string[];
  /** What detection picks with no names given; `missing` lists what the dialog must ask for. */
  readonly fields: DetectedFields;
  /** True when longitude/latitude come from Point geometries (GeoJSON), not from columns. */
  readonly coordinatesFromGeometry: boolean;
}

/**
 * Reads only enough to offer field choices: errors are limited to an unreadable file.
 * Example: `readPracticeHeaders('ods,size,x,y\n…', 'p.csv')` -> headers ['ods', 'size', 'x', 'y'],
 * fields.missing ['code', 'listSize'], so the dialog asks which columns hold those two.
 */
export function readPracticeHeaders(
  text: string,
  fileName: string,
  opts: { readonly format?: InputFormat; readonly maxBytes?: number } = {},
): Result<PracticeHeaders> {
  const log = new IssueLog(fileName);
  const body = checkText(text, log, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (body === null) return log.fail();
  const format = opts.format ?? sniffFormat(body);
  // Row-level problems are parsePractices' job; a throwaway log keeps them out of this answer.
  const rowLog = new IssueLog(fileName);
  const src = readRecords(body, format, rowLog);
  if (!src) return { ok: false, errors: rowLog.errors(), warnings: [] };
  if (src.records.length === 0 && rowLog.errorCount === 0)
    log.error('file', {}, `contains no practices (no ${src.unit})`);
  const fields = detectFields(src.headers);
  const coordinatesFromGeometry = src.format === 'geojson';
  const missing = coordinatesFromGeometry ? fields.missing.filter((f) => f !== 'lon' && f !== 'lat') : fields.missing;
  return log.result(() => ({
    format: src.format,
    headers: src.headers,
    fields: { ...fields, missing },
    coordinatesFromGeometry,
  }));
}
