// Bytes of an input file -> text. UTF-8 (with or without a byte-order mark) and UTF-16 with a
// byte-order mark are read as they are; anything else that is not valid UTF-8 is Windows-1252
// (what Excel writes for "CSV" in Western Europe) and read as such with a warning naming the
// encoding, unless it holds bytes Windows-1252 does not define, when it is refused. Outputs are
// always UTF-8, so text is never written back mangled.
import type { Result } from '../model';
import { IssueLog } from './issues';

/** Bytes Windows-1252 leaves undefined: their presence means the file is in some other encoding. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** 1-based line of a byte offset, and the line's text decoded as Windows-1252 (trimmed to 60 characters). */
function lineAt(bytes: Uint8Array, offset: number): { line: number; text: string } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line += 1;
      start = i + 1;
    }
  }
  let end = offset;
  while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end += 1;
  const text = new TextDecoder('windows-1252').decode(bytes.subarray(start, end));
  return { line, text: text.length > 60 ? `${text.slice(0, 57)}…` : text };
}

/** Offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

/**
 * Example: the bytes of `code,name\nP1,Clinique M\xe9dicale\n` -> ok, text "…Clinique Médicale…",
 * with the warning `p.csv: is not UTF-8 text; read as Windows-1252 (line 2: "P1,Clinique Médicale")`.
 */
export function decodeText(bytes: Uint8Array, fileName: string): Result<string> {
  const log = new IssueLog(fileName);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return log.result(() => new TextDecoder('utf-8').decode(bytes.subarray(3)));
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return log.result(() => new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return log.result(() => new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return log.result(() => new TextDecoder('utf-8').decode(bytes));
  // NUL bytes mean binary content; checkText says so in its own words.
  if (bytes.subarray(0, 4096).includes(0)) return log.result(() => new TextDecoder('utf-8').decode(bytes));
  const undefinedAt = bytes.findIndex((b) => UNDEFINED_1252.has(b));
  if (undefinedAt >= 0) {
    const at = lineAt(bytes, undefinedAt);
    log.error(
      'encoding',
      { where: `line ${at.line}` },
      `is not UTF-8 text (byte 0x${bytes[undefinedAt].toString(16).toUpperCase()} is not valid UTF-8) and not Windows-1252 either; save it as "CSV UTF-8"`,
    );
    return log.fail();
  }
  const at = lineAt(bytes, bad);
  log.warning(
    'encodingGuessed',
    {},
    `is not UTF-8 text; read as Windows-1252, the encoding Excel uses for CSV (first non-UTF-8 character on line ${at.line}: "${at.text}"); outputs are written as UTF-8`,
  );
  return log.result(() => new TextDecoder('windows-1252').decode(bytes));
}
