// Files and terminal for every command: capped reads, all-or-nothing writes, and the
// writers `run()` is given so tests can capture output without spawning a process.
import {
  closeSync,
  fstatSync,
  fsyncSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { formatIssue, issueCount } from '../core/io';
import type { Issue, Result } from '../core/model';

/** Where a command's output goes; `run()` takes one so tests can capture it. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Relative paths are resolved against this (default: the process's working directory). */
  readonly cwd?: string;
  /** Inputs longer than this many bytes are refused (default MAX_INPUT_BYTES); tests lower it. */
  readonly maxInputBytes?: number;
}

/** 0 success; 1 invalid input or an output that could not be written; 2 usage error; 3 a bug. */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2, internal: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Inputs larger than this are refused, counting the bytes actually read (the io parsers cap at 200 MB too). */
const MAX_INPUT_BYTES = 200 * 1024 * 1024;

/** A file named on the command line, read: `fileName` is its base name, `path` the full one. */
export interface InputFile {
  readonly text: string;
  readonly fileName: string;
  readonly path: string;
}

/** Failing, one `unreadable` error naming the option and file (`--practices x.csv: no such file`). */
export type ReadOutcome = Result<InputFile>;

/** The one error of a file that cannot be read, its message printed as it is. */
export const unreadable = (message: string): Result<never> => ({
  ok: false,
  errors: [{ severity: 'error', code: 'unreadable', message }],
  warnings: [],
});

export const resolvePath = (io: CliIO, file: string) => path.resolve(io.cwd ?? process.cwd(), file);

const READ_CHUNK_BYTES = 1024 * 1024;
/** A NUL byte this early means a binary file (spreadsheet, image, /dev/zero): stop reading at once. */
const BINARY_SNIFF_BYTES = 4096;

/**
 * Reads a UTF-8 text file named on the command line. `label` says which option it came from,
 * so a failure reads `--practices prac.csv: no such file`. `fileName` is the base name, the
 * name the io layer puts at the start of each message. The size limit counts the bytes read,
 * so a device or pipe that never ends (`/dev/zero`, `<(yes)`) is refused instead of filling memory.
 */
export function readInputFile(
  io: CliIO,
  file: string,
  label: string,
  maxBytes = io.maxInputBytes ?? MAX_INPUT_BYTES,
): ReadOutcome {
  const read = readInputBytes(io, file, label, maxBytes);
  if (!read.ok) return read;
  const { bytes, fileName, path: full } = read.value;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { ok: true, value: { text, fileName, path: full }, warnings: [] };
}

type BytesOutcome = Result<{ readonly bytes: Uint8Array; readonly fileName: string; readonly path: string }>;

const isZipStart = (b: Buffer) => b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05);

/**
 * readInputFile's reading and checks, returning the raw bytes (decoded by core's prepareInput:
 * encodings, zipped shapefiles). A zip archive is the one binary content accepted.
 */
export function readInputBytes(
  io: CliIO,
  file: string,
  label: string,
  maxBytes = io.maxInputBytes ?? MAX_INPUT_BYTES,
): BytesOutcome {
  const full = resolvePath(io, file);
  const fail = (why: string): BytesOutcome => unreadable(`${label} ${file}: ${why}`);
  const tooLarge = (size: string) => fail(`is ${size}, larger than the ${formatMegabytes(maxBytes)} limit`);
  let fd: number;
  try {
    fd = openSync(full, 'r');
  } catch (e) {
    return fail(describeFsError(e));
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return fail('is a directory, expected a file');
    if (st.isFile() && st.size > maxBytes) return tooLarge(formatMegabytes(st.size));
    const chunks: Buffer[] = [];
    let total = 0;
    let zip = false;
    for (;;) {
      const chunk = Buffer.allocUnsafe(READ_CHUNK_BYTES);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      if (total === 0) zip = isZipStart(chunk);
      if (
        !zip &&
        total < BINARY_SNIFF_BYTES &&
        chunk.subarray(0, Math.min(n, BINARY_SNIFF_BYTES - total)).includes(0)
      ) {
        return fail(
          'is not a text file (binary content, for example a spreadsheet); save it as CSV (UTF-8) or GeoJSON',
        );
      }
      total += n;
      if (total > maxBytes) return tooLarge(`more than ${formatMegabytes(maxBytes)} (stopped reading there)`);
      chunks.push(chunk.subarray(0, n));
    }
    const value = { bytes: Buffer.concat(chunks, total), fileName: path.basename(full), path: full };
    return { ok: true, value, warnings: [] };
  } catch (e) {
    return fail(describeFsError(e));
  } finally {
    closeSync(fd);
  }
}

