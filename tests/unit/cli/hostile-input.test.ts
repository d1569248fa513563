// Hostile and odd input, end to end through run(argv, io): each case exits with the right code,
// says what is wrong (file, line or feature, field) and never writes or replaces a file it should not.
import { spawn } from 'node:child_process';
import { existsSync, linkSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CliIO } from '../../../src/cli/io';
import { run } from '../../../src/cli/main';

let dir: string;
let out: string[];
let err: string[];
let io: CliIO;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pcn-hostile-'));
  out = [];
  err = [];
  io = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: dir };
});

const stderr = () => err.join('');
const write = (name: string, text: string) => writeFileSync(path.join(dir, name), text);

/** 12 practices around Manchester in 3 networks of 4, list sizes 9,000-10,100. */
function practicesCsv(extra: readonly string[] = []): string {
  const rows = Array.from({ length: 12 }, (_, i) => {
    const lon = (-2.3 + (i % 4) * 0.05).toFixed(4);
    const lat = (53.4 + Math.floor(i / 4) * 0.05).toFixed(4);
    return `P${String(i).padStart(3, '0')},Practice ${i},${lon},${lat},${9000 + i * 100},N${Math.floor(i / 4)}`;
  });
  return ['practice_code,practice_name,longitude,latitude,registered_patients,pcn_code', ...rows, ...extra].join('\n') + '\n';
}

describe('outputs never replace an input, whatever path names it (item 1)', () => {
  it('refuses --out through a symlink to the practices file, and leaves it intact', async () => {
    write('p.csv', practicesCsv());
    symlinkSync(path.join(dir, 'p.csv'), path.join(dir, 'link.csv'));
    const code = await run(['footprints', '--practices', 'link.csv', '--network-field', 'pcn_code', '--out', 'p.csv'], io);
    expect(code).toBe(2);
    expect(stderr()).toContain('--out and --practices name the same file (p.csv is link.csv)');
    expect(readFileSync(path.join(dir, 'p.csv'), 'utf8')).toBe(practicesCsv());
  });

  it('refuses a hard link, a path through .. and two outputs that are one file, in every command', async () => {
    write('p.csv', practicesCsv());
    linkSync(path.join(dir, 'p.csv'), path.join(dir, 'hard.csv'));
    expect(await run(['cluster', '--practices', 'p.csv', '--out', 'hard.csv'], io)).toBe(2);
    expect(stderr()).toContain('--out and --practices name the same file (hard.csv is p.csv)');
    symlinkSync(dir, path.join(dir, 'again'));
    expect(await run(['footprints', '--practices', 'p.csv', '--network-field', 'pcn_code', '--out', 'n.geojson', '--assignment-out', 'again/n.geojson'], io)).toBe(2);
    expect(stderr()).toContain('--out and --assignment-out name the same file (n.geojson is again/n.geojson)');
    write('n.geojson', '{}');
    expect(await run(['align', '--networks', 'again/n.geojson', '--services', 's.geojson', '--out', 'n.geojson', '--report', 'r.csv'], io)).toBe(2);
    expect(stderr()).toContain('--out and --networks name the same file');
    expect(readFileSync(path.join(dir, 'p.csv'), 'utf8')).toBe(practicesCsv());
    expect(readFileSync(path.join(dir, 'n.geojson'), 'utf8')).toBe('{}');
  });
});

describe('the size limit counts bytes read (item 11)', () => {
  it('stops at once on /dev/zero: binary, not read to the end', async () => {
    const code = await run(['footprints', '--practices', '/dev/zero', '--network-field', 'pcn_code', '--out', 'n.geojson'], io);
    expect(code).toBe(1);
    expect(stderr()).toContain('error: --practices /dev/zero: is not a text file (binary content');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an endless text stream once it passes the limit', async () => {
    const fifo = path.join(dir, 'endless.csv');
    const writer = spawn('sh', ['-c', `mkfifo '${fifo}' && exec yes 'P1,Practice,-2.2,53.5,9000,N1' > '${fifo}'`], { stdio: 'ignore' });
    try {
      await expect.poll(() => existsSync(fifo), { timeout: 10_000 }).toBe(true);
      const code = await run(['footprints', '--practices', 'endless.csv', '--network-field', 'pcn_code', '--out', 'n.geojson'], { ...io, maxInputBytes: 1_000_000 });
      expect(code).toBe(1);
      expect(stderr()).toContain('error: --practices endless.csv: is more than 1,000,000 bytes (stopped reading there), larger than the 1,000,000 bytes limit');
    } finally {
      writer.kill();
    }
    expect(existsSync(path.join(dir, 'n.geojson'))).toBe(false);
  });
});

describe('every error is counted (item 12)', () => {
  it('1,000 bad list sizes: 20 listed, the rest summarised, the true total in the closing line', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `P${i},Practice ${i},-2.2,53.5,many,N1`);
    write('p.csv', ['practice_code,practice_name,longitude,latitude,registered_patients,pcn_code', ...rows].join('\n'));
    const code = await run(['footprints', '--practices', 'p.csv', '--network-field', 'pcn_code', '--out', 'n.geojson'], io);
    expect(code).toBe(1);
    const lines = stderr().trim().split('\n');
    expect(lines.filter((l) => /list size "many" is not a whole number/.test(l))).toHaveLength(20);
    expect(lines).toContain('error: p.csv: …and 980 more list size errors');
    expect(lines.at(-1)).toBe('1,000 errors in the input (20 listed above); no output written.');
  });
});
