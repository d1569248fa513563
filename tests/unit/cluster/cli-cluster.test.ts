// `pcn cluster` end to end on the synthetic demo region, in-process through run(argv, io).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const practices = path.join(repo, 'data/demo-practices.geojson');
const boundary = path.join(repo, 'data/demo-boundary.geojson');

let dir: string;
let out: string[];
let err: string[];
let io: CliIO;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pcn-cluster-'));
  out = [];
  err = [];
  io = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: dir };
});

describe('pcn cluster', () => {
  it('clusters the demo region from scratch and prints the figures', async () => {
    const code = await run(
      ['cluster', '--practices', practices, '--boundary', boundary, '--out', 'n.geojson', '--assignment-out', 'a.csv'],
      io,
    );
    expect(err.join('')).not.toMatch(/^error/m);
    expect(code).toBe(0);
    const text = out.join('');
    expect(text).toMatch(/Networks: \d+; in band 30,000-50,000: \d+ \(\d+\.\d%\); contiguous: \d+ \(100\.0%\)/);
    expect(text).toMatch(/Polsby-Popper: mean 0\.\d{3}, min 0\.\d{3}/);
    const fc = JSON.parse(readFileSync(path.join(dir, 'n.geojson'), 'utf8')) as {
      features: { properties: { parts: number } }[];
    };
    expect(fc.features.length).toBeGreaterThan(0);
    for (const f of fc.features) expect(f.properties.parts).toBe(1);
    expect(readFileSync(path.join(dir, 'a.csv'), 'utf8').split('\n')[0]).toBe(
      'practice_code,practice_name,population,network_id,network_name',
    );
  });

  it('repairs the demo plan and writes every move', async () => {
    const code = await run(
      [
        'cluster',
        '--practices',
        practices,
        '--boundary',
        boundary,
        '--network-field',
        'pcn_code',
        '--repair',
        '--out',
        'n.geojson',
        '--moves-out',
        'm.csv',
      ],
      io,
    );
    expect(code).toBe(0);
    const moves = readFileSync(path.join(dir, 'm.csv'), 'utf8').trim().split('\n');
    expect(moves[0]).toBe('practice_code,practice_name,population,from_network_id,to_network_id');
    const reported = Number(
      /Practices moved: (\d+); newly assigned: (\d+)/
        .exec(out.join(''))
        ?.slice(1, 3)
        .reduce((s, x) => s + Number(x), 0),
    );
    expect(moves.length - 1).toBe(reported);
    expect(out.join('')).toMatch(/; moves undone as not needed: \d+/);
  });

  it('is deterministic for a seed', async () => {
    await run(['cluster', '--practices', practices, '--boundary', boundary, '--seed', '7', '--out', 'a.geojson'], io);
    await run(['cluster', '--practices', practices, '--boundary', boundary, '--seed', '7', '--out', 'b.geojson'], io);
    expect(readFileSync(path.join(dir, 'a.geojson'), 'utf8')).toBe(readFileSync(path.join(dir, 'b.geojson'), 'utf8'));
  });

  it('gives usage errors (exit 2) and input errors (exit 1) without writing anything', async () => {
    expect(
      await run(['cluster', '--practices', practices, '--out', 'n.geojson', '--min', '50000', '--max', '30000'], io),
    ).toBe(2);
    expect(err.join('')).toContain('--min 50000 is greater than --max 30000');
    expect(await run(['cluster', '--practices', practices, '--out', 'n.geojson', '--repair'], io)).toBe(2);
    expect(
      await run(
        ['cluster', '--practices', practices, '--out', 'n.geojson', '--network-field', 'pcn_code', '--lock', 'NOPE'],
        io,
      ),
    ).toBe(1);
    expect(err.join('')).toContain('cannot lock unknown network id "NOPE"');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is listed in --help', async () => {
    await run(['--help'], io);
    expect(out.join('')).toMatch(/cluster\s+Propose contiguous networks/);
    out = [];
    await run(['cluster', '--help'], io);
    expect(out.join('')).toContain('--within-field FIELD');
  });
});
