// `pcn footprints --small-areas` end to end on Greater Manchester, in-process through run(argv, io).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';
import { dataPath } from './helpers';

const practices = dataPath('gm_practices_2022-01.geojson');
const lsoas = dataPath('gm_lsoa2011_bgc.geojson');
const registrations = dataPath('gm_practice_lsoa_2022-07.csv');
const boroughs = dataPath('gm_local_authorities_2023_bgc.geojson');
const base = ['footprints', '--practices', practices, '--network-field', 'pcn_code', '--small-areas', lsoas];

let dir: string;
let out: string[];
let err: string[];
let io: CliIO;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pcn-small-areas-'));
  out = [];
  err = [];
  io = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: dir };
});

interface NetworkFeature {
  id: string;
  geometry: unknown;
  properties: {
    small_area_count: number;
    resident_patients?: number;
    resident_share?: number | null;
    population: number;
  };
}

describe('pcn footprints --small-areas', () => {
  it('writes footprints with small-area properties, the small-areas CSV and the resident share', async () => {
    const code = await run(
      [...base, '--registrations', registrations, '--out', 'n.geojson', '--small-areas-out', 'sa.csv'],
      io,
    );
    expect(code).toBe(0);
    const text = out.join('');
    expect(text).toMatch(
      /^Small areas: 1,673 from gm_lsoa2011_bgc\.geojson \(code lsoa11cd\), study area their union$/m,
    );
    expect(text).toMatch(
      /^Registrations: 59,191 rows, 424 practices, 3,202,678 patients from gm_practice_lsoa_2022-07\.csv$/m,
    );
    expect(text).toMatch(/^Small areas by registrations: 1,673; by nearest practice: 0 /m);
    expect(text).toMatch(
      /^Patients living in their own network's footprint: \d\d\.\d% \([\d,]+ of 3,201,777 with a known LSOA\)$/m,
    );
    const e = err.join('');
    expect(e).toMatch(/warning: gm_practice_lsoa_2022-07\.csv: 953 LSOA codes are not in gm_lsoa2011_bgc\.geojson/);
    expect(e).toMatch(/901 patients have no LSOA \(NO2011\)/);
    expect(e).toMatch(/2 practices have no rows \(P88607, P88610\)/);
    const fc = JSON.parse(readFileSync(path.join(dir, 'n.geojson'), 'utf8')) as { features: NetworkFeature[] };
    expect(fc.features).toHaveLength(67);
    expect(fc.features.reduce((s, f) => s + f.properties.small_area_count, 0)).toBe(1673);
    for (const f of fc.features) {
      expect(f.properties.resident_patients).toBeGreaterThanOrEqual(0);
      if (f.properties.resident_share !== null) expect(f.properties.resident_share).toBeLessThanOrEqual(1);
    }
    const rows = readFileSync(path.join(dir, 'sa.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('small_area_code,network_id,method,network_patients,all_patients');
    expect(rows).toHaveLength(1674);
    const ids = new Set(fc.features.map((f) => f.id));
    for (const row of rows.slice(1)) {
      const [codeCell, network, method, mine, all] = row.split(',');
      expect(codeCell).toMatch(/^E01\d{6}$/);
      expect(ids.has(network)).toBe(true);
      expect(method).toBe('registrations');
      expect(Number(mine)).toBeLessThanOrEqual(Number(all));
    }
  });

  it("without registrations every small area goes to its nearest practice's network (from centroids when given)", async () => {
    const code = await run(
      [
        ...base,
        '--small-area-centroids',
        dataPath('england_lsoa2011_pwc.csv'),
        '--out',
        'n.geojson',
        '--small-areas-out',
        'sa.csv',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(out.join('')).toMatch(
      /by registrations: 0; by nearest practice: 1,673 \(from population-weighted centroids\)/,
    );
    expect(out.join('')).not.toMatch(/own network's footprint/);
    const fc = JSON.parse(readFileSync(path.join(dir, 'n.geojson'), 'utf8')) as { features: NetworkFeature[] };
    expect(fc.features.every((f) => f.properties.resident_patients === undefined)).toBe(true);
  });

  it('nests footprints in the boroughs with --within: align then shows no split network with a footprint', async () => {
    const code = await run(
      [
        ...base,
        '--registrations',
        registrations,
        '--within',
        boroughs,
        '--within-field',
        'lad23nm',
        '--out',
        'n.geojson',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/within 10 hard areas of gm_local_authorities_2023_bgc\.geojson/);
    out.length = 0;
    expect(
      await run(
        [
          'align',
          '--networks',
          'n.geojson',
          '--services',
          boroughs,
          '--service-field',
          'lad23nm',
          '--out',
          'a.geojson',
          '--report',
          'o.csv',
        ],
        io,
      ),
    ).toBe(0);
    const fc = JSON.parse(readFileSync(path.join(dir, 'n.geojson'), 'utf8')) as { features: NetworkFeature[] };
    const withFootprint = new Set(fc.features.filter((f) => f.geometry !== null).map((f) => f.id));
    const split = readFileSync(path.join(dir, 'o.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .filter((r) => r.endsWith(',yes'))
      .map((r) => r.split(',')[0]);
    expect(withFootprint.size).toBe(66);
    expect(split.filter((id) => withFootprint.has(id))).toEqual([]);
  });

  it('refuses duplicate codes and British National Grid layers, naming the feature; writes nothing', async () => {
    const square = (x: number, y: number, d: number) => ({
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + d, y],
          [x + d, y + d],
          [x, y + d],
          [x, y],
        ],
      ],
    });
    writeFileSync(
      path.join(dir, 'dup.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { lsoa11cd: 'E01000001' }, geometry: square(-2.3, 53.4, 0.01) },
          { type: 'Feature', properties: { lsoa11cd: 'E01000001' }, geometry: square(-2.29, 53.4, 0.01) },
        ],
      }),
    );
    writeFileSync(
      path.join(dir, 'bng.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { LSOA21CD: 'E01000002' }, geometry: square(380000, 390000, 1000) }],
      }),
    );
    expect(await run([...base.slice(0, -1), 'dup.geojson', '--out', 'n.geojson'], io)).toBe(1);
    expect(err.join('')).toMatch(/error: dup\.geojson feature 1: lsoa11cd "E01000001" repeats feature 0/);
    expect(await run([...base.slice(0, -1), 'bng.geojson', '--out', 'n.geojson'], io)).toBe(1);
    expect(err.join('')).toMatch(
      /error: bng\.geojson feature 0: coordinates 380000, 390000 look like British National Grid/,
    );
    expect(existsSync(path.join(dir, 'n.geojson'))).toBe(false);
  });

  it('refuses a registrations file without the expected columns or with a bad count, naming the line', async () => {
    writeFileSync(path.join(dir, 'cols.csv'), 'ORG,AREA,N\nP82001,E01004766,3\n');
    writeFileSync(
      path.join(dir, 'bad.csv'),
      'PRACTICE_CODE,LSOA_CODE,NUMBER_OF_PATIENTS\nP82001,E01004766,3\nP82001,E01004767,-2\n',
    );
    expect(await run([...base, '--registrations', 'cols.csv', '--out', 'n.geojson'], io)).toBe(1);
    expect(err.join('')).toMatch(
      /error: cols\.csv line 1: has no PRACTICE_CODE, LSOA_CODE, NUMBER_OF_PATIENTS column \(columns found: ORG, AREA, N\)/,
    );
    expect(await run([...base, '--registrations', 'bad.csv', '--out', 'n.geojson'], io)).toBe(1);
    expect(err.join('')).toMatch(/error: bad\.csv line 3 \(P82001\): "-2" is not a whole number >= 0/);
    expect(existsSync(path.join(dir, 'n.geojson'))).toBe(false);
  });

  it('says which options need --small-areas', async () => {
    expect(
      await run(
        [
          'footprints',
          '--practices',
          practices,
          '--network-field',
          'pcn_code',
          '--registrations',
          registrations,
          '--out',
          'n.geojson',
        ],
        io,
      ),
    ).toBe(2);
    expect(err.join('')).toMatch(/--registrations needs --small-areas FILE/);
  });
});
