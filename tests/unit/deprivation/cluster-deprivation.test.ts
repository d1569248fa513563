// Core20 on auto-cluster, Greater Manchester (real data): the spread reported beside compactness,
// the optional balance term (lower spread, every network still in band and contiguous), the
// unchanged plan when it is off, and `pcn cluster --registrations --deprivation` end to end.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CliIO } from '../../../src/cli/io';
import { run } from '../../../src/cli/main';
import { clusterPlan, type ClusterOptions } from '../../../src/core/cluster';
import {
  deprivationByNetwork,
  parseDeprivation,
  practiceCore20,
  practiceDeprivation,
} from '../../../src/core/deprivation';
import { buildTessellation } from '../../../src/core/geometry';
import { parseBoundary, parsePractices } from '../../../src/core/io';
import { DEFAULT_BAND, type Assignment, type Network } from '../../../src/core/model';
import { readRegistrations } from '../../../src/core/small-areas';
import { piecesPerNetwork, populations } from '../cluster/checks';
import { dataPath } from '../small-areas/helpers';

const practicesFile = dataPath('gm_practices_2022-01.csv');
const boundaryFile = dataPath('gm_combined_authority_2023_bgc.geojson');
const registrationsFile = dataPath('gm_practice_lsoa_2022-07.csv');
const imdFile = dataPath('england_imd2019_lsoa2011.csv');
const read = (f: string) => readFileSync(f, 'utf8');

function loadGm() {
  const table = parsePractices(read(practicesFile), 'gm_practices_2022-01.csv');
  const boundary = parseBoundary(read(boundaryFile), 'gm.geojson');
  const reg = readRegistrations(read(registrationsFile), 'reg.csv');
  const imd = parseDeprivation(read(imdFile), 'imd.csv');
  if (!table.ok || !boundary.ok || !reg.ok || !imd.ok) throw new Error('real data did not parse');
  const practices = table.value.practices;
  const profile = practiceDeprivation(reg.value, imd.value);
  return {
    practices,
    profile,
    tessellation: buildTessellation(practices, boundary.value),
    ...practiceCore20(
      profile,
      practices.map((p) => p.code),
    ),
  };
}

/** Standard deviation of the networks' Core20 shares, from the deprivation module (not the cluster report). */
function shareSpread(gm: ReturnType<typeof loadGm>, networks: readonly Network[], assignment: Assignment) {
  const figures = deprivationByNetwork(gm.profile, {
    practices: gm.practices,
    networks,
    assignment,
    band: DEFAULT_BAND,
  });
  const shares = [...figures.values()].flatMap((f) => (f.core20Share === null ? [] : [f.core20Share]));
  const mean = shares.reduce((s, x) => s + x, 0) / shares.length;
  return {
    min: Math.min(...shares),
    max: Math.max(...shares),
    sd: Math.sqrt(shares.reduce((s, x) => s + (x - mean) ** 2, 0) / shares.length),
  };
}

describe('auto-cluster with Core20 figures on Greater Manchester', () => {
  const gm = loadGm();
  const base: ClusterOptions = { practices: gm.practices, tessellation: gm.tessellation, band: DEFAULT_BAND, seed: 1 };
  const cluster = (opts: ClusterOptions) => {
    const res = clusterPlan(opts);
    if (!res.ok) throw new Error(res.errors.map((e) => e.message).join('; '));
    return res.value;
  };
  const off = cluster(base);
  const reported = cluster({ ...base, deprivation: { core20: gm.core20, imdPatients: gm.imdPatients } });
  const balanced = cluster({
    ...base,
    deprivation: { core20: gm.core20, imdPatients: gm.imdPatients, balanceWeight: 3 },
  });

  it('off (no weight): the same plan as without figures, and the spread reported beside compactness', () => {
    expect(off.report.core20).toBeUndefined();
    expect([...reported.assignment]).toEqual([...off.assignment]);
    expect(reported.networks).toEqual(off.networks);
    const s = shareSpread(gm, off.networks, off.assignment);
    const c = reported.report.core20!;
    expect(c.balanceWeight).toBe(0);
    expect(c.min).toBeCloseTo(s.min, 12);
    expect(c.max).toBeCloseTo(s.max, 12);
    expect(c.standardDeviation).toBeCloseTo(s.sd, 12);
    expect(c.areaShare).toBeCloseTo(1_333_382 / 3_201_777, 6);
  });

  it('on: the spread of Core20 shares goes down, every network still in band and in one piece', () => {
    const before = shareSpread(gm, off.networks, off.assignment);
    const after = shareSpread(gm, balanced.networks, balanced.assignment);
    expect(after.sd).toBeLessThan(before.sd - 0.01);
    expect(balanced.report.core20!.standardDeviation).toBeCloseTo(after.sd, 12);
    for (const result of [off, balanced]) {
      const pops = [...populations(gm.practices, result.assignment).values()];
      expect(pops.filter((p) => p < DEFAULT_BAND.min || p > DEFAULT_BAND.max)).toEqual([]);
      expect(
        [...piecesPerNetwork(gm.tessellation, gm.practices, result.assignment).values()].filter((n) => n !== 1),
      ).toEqual([]);
      expect(result.assignment.size).toBe(gm.practices.length);
    }
    expect(balanced.report.inBand).toBe(off.report.inBand);
    expect(balanced.report.meanPolsbyPopper).toBeLessThan(off.report.meanPolsbyPopper);
  });

  it('rejects figures for other practices and a negative weight', () => {
    const res = clusterPlan({ ...base, deprivation: { core20: [1, 2], imdPatients: [3, 4], balanceWeight: -1 } });
    expect(res.ok).toBe(false);
    const messages = res.ok ? [] : res.errors.map((e) => e.message);
    expect(messages).toContain(`deprivation figures are given for 2 and 2 practices, not these ${gm.practices.length}`);
    expect(messages).toContain('deprivation balance weight must be a number >= 0, got -1');
  });
});

