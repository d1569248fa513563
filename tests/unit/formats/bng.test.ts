// British National Grid read everywhere: a GeoJSON crs member, easting/northing columns, --crs for
// files that state nothing; each gives the same result as the WGS84 original.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';
import { wgs84ToBng } from '../../../src/core/io/crs';
import { sharedData } from '../io/helpers';
import { bngGeoJson } from './bng';
import { practiceRows } from './nhs-files';

let dir: string;
const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: dir };
  return { io, out, err, text: () => out.join(''), errors: () => err.join('') };
};
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
const practices = sharedData('gm_practices_2022-01.csv');
const boroughs = sharedData('gm_local_authorities_2023_bgc.geojson');

/**
 * Overlap reports agree: every network has the same home and split flag, and the same shares
 * within 1e-4; a pair in only one report is a reprojection sliver (share below 1e-4).
 */
function expectSameReport(a: string, b: string) {
  const rows = (s: string) => {
    const [, ...lines] = s.trim().split('\n');
    return new Map(
      lines.map((l) => {
        const c = l.split(',');
        const n = c.length;
        return [
          `${c[0]}|${c[n - 6]}`,
          { area: Number(c[n - 4]), population: Number(c[n - 3]), home: c[n - 2], split: c[n - 1] },
        ];
      }),
    );
  };
  const ra = rows(a);
  const rb = rows(b);
  for (const key of new Set([...ra.keys(), ...rb.keys()])) {
    const x = ra.get(key);
    const y = rb.get(key);
    if (!x || !y) {
      expect((x ?? y)!.population, key).toBeLessThan(1e-4);
      continue;
    }
    expect(y.home, key).toBe(x.home);
    expect(y.split, key).toBe(x.split);
    expect(Math.abs(y.population - x.population), key).toBeLessThan(1e-4);
    expect(Math.abs(y.area - x.area), key).toBeLessThan(1e-4);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pcn-bng-'));
  writeFileSync(path.join(dir, 'boroughs-bng.geojson'), bngGeoJson('gm_local_authorities_2023_bgc.geojson'));
  writeFileSync(path.join(dir, 'boroughs-metres.geojson'), bngGeoJson('gm_local_authorities_2023_bgc.geojson', true));
  writeFileSync(path.join(dir, 'gm-bng.geojson'), bngGeoJson('gm_combined_authority_2023_bgc.geojson'));
  const c = capture();
  expect(
    await run(
      [
        'footprints',
        '--practices',
        practices,
        '--boundary',
        sharedData('gm_combined_authority_2023_bgc.geojson'),
        '--network-field',
        'pcn_code',
        '--out',
        'networks.geojson',
      ],
      c.io,
    ),
  ).toBe(0);
});