/**
 * The same real file, whatever path leads to it: device and inode for a file that exists
 * (so symlinks and hard links match), else the real directory plus the name.
 */
function fileIdentity(full: string): string {
  try {
    const st = statSync(full);
    return `inode ${st.dev}:${st.ino}`;
  } catch {
    try {
      return `path ${path.join(realpathSync(path.dirname(full)), path.basename(full))}`;
    } catch {
      return `path ${full}`;
    }
  }
}

/**
 * A usage error when an output names the same real file as an input or another output
 * (through a symlink, a hard link or `..`), else null. `files` maps option name -> path given.
 */
export function sameFileProblem(
  io: CliIO,
  outputs: readonly string[],
  inputs: readonly string[],
  files: ReadonlyMap<string, string>,
): string | null {
  const given = (o: string) => files.get(o);
  const identity = new Map<string, string>();
  for (const o of [...inputs, ...outputs]) {
    const file = given(o);
    if (file !== undefined) identity.set(o, fileIdentity(resolvePath(io, file)));
  }
  for (const o of outputs) {
    if (!identity.has(o)) continue;
    for (const other of [...inputs, ...outputs]) {
      if (other === o || !identity.has(other) || identity.get(o) !== identity.get(other)) continue;
      const via = given(o) === given(other) ? given(o) : `${given(o)} is ${given(other)}`;
      return `--${o} and --${other} name the same file (${via}); outputs never overwrite an input or each other`;
    }
  }
  return null;
}

export interface OutputFile {
  /** As given on the command line. */
  readonly file: string;
  /** Text is written as UTF-8; bytes (a zipped shapefile) as they are. */
  readonly text: string | Uint8Array;
}

/** Failing, one `unwritable` error: `cannot write x.csv: permission denied; no output written`. */
type WriteOutcome = Result<null>;

const unwritable = (file: string, e: unknown): WriteOutcome => ({
  ok: false,
  errors: [
    {
      severity: 'error',
      code: 'unwritable',
      message: `cannot write ${file}: ${describeFsError(e)}; no output written`,
    },
  ],
  warnings: [],
});

/**
 * Writes every output or none: each goes to a temporary file beside its target (same directory,
 * so the rename is atomic), and only when all temporaries are complete are they renamed into
 * place. On any failure the temporaries are removed, and targets already renamed in this call
 * are removed too, so a failed run never leaves a partial or half-updated set of outputs.
 */
