// CSV text -> header + rows with their 1-based physical line numbers (header = line 1).
import Papa from 'papaparse';
import { unguardFormula } from './csv-formula';
import type { IssueLog } from './issues';

export interface CsvRow {
  /** Physical line the row starts on (quoted line breaks inside earlier rows counted). */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvTable<R = CsvRow> {
  readonly header: readonly string[];
  /** Line of the header row (1 unless blank lines precede it). */
  readonly headerLine: number;
  readonly rows: readonly R[];
}

/** Makes the row object for a header: one object a row for tables with thousands of rows. */
export type CsvRowMaker<R> = (header: readonly string[]) => (cells: readonly string[], line: number) => R;

const plainRow: CsvRowMaker<CsvRow> = () => (cells, line) => ({ line, cells });

const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;

// papaparse's auto-detection defaults to "," on short inputs, so pick the delimiter from the
// header line: the candidate that occurs most often outside quotes.
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.min(text.length, 10_000)).split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  let best: string = ',';
  let bestCount = 0;
  for (const d of CANDIDATE_DELIMITERS) {
    const count = unquoted.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

const countLineBreaks = (cells: readonly string[]) => {
  let n = 0;
  for (const c of cells) for (let i = c.indexOf('\n'); i >= 0; i = c.indexOf('\n', i + 1)) n += 1;
  return n;
};

/**
 * Parses CSV (BOM already removed) with papaparse; line breaks inside quoted values come back
 * as "\n". Blank lines are skipped but still counted, so line numbers match what a text editor
 * shows. Rows with more fields than the header and unclosed quotes are logged as errors;
 * returns null if there is no header.
 */
export function readCsv(raw: string, log: IssueLog): CsvTable | null {
  return readCsvRows(raw, log, plainRow);
}

/** readCsv with each row made by `makeRow` (a practice file's records) rather than a CsvRow. */
export function readCsvRows<R>(raw: string, log: IssueLog, makeRow: CsvRowMaker<R>): CsvTable<R> | null {
  // One line-break style: papaparse picks the first it sees, so a file mixing CRLF and LF
  // would otherwise break at every quoted field after the switch. Quoted breaks become "\n" too.
  const text = raw.replace(/\r\n?/g, '\n');
  const parsed = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text), newline: '\n', skipEmptyLines: false });
  // papaparse's rows are ours: unguarded in place rather than copied.
  const records = parsed.data;
  for (const cells of records) for (let i = 0; i < cells.length; i++) cells[i] = unguardFormula(cells[i]);
  const lines: number[] = [];
  let line = 1;
  // Only a quoted value holds a line break: without a quote each record is one line.
  const quoted = text.includes('"');
  for (const cells of records) {
    lines.push(line);
    line += quoted ? 1 + countLineBreaks(cells) : 1;
  }
  for (const err of parsed.errors) {
    if (err.type === 'Delimiter') continue;
    const where = err.row !== undefined && lines[err.row] !== undefined ? `line ${lines[err.row]}` : undefined;
    const text = err.code === 'MissingQuotes' ? 'a quoted field is never closed (a stray " character?)' : err.message;
    log.error('csvFormat', { ...(where && { where }) }, `is not readable as CSV: ${text}`);
  }
  const headerIndex = records.findIndex((cells) => !isBlank(cells));
  if (headerIndex < 0) {
    log.error('file', {}, 'file is empty');
    return null;
  }
  const header = records[headerIndex].map((h) => h.trim());
  const rowOf = makeRow(header);
  const rows: R[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i];
    if (isBlank(cells)) continue;
    // Short rows only lack trailing values (caught as missing later); long rows have shifted columns.
    if (cells.length > header.length) {
      log.error(
        'csvFormat',
        { where: `line ${lines[i]}` },
        `has ${cells.length} fields but the header has ${header.length} (a comma inside an unquoted value?)`,
      );
      continue;
    }
    rows.push(rowOf(cells, lines[i]));
  }
  return { header, headerLine: lines[headerIndex], rows };
}
