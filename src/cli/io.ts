// Files and terminal for every command: capped reads, all-or-nothing writes, and the
// writers `run()` is given so tests can capture output without spawning a process.
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatIssue } from '../core/io';
import type { Issue } from '../core/model';

/** Where a command's output goes; `run()` takes one so tests can capture it. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Relative paths are resolved against this (default: the process's working directory). */
  readonly cwd?: string;
}

/** 0 success; 1 invalid input or an output that could not be written; 2 usage error; 3 a bug. */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2, internal: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Inputs larger than this are refused before reading (the io parsers cap at 200 MB too). */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

export type ReadOutcome =
  | { readonly ok: true; readonly text: string; readonly fileName: string; readonly path: string }
  | { readonly ok: false; readonly message: string };

export const resolvePath = (io: CliIO, file: string) => path.resolve(io.cwd ?? process.cwd(), file);

/**
 * Reads a UTF-8 text file named on the command line. `label` says which option it came from,
 * so a failure reads `--practices prac.csv: no such file`. `fileName` is the base name, the
 * name the io layer puts at the start of each message.
 */
export function readInputFile(io: CliIO, file: string, label: string, maxBytes = MAX_INPUT_BYTES): ReadOutcome {
  const full = resolvePath(io, file);
  const fail = (why: string): ReadOutcome => ({ ok: false, message: `${label} ${file}: ${why}` });
  let size: number;
  try {
    const st = statSync(full);
    if (st.isDirectory()) return fail('is a directory, expected a file');
    size = st.size;
  } catch (e) {
    return fail(describeFsError(e));
  }
  if (size > maxBytes) return fail(`is ${formatMegabytes(size)}, larger than the ${formatMegabytes(maxBytes)} limit`);
  try {
    return { ok: true, text: readFileSync(full, 'utf8'), fileName: path.basename(full), path: full };
  } catch (e) {
    return fail(describeFsError(e));
  }
}

export type BytesOutcome =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly fileName: string; readonly path: string }
  | { readonly ok: false; readonly message: string };

/** readInputFile's checks, returning the raw bytes (decoded by core's prepareInput: encodings, zips). */
export function readInputBytes(io: CliIO, file: string, label: string, maxBytes = MAX_INPUT_BYTES): BytesOutcome {
  const full = resolvePath(io, file);
  const fail = (why: string): BytesOutcome => ({ ok: false, message: `${label} ${file}: ${why}` });
  try {
    const st = statSync(full);
    if (st.isDirectory()) return fail('is a directory, expected a file');
    if (st.size > maxBytes) return fail(`is ${formatMegabytes(st.size)}, larger than the ${formatMegabytes(maxBytes)} limit`);
    return { ok: true, bytes: readFileSync(full), fileName: path.basename(full), path: full };
  } catch (e) {
    return fail(describeFsError(e));
  }
}

export interface OutputFile {
  /** As given on the command line. */
  readonly file: string;
  readonly text: string;
}

export type WriteOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string };

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
        const bytes = Buffer.from(out.text, 'utf8');
        let offset = 0;
        while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      staged.push({ target, temp, file: out.file });
    } catch (e) {
      cleanup([...staged.map((s) => s.temp), temp]);
      return { ok: false, message: `cannot write ${out.file}: ${describeFsError(e)}; no output written` };
    }
  }
  const renamed: string[] = [];
  for (const s of staged) {
    try {
      renameSync(s.temp, s.target);
      renamed.push(s.target);
    } catch (e) {
      cleanup([...staged.map((t) => t.temp), ...renamed]);
      return { ok: false, message: `cannot write ${s.file}: ${describeFsError(e)}; no output written` };
    }
  }
  return { ok: true };
}

function existsAsDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The short reason from a Node fs error ("no such file", "permission denied"), else its message. */
export function describeFsError(e: unknown): string {
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
export const formatCount = (n: number) => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * Invalid input: prints the warnings, the unreadable files and the io layer's errors, one per
 * line (`error: file where (code): text`), then a closing count, and returns exit code 1.
 */
export function failInput(io: CliIO, errors: readonly Issue[], warnings: readonly Issue[], readFailures: readonly string[] = []): ExitCode {
  for (const w of warnings) io.stderr(`${formatIssue(w)}\n`);
  for (const f of readFailures) io.stderr(`error: ${f}\n`);
  for (const e of errors) io.stderr(`${formatIssue(e)}\n`);
  io.stderr(`${plural(errors.length + readFailures.length, 'error')} in the input; no output written.\n`);
  return EXIT.invalidInput;
}
