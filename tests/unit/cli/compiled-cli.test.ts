// The command line as users run it: scripts/build-cli.mjs compiles src/cli to one JavaScript file
// (what `prepare` puts in dist-cli/ on install), and these tests run that file in a new node process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let pcn: string;
let dir: string;

const runPcn = (args: string[]) => spawnSync(process.execPath, [pcn, ...args], { cwd: dir, encoding: 'utf8' });

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pcn-compiled-'));
  const built = spawnSync(process.execPath, [path.join(repo, 'scripts/build-cli.mjs'), path.join(dir, 'dist-cli')], {
    encoding: 'utf8',
  });
  expect(built.stderr).toBe('');
  expect(built.status).toBe(0);
  pcn = path.join(dir, 'dist-cli/pcn.js');
});

describe('compiled pcn', () => {
  it('is one executable JavaScript file that starts with a node shebang', () => {
    expect(readFileSync(pcn, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(pcn).mode & 0o111).not.toBe(0);
  });

  it('lists every command on --help', () => {
    const r = runPcn(['--help']);
    expect(r.status).toBe(0);
    for (const name of ['footprints', 'cluster', 'align']) expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('writes the demo footprints and prints the summary', () => {
    const r = runPcn([
      'footprints',
      '--practices',
      path.join(repo, 'data/demo-practices.geojson'),
      '--boundary',
      path.join(repo, 'data/demo-boundary.geojson'),
      '--network-field',
      'pcn_code',
      '--out',
      'n.geojson',
      '--assignment-out',
      'a.csv',
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Networks: 12; in band 30,000-50,000: \d+/m);
    const fc = JSON.parse(readFileSync(path.join(dir, 'n.geojson'), 'utf8')) as { features: unknown[] };
    expect(fc.features).toHaveLength(12);
    expect(readFileSync(path.join(dir, 'a.csv'), 'utf8').split('\n')[0]).toBe(
      'practice_code,practice_name,population,network_id,network_name',
    );
  });

  it('exits 2 with a hint on an unknown command and 1 on a missing input file', () => {
    const unknown = runPcn(['footprint']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "footprint" \(did you mean footprints\?\)/);
    const missing = runPcn([
      'footprints',
      '--practices',
      'nowhere.csv',
      '--network-field',
      'pcn_code',
      '--out',
      'x.geojson',
    ]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nowhere\.csv/);
  });
});
