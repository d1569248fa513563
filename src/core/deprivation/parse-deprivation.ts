// Deprivation by small area (e.g. the English Indices of Deprivation, IMD 2019): one row per LSOA
// with a decile (1 = the most deprived 10% nationally) and/or a score. Columns are found by name,
// so ONS/MHCLG's published headers and tidy ones (lsoa11cd, imd_decile, imd_score) both work.
import { readCsv, type CsvRow, type CsvTable } from '../io/csv-read';
import { IssueLog } from '../io/issues';
import type { Result } from '../model';
import { splitCsvLine } from '../small-areas/registrations';

export interface DeprivationTable {
  readonly fileName: string;
  /** Per small-area code: decile 1-10, 1 = most deprived. */
  readonly decile: ReadonlyMap<string, number>;
  /** Per small-area code: the deprivation score (higher = more deprived); empty when the file has none. */
  readonly score: ReadonlyMap<string, number>;
  /** The file had scores but no deciles: deciles were ranked from this file's scores. */
  readonly decilesFromScores: boolean;
}

const norm = (h: string) => h.trim().toLowerCase().replace(/\s+/g, ' ');
const IMD = '(?:imd|index of multiple deprivation \\(imd\\))';
const CODE = /^(?:lsoa11cd|lsoa21cd|lsoa_code|lsoa code \(20[12]1\)|lsoa|lsoa11|lsoa21|code)$/;
const DECILE = new RegExp(`^(?:${IMD}[ _]?decile\\b.*|decile)$`);
const SCORE = new RegExp(`^(?:${IMD}[ _]?score\\b.*|score)$`);

/**
 * A comma-separated file with no line breaks inside quotes (every published IMD table) is split
 * line by line, several times faster than the general reader; anything else goes to readCsv.
 */
function readTable(text: string, log: IssueLog): CsvTable | null {
  const lines = text.split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  const header = headerIndex < 0 ? null : splitCsvLine(lines[headerIndex]);
  if (!header || header.length < 2) return readCsv(text, log);
  const rows: CsvRow[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const cells = splitCsvLine(lines[i]);
    if (!cells || cells.length > header.length) return readCsv(text, log);
    rows.push({ line: i + 1, cells });
  }
  return { header, headerLine: headerIndex + 1, rows };
}

function findColumn(header: readonly string[], pattern: RegExp): number {
  return header.findIndex((h) => pattern.test(norm(h)));
}

/** Deciles 1-10 from scores: the highest 10% of scores (most deprived) are decile 1. */
function decilesFromScores(score: ReadonlyMap<string, number>): Map<string, number> {
  const ranked = [...score].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const n = ranked.length;
  return new Map(ranked.map(([code], rank) => [code, Math.floor((rank * 10) / n) + 1]));
}

/**
 * Parses a deprivation CSV: a small-area code column (lsoa11cd, lsoa21cd, "LSOA code (2011)"...)
 * and an IMD decile and/or score column. Every bad row is reported by line and field.
 * Example: `parseDeprivation('lsoa11cd,imd_decile\nE01000001,9\n', 'imd.csv')`.
 */
export function parseDeprivation(text: string, fileName: string): Result<DeprivationTable> {
  const log = new IssueLog(fileName);
  const table = readTable(text.replace(/^\uFEFF/, ''), log);
  if (!table) {
    log.error('file', {}, 'is empty; expected a CSV with a small-area code and an IMD decile or score per row');
    return log.fail();
  }
  const code = findColumn(table.header, CODE);
  const decileCol = findColumn(table.header, DECILE);
  const scoreCol = findColumn(table.header, SCORE);
  const found = table.header.join(', ');
  if (code < 0)
    log.error(
      'column',
      { field: 'small-area code' },
      `no small-area code column (expected lsoa11cd, lsoa21cd, lsoa_code or "LSOA code (2011)"); columns are: ${found}`,
    );
  if (decileCol < 0 && scoreCol < 0)
    log.error(
      'column',
      { field: 'imd' },
      `no deprivation column (expected imd_decile or imd_score, or the published "Index of Multiple Deprivation (IMD) Decile/Score"); columns are: ${found}`,
    );
  if (log.errorCount) return log.fail();

  const decile = new Map<string, number>();
  const score = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const where = `line ${row.line}`;
    const id = (row.cells[code] ?? '').trim();
    if (!id) {
      log.error('code', { where, field: table.header[code] }, 'small-area code is empty');
      continue;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      log.error(
        'duplicateCode',
        { where, field: table.header[code] },
        `small-area code ${id} is also on line ${first}; each area must appear once`,
      );
      continue;
    }
    seen.set(id, row.line);
    if (decileCol >= 0) {
      const raw = (row.cells[decileCol] ?? '').trim();
      const d = Number(raw);
      if (!/^\d+$/.test(raw) || d < 1 || d > 10)
        log.error(
          'decile',
          { where, field: table.header[decileCol] },
          `decile "${raw}" of ${id} is not a whole number 1-10`,
        );
      else decile.set(id, d);
    }
    if (scoreCol >= 0) {
      const raw = (row.cells[scoreCol] ?? '').trim();
      const s = Number(raw);
      if (raw === '' || !Number.isFinite(s))
        log.error('score', { where, field: table.header[scoreCol] }, `score "${raw}" of ${id} is not a number`);
      else score.set(id, s);
    }
  }
  if (seen.size === 0 && !log.errorCount) log.error('file', {}, 'has a header but no rows');
  const fromScores = decileCol < 0;
  if (fromScores && !log.errorCount) {
    log.warning(
      'decileNote',
      { field: table.header[scoreCol] },
      `no decile column: deciles ranked from this file's ${score.size} scores (decile 1 = the highest 10%); they are national deciles only if the file covers all of England`,
    );
  }
  return log.result(() => ({
    fileName,
    decile: fromScores ? decilesFromScores(score) : decile,
    score,
    decilesFromScores: fromScores,
  }));
}
