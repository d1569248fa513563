import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatCount, readInputFile, writeOutputsAtomically, type CliIO } from '../../../src/cli/io';

let dir: string;
let io: CliIO;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pcn-cli-io-'));
  io = { stdout: () => {}, stderr: () => {}, cwd: dir };
});

describe('readInputFile', () => {
  it('reads relative to cwd and reports the base name', () => {
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'a.csv'), 'x');
    const r = readInputFile(io, 'sub/a.csv', '--practices');
    expect(r).toMatchObject({ ok: true, value: { text: 'x', fileName: 'a.csv' } });
  });

  it('names the option and file when it cannot read', () => {
    expect(readInputFile(io, 'missing.csv', '--practices')).toEqual({
      ok: false,
      errors: [
        { severity: 'error', code: 'unreadable', message: '--practices missing.csv: no such file or directory' },
      ],
      warnings: [],
    });
    mkdirSync(path.join(dir, 'd'));
    expect(readInputFile(io, 'd', '--boundary')).toEqual({
      ok: false,
      errors: [{ severity: 'error', code: 'unreadable', message: '--boundary d: is a directory, expected a file' }],
      warnings: [],
    });
  });

  it('refuses a file over the size cap before reading it', () => {
    writeFileSync(path.join(dir, 'big.csv'), 'x'.repeat(2048));
    const r = readInputFile(io, 'big.csv', '--practices', 1024);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]!.message).toMatch(
      /^--practices big\.csv: is 2,048 bytes, larger than the 1,024 bytes limit$/,
    );
  });
});

describe('writeOutputsAtomically', () => {
  it('writes every file and leaves no temporary behind', () => {
    const r = writeOutputsAtomically(io, [
      { file: 'a.geojson', text: 'A' },
      { file: 'b.csv', text: 'B' },
    ]);
    expect(r).toEqual({ ok: true, value: null, warnings: [] });
    expect(readdirSync(dir).sort()).toEqual(['a.geojson', 'b.csv']);
    expect(readFileSync(path.join(dir, 'a.geojson'), 'utf8')).toBe('A');
  });

  it('writes nothing when the second output fails, and keeps an older first output intact', () => {
    writeFileSync(path.join(dir, 'a.geojson'), 'old');
    const r = writeOutputsAtomically(io, [
      { file: 'a.geojson', text: 'new' },
      { file: 'no-such-dir/b.csv', text: 'B' },
    ]);
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          severity: 'error',
          code: 'unwritable',
          message: 'cannot write no-such-dir/b.csv: no such file or directory; no output written',
        },
      ],
      warnings: [],
    });
    expect(readdirSync(dir)).toEqual(['a.geojson']);
    expect(readFileSync(path.join(dir, 'a.geojson'), 'utf8')).toBe('old');
  });

  it('refuses to replace a directory', () => {
    mkdirSync(path.join(dir, 'out.geojson'));
    const r = writeOutputsAtomically(io, [{ file: 'out.geojson', text: 'A' }]);
    expect(r.ok).toBe(false);
    expect(readdirSync(dir)).toEqual(['out.geojson']);
  });
});

it('formatCount groups thousands without a locale', () => {
  expect(formatCount(0)).toBe('0');
  expect(formatCount(999)).toBe('999');
  expect(formatCount(803785)).toBe('803,785');
  expect(formatCount(1234567.4)).toBe('1,234,567');
});