describe('pcn cluster --registrations --deprivation', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  let io: CliIO;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pcn-cluster-deprivation-'));
    out = [];
    err = [];
    io = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: dir };
  });
  const args = ['cluster', '--practices', practicesFile, '--boundary', boundaryFile, '--out', 'n.geojson'];
  const withDeprivation = [...args, '--registrations', registrationsFile, '--deprivation', imdFile];

  it('writes the footprints properties per network and prints the Core20 spread beside compactness', async () => {
    const code = await run([...withDeprivation, '--balance-deprivation', '3'], io);
    expect(err.join('')).not.toMatch(/^error/m);
    expect(code).toBe(0);
    const text = out.join('');
    expect(text).toMatch(
      /^Polsby-Popper: mean [\d.]+, min [\d.]+\nCore20 share: min [\d.]+%, median [\d.]+%, max [\d.]+%, standard deviation [\d.]+ points \(area 41\.6%; balanced with weight 3\)$/m,
    );
    expect(text).toMatch(/^Deprivation \(england_imd2019_lsoa2011\.csv\): Core20 share by network/m);
    const fc = JSON.parse(readFileSync(path.join(dir, 'n.geojson'), 'utf8')) as {
      features: { properties: { core20_patients: number; core20_share: number; imd_deciles: string } }[];
    };
    expect(fc.features.length).toBeGreaterThan(60);
    for (const f of fc.features) {
      const deciles = f.properties.imd_deciles.split(';').map(Number);
      expect(f.properties.core20_patients).toBe(deciles[0] + deciles[1]);
      expect(typeof f.properties.core20_share).toBe('number');
    }
  });

  it('without a weight, the networks are those of a run without the files', async () => {
    expect(await run(withDeprivation, io)).toBe(0);
    expect(out.join('')).toMatch(/; not balanced\)$/m);
    const withFigures = JSON.parse(readFileSync(path.join(dir, 'n.geojson'), 'utf8')) as {
      features: { id: string; geometry: unknown; properties: { population: number } }[];
    };
    out.length = 0;
    expect(await run(args, io)).toBe(0);
    const plain = JSON.parse(readFileSync(path.join(dir, 'n.geojson'), 'utf8')) as typeof withFigures;
    expect(withFigures.features.map((f) => [f.id, f.properties.population, f.geometry])).toEqual(
      plain.features.map((f) => [f.id, f.properties.population, f.geometry]),
    );
    expect(out.join('')).not.toMatch(/Core20/);
  });

  it.each([
    [['--registrations', registrationsFile], /--registrations needs --deprivation FILE/],
    [['--deprivation', imdFile], /--deprivation needs --registrations FILE/],
    [['--balance-deprivation', '1'], /--balance-deprivation needs --deprivation FILE/],
    [
      ['--registrations', registrationsFile, '--deprivation', imdFile, '--balance-deprivation', 'lots'],
      /--balance-deprivation must be a number >= 0, e.g. 1, got "lots"/,
    ],
    [
      ['--registrations', registrationsFile, '--deprivation', imdFile, '--balance-deprivation', '-1'],
      /--balance-deprivation must be a number >= 0/,
    ],
    [
      [
        '--registrations',
        registrationsFile,
        '--deprivation',
        imdFile,
        '--balance-deprivation',
        '1',
        '--network-field',
        'pcn_code',
        '--repair',
      ],
      /cannot be combined with --repair/,
    ],
  ])('usage error %#, nothing written', async (extra, message) => {
    const code = await run([...args, ...extra], io);
    expect(code).toBe(2);
    expect(err.join('')).toMatch(message);
    expect(() => readFileSync(path.join(dir, 'n.geojson'))).toThrow();
  });
});