export function writeOutputsAtomically(io: CliIO, outputs: readonly OutputFile[]): WriteOutcome {
  const staged: { readonly target: string; readonly temp: string; readonly file: string }[] = [];
  const cleanup = (paths: readonly string[]) => {
    for (const p of paths) {
      try {
        unlinkSync(p);
      } catch {
        // Already gone: nothing to clean.
      }
    }
  };
  for (const out of outputs) {
    const target = resolvePath(io, out.file);
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${staged.length}.tmp`);
    try {
      if (existsAsDirectory(target)) throw new Error('is a directory');
      const fd = openSync(temp, 'wx');
      try {
        const bytes = typeof out.text === 'string' ? Buffer.from(out.text, 'utf8') : out.text;
        let offset = 0;
        while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      staged.push({ target, temp, file: out.file });
    } catch (e) {
      cleanup([...staged.map((s) => s.temp), temp]);
      return unwritable(out.file, e);
    }
  }
  const renamed: string[] = [];
  for (const s of staged) {
    try {
      renameSync(s.temp, s.target);
      renamed.push(s.target);
    } catch (e) {
      cleanup([...staged.map((t) => t.temp), ...renamed]);
      return unwritable(s.file, e);
    }
  }
  return { ok: true, value: null, warnings: [] };
}

function existsAsDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The short reason from a Node fs error ("no such file", "permission denied"), else its message. */
function describeFsError(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

const formatMegabytes = (bytes: number) =>
  bytes < 1024 * 1024 ? `${formatCount(bytes)} bytes` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** 1234567 -> "1,234,567", the same on every machine (no locale lookup). */
export const formatCount = (n: number) =>
  Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * Invalid input: prints the warnings, the unreadable files and the io layer's errors, one per
 * line (`error: file where (code): text`), then a closing count, and returns exit code 1. Long
 * lists are capped per kind ("…and 980 more list size errors"); the count is always the true total.
 */
export function failInput(
  io: CliIO,
  errors: readonly Issue[],
  warnings: readonly Issue[],
  readFailures: readonly Issue[] = [],
): ExitCode {
  for (const w of warnings) io.stderr(`${formatIssue(w)}\n`);
  for (const f of readFailures) io.stderr(`error: ${f.message}\n`);
  for (const e of errors) io.stderr(`${formatIssue(e)}\n`);
  const total = issueCount(errors) + readFailures.length;
  const listed = errors.filter((e) => e.omitted === undefined).length + readFailures.length;
  const capped = listed < total ? ` (${formatCount(listed)} listed above)` : '';
  io.stderr(`${plural(total, 'error')} in the input${capped}; no output written.\n`);
  return EXIT.invalidInput;
}

/** The messages of the reads that failed (`--practices x.csv: no such file`), in the order given. */
export const readFailures = (...reads: readonly (ReadOutcome | null | undefined)[]): Issue[] =>
  reads.flatMap((r) => (r && !r.ok ? r.errors : []));

/** Gathers parsers' findings into `errors` and `warnings`; returns a result's value, or null when it failed. */
export function collectInto(errors: Issue[], warnings: Issue[]): <T>(r: Result<T>) => T | null {
  return (r) => {
    warnings.push(...r.warnings);
    if (r.ok) return r.value;
    errors.push(...r.errors);
    return null;
  };
}

/**
 * A command's last step: the warnings to stderr, every output written or none, then the summary to
 * stdout, closed by the warnings line and `Wrote a, b` (`join` between the file names). Exit 1,
 * with the reason on stderr, when an output cannot be written.
 */
export function writeAndReport(
  io: CliIO,
  warnings: readonly Issue[],
  outputs: readonly OutputFile[],
  summary: readonly string[],
  join = ', ',
): ExitCode {
  for (const w of warnings) io.stderr(`${formatIssue(w)}\n`);
  const written = writeOutputsAtomically(io, outputs);
  if (!written.ok) {
    for (const e of written.errors) io.stderr(`error: ${e.message}\n`);
    return EXIT.invalidInput;
  }
  const lines = [...summary, warningsLine(warnings), `Wrote ${outputs.map((o) => o.file).join(join)}`];
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/** The summary's last-but-one line, e.g. `Warnings: 1,021 (listed on stderr; 960 of one kind summarised)`. */
function warningsLine(warnings: readonly Issue[]): string {
  if (warnings.length === 0) return 'Warnings: none';
  const total = issueCount(warnings);
  const omitted = warnings.filter((w) => w.omitted !== undefined);
  const note = omitted.length
    ? `; ${formatCount(total - (warnings.length - omitted.length))} not listed, summarised by kind`
    : '';
  return `Warnings: ${formatCount(total)} (listed on stderr${note})`;
}
