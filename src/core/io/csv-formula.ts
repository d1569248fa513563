// Spreadsheet formula injection (CWE-1236): Excel, LibreOffice and Google Sheets run a cell that
// starts with = + - @ (or a tab or line break before one) as a formula. Such text is written with
// a leading apostrophe, which spreadsheets show as text; numbers like -0.5 are left alone.
// csv-read strips the apostrophe again, so our own files read back unchanged.

const TRIGGER = /^'*[=+\-@\t\r\n]/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** True when `text` must be written with a leading apostrophe (apostrophes already there count, so the guard can be undone exactly). */
const needsGuard = (text: string) => TRIGGER.test(text) && !NUMBER.test(text);

/** The text to write for a CSV value: `'=SUM(A1)` for `=SUM(A1)`, `-0.5` unchanged. */
export function guardFormula(text: string): string {
  return needsGuard(text) ? `'${text}` : text;
}

/** The inverse of guardFormula for a value read from CSV. */
export function unguardFormula(text: string): string {
  return text.startsWith("'") && needsGuard(text.slice(1)) ? text.slice(1) : text;
}
