// `pcn align` end to end on Trafford, in-process through run(argv, io).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';
import { dataPath } from './helpers';

const practices = dataPath('trafford_practices_2026-01.csv');
const localities = dataPath('trafford_localities_2023.geojson');
let networks: string;
let dir: string;
let out: string[];
let err: string[];
let io: CliIO;

beforeAll(async () => {
  const setup = mkdtempSync(path.join(tmpdir(), 'pcn-align-setup-'));
  networks = path.join(setup, 'networks.geojson');
  const code = await run(
    [
      'footprints',
      '--practices',
      practices,
      '--boundary',
      localities,
      '--network-field',
      'pcn_code_2022_01',
      '--out',
      networks,
    ],
    { stdout: () => {}, stderr: () => {} },
  );
  expect(code).toBe(0);
});

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pcn-align-'));
  out = [];
  err = [];
  io = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: dir };
});

describe('pcn align', () => {
  it('with --practices apportions by cells and writes both files', async () => {
    const code = await run(
      [
        'align',
        '--networks',
        networks,
        '--services',
        localities,
        '--practices',
        practices,
        '--out',
        'a.geojson',
        '--report',
        'o.csv',
      ],
      io,
    );
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    const text = out.join('');
    expect(text).toMatch(/spread evenly over its Voronoi cell/);
    expect(text).toMatch(/split \(home share < 0\.95\): 2 \(U79881 72\.\d% in West, U83990 71\.\d% in Central\)/);
    const fc = JSON.parse(readFileSync(path.join(dir, 'a.geojson'), 'utf8'));
    expect(fc.features.map((f: { properties: { service_area: string } }) => f.properties.service_area).sort()).toEqual([
      'Central',
      'North',
      'South',
      'West',
    ]);
    expect(readFileSync(path.join(dir, 'o.csv'), 'utf8').split('\n')[0]).toBe(
      'network_id,network_name,service_area,overlap_area_km2,area_share,population_share,home_service_area,split',
    );
  });

  it('without --practices says the population is spread over footprints', async () => {
    const code = await run(
      [
        'align',
        '--networks',
        networks,
        '--services',
        localities,
        '--threshold',
        '0.5',
        '--out',
        'a.geojson',
        '--report',
        'o.csv',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/spread evenly over its whole footprint \(no --practices given/);
    expect(out.join('')).toMatch(/split \(home share < 0\.5\): 0/);
  });

  it('bad service areas: exit 1, every error on stderr, nothing written', async () => {
    writeFileSync(
      path.join(dir, 'bad.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { name: 'A' }, geometry: { type: 'Point', coordinates: [-2.3, 53.4] } },
          {
            type: 'Feature',
            properties: { name: 'A' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [380000, 390000],
                  [381000, 390000],
                  [381000, 391000],
                  [380000, 390000],
                ],
              ],
            },
          },
        ],
      }),
    );
    const code = await run(
      ['align', '--networks', networks, '--services', 'bad.geojson', '--out', 'a.geojson', '--report', 'o.csv'],
      io,
    );
    expect(code).toBe(1);
    const e = err.join('');
    expect(e).toMatch(/bad\.geojson feature 0: geometry is Point/);
    expect(e).toMatch(/bad\.geojson feature 1: coordinates 380000, 390000 look like British National Grid/);
    expect(e).toMatch(/bad\.geojson feature 1: area name "A" is also the name of feature 0/);
    expect(readdirSync(dir)).toEqual(['bad.geojson']);
  });

  it('usage errors: threshold, boundary without practices, same file twice', async () => {
    expect(
      await run(
        ['align', '--networks', networks, '--services', localities, '--threshold', '95', '--out', 'a', '--report', 'b'],
        io,
      ),
    ).toBe(2);
    expect(
      await run(
        [
          'align',
          '--networks',
          networks,
          '--services',
          localities,
          '--boundary',
          localities,
          '--out',
          'a',
          '--report',
          'b',
        ],
        io,
      ),
    ).toBe(2);
    expect(
      await run(['align', '--networks', networks, '--services', localities, '--out', 'a', '--report', 'a'], io),
    ).toBe(2);
    expect(err.join('')).toMatch(/--threshold must be a share/);
    expect(err.join('')).toMatch(/--boundary needs --practices/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--small-areas apportions by residents (synthetic counts on the real GM LSOA polygons, made here)', async () => {
    const lsoa = JSON.parse(readFileSync(dataPath('gm_lsoa2021_bgc.geojson'), 'utf8')) as {
      features: { properties: Record<string, unknown> }[];
    };
    lsoa.features.forEach((f, i) => (f.properties.residents = 1000 + (i % 7) * 100));
    writeFileSync(path.join(dir, 'lsoa.geojson'), JSON.stringify(lsoa));
    const code = await run(
      [
        'align',
        '--networks',
        networks,
        '--services',
        localities,
        '--practices',
        practices,
        '--small-areas',
        'lsoa.geojson',
        '--small-area-field',
        'residents',
        '--out',
        'a.geojson',
        '--report',
        'o.csv',
      ],
      io,
    );
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/small-area residents spread evenly/);
    const rows = readFileSync(path.join(dir, 'o.csv'), 'utf8').trim().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(5);
  });

  it('is listed in --help', async () => {
    await run(['--help'], io);
    expect(out.join('')).toMatch(/align\s+Compare community-service areas/);
  });
});
