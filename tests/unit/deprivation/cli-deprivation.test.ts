// --deprivation on `pcn footprints` and `pcn compare`, end to end on Greater Manchester, plus the
// parser's errors, in-process through run(argv, io).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CliIO } from '../../../src/cli/io';
import { run } from '../../../src/cli/main';
import { parseDeprivation } from '../../../src/core/deprivation';
import { dataPath } from '../small-areas/helpers';

const practices = dataPath('gm_practices_2022-01.csv');
const boundary = dataPath('gm_combined_authority_2023_bgc.geojson');
const registrations = dataPath('gm_practice_lsoa_2022-07.csv');
const imd = dataPath('england_imd2019_lsoa2011.csv');

let dir: string;
let out: string[];
let err: string[];
let io: CliIO;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pcn-deprivation-'));
  out = [];
  err = [];
  io = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: dir };
});
const file = (f: string) => path.join(dir, f);

interface Props {
  core20_patients: number;
  core20_share: number | null;
  imd_score_mean: number | null;
  imd_deciles: string;
  no_imd_patients: number;
  population: number;
}

describe('pcn footprints --deprivation', () => {
  it('writes Core20 and IMD figures per network and prints their spread', async () => {
    const code = await run(
      [
        'footprints',
        '--practices',
        practices,
        '--boundary',
        boundary,
        '--network-field',
        'pcn_code',
        '--registrations',
        registrations,
        '--deprivation',
        imd,
        '--out',
        'n.geojson',
      ],
      io,
    );
    expect(err.join('')).not.toMatch(/^error/m);
    expect(code).toBe(0);
    const text = out.join('');
    expect(text).toMatch(
      /^Deprivation \(england_imd2019_lsoa2011\.csv\): Core20 share by network min [\d.]+%, median [\d.]+%, max [\d.]+%; plan-wide [\d.]+% \([\d,]+ of [\d,]+ patients with an IMD value\)$/m,
    );
    expect(text).toMatch(/^Most Core20 patients: U\d+ \([\d,]+\), U\d+ \([\d,]+\), U\d+ \([\d,]+\)$/m);
    const fc = JSON.parse(readFileSync(file('n.geojson'), 'utf8')) as { features: { id: string; properties: Props }[] };
    expect(fc.features).toHaveLength(67);
    for (const f of fc.features) {
      const deciles = f.properties.imd_deciles.split(';').map(Number);
      expect(deciles).toHaveLength(10);
      expect(f.properties.core20_patients).toBe(deciles[0] + deciles[1]);
      const known = deciles.reduce((s, x) => s + x, 0);
      expect(f.properties.core20_share).toBeCloseTo((deciles[0] + deciles[1]) / known, 4);
      expect(f.properties.imd_score_mean).toBeGreaterThan(0);
    }
  });

  it('works with small-area footprints too, reading the registrations once', async () => {
    const code = await run(
      [
        'footprints',
        '--practices',
        practices,
        '--network-field',
        'pcn_code',
        '--small-areas',
        dataPath('gm_lsoa2011_bgc.geojson'),
        '--registrations',
        registrations,
        '--deprivation',
        imd,
        '--out',
        'n.geojson',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/^Deprivation \(england_imd2019_lsoa2011\.csv\)/m);
    const fc = JSON.parse(readFileSync(file('n.geojson'), 'utf8')) as {
      features: { properties: Props & { resident_share: number } }[];
    };
    expect(
      fc.features.every(
        (f) => typeof f.properties.core20_share === 'number' && typeof f.properties.resident_share === 'number',
      ),
    ).toBe(true);
  });

  it('needs --registrations (usage error, nothing written)', async () => {
    const code = await run(
      [
        'footprints',
        '--practices',
        practices,
        '--network-field',
        'pcn_code',
        '--deprivation',
        imd,
        '--out',
        'n.geojson',
      ],
      io,
    );
    expect(code).toBe(2);
    expect(err.join('')).toMatch(/--deprivation needs --registrations FILE/);
  });

  it('a broken deprivation file is an error naming the file, line and field; nothing is written', async () => {
    writeFileSync(file('imd.csv'), 'lsoa11cd,imd_decile\nE01000001,11\nE01000001,3\n');
    const code = await run(
      [
        'footprints',
        '--practices',
        practices,
        '--boundary',
        boundary,
        '--network-field',
        'pcn_code',
        '--registrations',
        registrations,
        '--deprivation',
        'imd.csv',
        '--out',
        'n.geojson',
      ],
      io,
    );
    expect(code).toBe(1);
    expect(err.join('')).toContain('error: imd.csv line 2: decile "11" of E01000001 is not a whole number 1-10\n');
    expect(err.join('')).toContain(
      'error: imd.csv line 3: small-area code E01000001 is also on line 2; each area must appear once\n',
    );
    expect(() => readFileSync(file('n.geojson'))).toThrow();
  });
});

describe('pcn compare --deprivation', () => {
  it('adds before/after population health columns and the change in Core20 share per network', async () => {
    writeFileSync(
      file('before.csv'),
      `practice_code,network_id\n${readFileSync(practices, 'utf8')
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((l) => `${l.split(',')[0]},${l.match(/,(U\d{5}),/)![1]}`)
        .join('\n')}\n`,
    );
    const moved = readFileSync(file('before.csv'), 'utf8').replace(/^(P84004),U\d{5}$/m, '$1,U14327');
    writeFileSync(file('after.csv'), moved);
    const code = await run(
      [
        'compare',
        '--practices',
        practices,
        '--boundary',
        boundary,
        '--before',
        'before.csv',
        '--after',
        'after.csv',
        '--registrations',
        registrations,
        '--deprivation',
        imd,
        '--out',
        'changes.csv',
        '--summary-out',
        'networks.csv',
      ],
      io,
    );
    expect(err.join('')).not.toMatch(/^error/m);
    expect(code).toBe(0);
    const header = readFileSync(file('networks.csv'), 'utf8').split(/\r?\n/)[0];
    expect(header).toMatch(
      /,core20_patients_before,core20_patients_after,core20_share_before,core20_share_after,imd_score_mean_before,imd_score_mean_after$/,
    );
    expect(out.join('')).toMatch(/^Core20 share by network: before min .*; after min .*$/m);
    expect(out.join('')).toMatch(/^Core20 share changed in [12] networks; most: U\d+ [+-][\d.]+ points/m);
  });
});

describe('parseDeprivation', () => {
  it('finds the published column names', () => {
    const text =
      '"LSOA code (2011)","LSOA name (2011)","Index of Multiple Deprivation (IMD) Score","Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)"\nE01000001,City of London 001A,6.208,9\n';
    const r = parseDeprivation(text, 'File_7.csv');
    expect(r.ok && r.value.decile.get('E01000001')).toBe(9);
    expect(r.ok && r.value.score.get('E01000001')).toBe(6.208);
  });

  it('says which columns it needs and which it found', () => {
    const r = parseDeprivation('code,deprivation\nE01000001,3\n', 'imd.csv');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0].message).toBe(
      'imd.csv: no deprivation column (expected imd_decile or imd_score, or the published "Index of Multiple Deprivation (IMD) Decile/Score"); columns are: code, deprivation',
    );
  });
});
