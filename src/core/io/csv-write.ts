// Writing CSV that spreadsheets and our own reader take back unchanged.
import { guardFormula } from './csv-formula';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * One field, quoted (with inner quotes doubled) when it holds a comma, quote, line break or edge
 * space; text a spreadsheet would run as a formula gets a leading apostrophe (csv-formula.ts).
 */
export function csvField(value: string | number): string {
  const s = guardFormula(String(value));
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Header and rows as CSV text, "\n" line ends, one trailing line break. */
export function toCsv(header: readonly string[], rows: Iterable<readonly (string | number)[]>): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}