describe('British National Grid inputs', () => {
  it('align: the GM boroughs in BNG (ONS crs member) give the same report as the WGS84 GeoJSON, with a notice', async () => {
    const wgs = capture();
    expect(
      await run(
        [
          'align',
          '--networks',
          'networks.geojson',
          '--services',
          boroughs,
          '--practices',
          practices,
          '--out',
          'a1.geojson',
          '--report',
          'r1.csv',
        ],
        wgs.io,
      ),
    ).toBe(0);
    const bng = capture();
    expect(
      await run(
        [
          'align',
          '--networks',
          'networks.geojson',
          '--services',
          'boroughs-bng.geojson',
          '--practices',
          practices,
          '--out',
          'a2.geojson',
          '--report',
          'r2.csv',
        ],
        bng.io,
      ),
    ).toBe(0);
    expect(bng.errors()).toMatch(
      /warning: boroughs-bng\.geojson: coordinates are British National Grid \(EPSG:27700, as its crs member states\); reprojected \d+ positions to WGS84/,
    );
    expectSameReport(read('r1.csv'), read('r2.csv'));
    expect(bng.text().split('\n').slice(1, 4)).toEqual(wgs.text().split('\n').slice(1, 4));
  });

  it('metres with no CRS stated are refused with advice; --crs EPSG:27700 reads them', async () => {
    const refused = capture();
    expect(
      await run(
        [
          'align',
          '--networks',
          'networks.geojson',
          '--services',
          'boroughs-metres.geojson',
          '--out',
          'a.geojson',
          '--report',
          'r.csv',
        ],
        refused.io,
      ),
    ).toBe(1);
    expect(refused.errors()).toMatch(
      /boroughs-metres\.geojson feature 0: coordinates \d+(\.\d+)?, \d+(\.\d+)? look like British National Grid \(EPSG:27700\) metres but the file does not say so; if they are, say so \(--crs EPSG:27700/,
    );
    const told = capture();
    expect(
      await run(
        [
          'align',
          '--networks',
          'networks.geojson',
          '--services',
          'boroughs-metres.geojson',
          '--crs',
          'EPSG:27700',
          '--out',
          'a.geojson',
          '--report',
          'r.csv',
        ],
        told.io,
      ),
    ).toBe(0);
    expect(told.errors()).toMatch(
      /boroughs-metres\.geojson: coordinates are British National Grid \(EPSG:27700\) metres, as the user stated/,
    );
    const usage = capture();
    expect(
      await run(
        [
          'align',
          '--networks',
          'networks.geojson',
          '--services',
          boroughs,
          '--crs',
          'EPSG:3857',
          '--out',
          'a.geojson',
          '--report',
          'r.csv',
        ],
        usage.io,
      ),
    ).toBe(2);
  });

  it('footprints: a BNG boundary and practices with ONSPD oseast1m/osnrth1m columns give the same networks', async () => {
    const rows = practiceRows();
    const header = 'practice_code,practice_name,registered_patients,pcn_code,pcn_name,oseast1m,osnrth1m';
    const lines = rows.map((r) => {
      const [e, n] = wgs84ToBng(Number(r.longitude), Number(r.latitude));
      return [r.practice_code, `"${r.practice_name}"`, r.registered_patients, r.pcn_code, `"${r.pcn_name}"`, e, n].join(
        ',',
      );
    });
    writeFileSync(path.join(dir, 'practices-grid.csv'), `${[header, ...lines].join('\r\n')}\r\n`);
    const grid = capture();
    expect(
      await run(
        [
          'footprints',
          '--practices',
          'practices-grid.csv',
          '--boundary',
          'gm-bng.geojson',
          '--network-field',
          'pcn_code',
          '--out',
          'grid.geojson',
        ],
        grid.io,
      ),
    ).toBe(0);
    expect(grid.errors()).toMatch(
      /practices-grid\.csv: columns oseast1m and osnrth1m are British National Grid \(EPSG:27700\) eastings and northings; reprojected 426 points/,
    );
    const a = JSON.parse(read('networks.geojson')) as {
      features: { id: string; properties: Record<string, number> }[];
    };
    const b = JSON.parse(read('grid.geojson')) as typeof a;
    expect(b.features.map((f) => f.id)).toEqual(a.features.map((f) => f.id));
    b.features.forEach((f, i) => {
      expect(f.properties.population).toBe(a.features[i].properties.population);
      expect(f.properties.parts).toBe(a.features[i].properties.parts);
      expect(Math.abs(f.properties.area_km2 - a.features[i].properties.area_km2)).toBeLessThan(0.01);
    });
  });

  it('cluster --within: boroughs in BNG are reprojected (same plan as WGS84); unlabelled metres are refused, or read with --crs', async () => {
    const args = (within: string, out: string, extra: string[] = []) => [
      'cluster',
      '--practices',
      practices,
      '--boundary',
      sharedData('gm_combined_authority_2023_bgc.geojson'),
      '--within',
      within,
      '--within-field',
      'lad23nm',
      '--out',
      out,
      ...extra,
    ];
    const wgs = capture();
    expect(await run(args(boroughs, 'c1.geojson'), wgs.io)).toBe(0);
    const bng = capture();
    expect(await run(args('boroughs-bng.geojson', 'c2.geojson'), bng.io)).toBe(0);
    const ids = (f: string) =>
      (JSON.parse(read(f)) as { features: { properties: { practice_codes: string } }[] }).features.map(
        (x) => x.properties.practice_codes,
      );
    expect(ids('c2.geojson')).toEqual(ids('c1.geojson'));
    const refused = capture();
    expect(await run(args('boroughs-metres.geojson', 'c3.geojson'), refused.io)).toBe(1);
    expect(refused.errors()).toMatch(
      /boroughs-metres\.geojson feature 0: coordinates .* look like British National Grid \(EPSG:27700\) metres but the file does not say so/,
    );
    const told = capture();
    expect(await run(args('boroughs-metres.geojson', 'c4.geojson', ['--crs', 'EPSG:27700']), told.io)).toBe(0);
    expect(ids('c4.geojson')).toEqual(ids('c1.geojson'));
  });

  it('a crs member naming another projected system is refused naming it', async () => {
    writeFileSync(
      path.join(dir, 'mercator.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } },
        features: [],
      }),
    );
    const r = capture();
    expect(
      await run(
        [
          'footprints',
          '--practices',
          practices,
          '--boundary',
          'mercator.geojson',
          '--network-field',
          'pcn_code',
          '--out',
          'x.geojson',
        ],
        r.io,
      ),
    ).toBe(1);
    expect(r.errors()).toContain(
      'mercator.geojson: states the coordinate reference system "urn:ogc:def:crs:EPSG::3857"; expected WGS84 longitude/latitude (EPSG:4326) or British National Grid (EPSG:27700)',
    );
  });
});
