// Output formats by extension (.geojson, .zip shapefile, .kml) and --out-crs: GDAL's ogrinfo reads
// every written file with the right CRS and feature count, and write -> read gives the same
// networks, populations and geometry within 1 m. GM boroughs as a British National Grid
// shapefile (written here, and by GDAL's ogr2ogr where installed) give the same align report.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';
import { parseNetworksGeoJSON } from '../../../src/core/io';
import { CRS } from '../../../src/core/io/crs';
import { prepareInput } from '../../../src/core/io/prepare-input';
import { encodeFeatures } from '../../../src/core/io/write-output';
import { zipStore } from '../../../src/core/io/zip-write';
import { sharedData } from '../io/helpers';

const hasOgr = spawnSync('ogrinfo', ['--version']).status === 0;
let dir: string;
const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: dir };
  return { io, text: () => out.join(''), errors: () => err.join('') };
};
const at = (name: string) => path.join(dir, name);
const practices = sharedData('gm_practices_2022-01.csv');
const gm = sharedData('gm_combined_authority_2023_bgc.geojson');
const boroughs = sharedData('gm_local_authorities_2023_bgc.geojson');

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pcn-writers-'));
  for (const [out, crs] of [
    ['n.geojson'],
    ['n.zip'],
    ['n.kml'],
    ['n-bng.zip', 'EPSG:27700'],
    ['n-bng.geojson', 'EPSG:27700'],
  ]) {
    const c = capture();
    const code = await run(
      [
        'footprints',
        '--practices',
        practices,
        '--boundary',
        gm,
        '--network-field',
        'pcn_code',
        '--out',
        out!,
        ...(crs ? ['--out-crs', crs] : []),
      ],
      c.io,
    );
    expect(c.errors()).not.toMatch(/^error/m);
    expect(code).toBe(0);
  }
}, 60_000);

async function readNetworks(name: string) {
  const prepared = await prepareInput(new Uint8Array(readFileSync(at(name))), name);
  if (!prepared.ok) throw new Error(prepared.errors.map((e) => e.message).join('\n'));
  const parsed = parseNetworksGeoJSON(prepared.value, name);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  return parsed.value;
}

/** Largest distance in metres between corresponding positions of two geometries (same rings, same order). */
function maxShiftMetres(a: unknown, b: unknown): number {
  const flat = (g: unknown): Position[] =>
    Array.isArray(g) && typeof g[0] === 'number' ? [g as Position] : Array.isArray(g) ? g.flatMap(flat) : [];
  const pa = flat((a as { coordinates: unknown }).coordinates);
  const pb = flat((b as { coordinates: unknown }).coordinates);
  expect(pb.length).toBe(pa.length);
  return Math.max(
    ...pa.map((p, i) =>
      Math.hypot((p[0] - pb[i][0]) * 111_320 * Math.cos((p[1] * Math.PI) / 180), (p[1] - pb[i][1]) * 110_574),
    ),
  );
}

describe('written files read back the same', () => {
  for (const name of ['n.zip', 'n-bng.zip', 'n-bng.geojson']) {
    it(`${name}: same networks, populations, members and geometry within 1 m`, async () => {
      const ref = await readNetworks('n.geojson');
      const back = await readNetworks(name);
      expect(back.networks.map((n) => [n.id, n.name, n.population, n.practiceCodes])).toEqual(
        ref.networks.map((n) => [n.id, n.name, n.population, n.practiceCodes]),
      );
      expect([...back.assignment]).toEqual([...ref.assignment]);
      back.networks.forEach((n, i) => expect(maxShiftMetres(n.geometry, ref.networks[i].geometry)).toBeLessThan(1));
    });
  }

  it('the shapefile zip maps long names and keeps long text whole in side CSVs', () => {
    const fc = {
      type: 'FeatureCollection' as const,
      features: [
        {
          type: 'Feature' as const,
          properties: {
            network_id: 'N1',
            practice_codes: Array.from({ length: 40 }, (_, i) => `P${10000 + i}`).join(';'),
            name_with_é: 'Clinique Médicale',
          },
          geometry: {
            type: 'Polygon' as const,
            coordinates: [
              [
                [-2, 53],
                [-1.9, 53],
                [-1.9, 53.1],
                [-2, 53],
              ],
            ],
          },
        },
      ],
    };
    const bytes = encodeFeatures(fc, 'long.zip');
    writeFileSync(at('long.zip'), bytes as Uint8Array);
    return prepareInput(new Uint8Array(readFileSync(at('long.zip'))), 'long.zip').then((r) => {
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(JSON.parse(r.value).features[0].properties).toEqual(fc.features[0].properties);
    });
  });
});

describe.skipIf(!hasOgr)('GDAL (ogrinfo) reads every written file', () => {
  // GDAL reads a zip of any name through /vsizip/ (plain .zip is only auto-detected as .shp.zip).
  const info = (name: string) =>
    execFileSync('ogrinfo', ['-ro', '-al', '-so', name.endsWith('.zip') ? `/vsizip/${at(name)}` : at(name)], {
      encoding: 'utf8',
    });
  it.each([
    ['n.geojson', /WGS 84|WGS_1984/],
    ['n.zip', /WGS 84|WGS_1984/],
    ['n.kml', /WGS 84|WGS_1984/],
    ['n-bng.zip', /British_National_Grid|OSGB/],
    ['n-bng.geojson', /British_National_Grid|OSGB/],
  ])('%s: 67 features, CRS %s', (name, crs) => {
    const text = info(name);
    expect(text).toMatch(/Feature Count: 67\b/);
    expect(text).toMatch(crs);
    if (name.endsWith('.zip')) expect(text).toMatch(/prac_count: (Integer|Real)/);
  });
});

describe('the GM boroughs as a British National Grid shapefile', () => {
  const report = async (services: string, out: string) => {
    const c = capture();
    const code = await run(
      [
        'footprints',
        '--practices',
        practices,
        '--boundary',
        gm,
        '--network-field',
        'pcn_code',
        '--out',
        'networks.geojson',
      ],
      capture().io,
    );
    expect(code).toBe(0);
    expect(
      await run(
        [
          'align',
          '--networks',
          'networks.geojson',
          '--services',
          services,
          '--practices',
          practices,
          '--out',
          `${out}.geojson`,
          '--report',
          `${out}.csv`,
        ],
        c.io,
      ),
    ).toBe(0);
    return {
      csv: readFileSync(at(`${out}.csv`), 'utf8'),
      summary: c.text().split('\n').slice(1, 4),
      errors: c.errors(),
    };
  };
  const rows = (csv: string) =>
    new Map(
      csv
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => {
          const c = l.split(',');
          return [
            `${c[0]}|${c[c.length - 6]}`,
            { population: Number(c[c.length - 3]), home: c[c.length - 2], split: c[c.length - 1] },
          ];
        }),
    );
  const expectSame = (a: string, b: string) => {
    const ra = rows(a);
    const rb = rows(b);
    for (const key of new Set([...ra.keys(), ...rb.keys()])) {
      const x = ra.get(key);
      const y = rb.get(key);
      if (!x || !y) expect((x ?? y)!.population, key).toBeLessThan(1e-4);
      else {
        expect([y.home, y.split], key).toEqual([x.home, x.split]);
        expect(Math.abs(y.population - x.population), key).toBeLessThan(1e-4);
      }
    }
  };

  it('written by the planner: same align report as the WGS84 GeoJSON', async () => {
    const fc = JSON.parse(readFileSync(boroughs, 'utf8'));
    writeFileSync(at('boroughs.zip'), encodeFeatures(fc, 'boroughs.zip', CRS.bng) as Uint8Array);
    const wgs = await report(boroughs, 'r-wgs');
    const shp = await report('boroughs.zip', 'r-shp');
    expect(shp.errors).toMatch(/boroughs\.zip: coordinates are British National Grid \(EPSG:27700/);
    expect(shp.summary).toEqual(wgs.summary);
    expectSame(wgs.csv, shp.csv);
  }, 60_000);

  it.skipIf(!hasOgr)(
    'written by GDAL (ogr2ogr -t_srs EPSG:27700, DBF in ISO-8859-1 without .cpg): same report',
    async () => {
      execFileSync('ogr2ogr', ['-f', 'ESRI Shapefile', '-t_srs', 'EPSG:27700', at('gdal'), boroughs]);
      const files = readdirSync(at('gdal'));
      writeFileSync(
        at('gdal.zip'),
        zipStore(files.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(path.join(at('gdal'), f))) }))),
      );
      const wgs = await report(boroughs, 'g-wgs');
      const shp = await report('gdal.zip', 'g-shp');
      expect(shp.summary).toEqual(wgs.summary);
      expectSame(wgs.csv, shp.csv);
    },
    60_000,
  );
});

describe('usage', () => {
  it('an extension the planner does not write, and --out-crs with KML, are usage errors', async () => {
    const a = capture();
    expect(
      await run(['footprints', '--practices', practices, '--network-field', 'pcn_code', '--out', 'n.shp'], a.io),
    ).toBe(2);
    expect(a.errors()).toContain(
      '--out n.shp: the extension picks the format: .geojson or .json (GeoJSON), .zip (zipped shapefile) or .kml',
    );
    const b = capture();
    expect(
      await run(
        [
          'footprints',
          '--practices',
          practices,
          '--network-field',
          'pcn_code',
          '--out',
          'n.kml',
          '--out-crs',
          'EPSG:27700',
        ],
        b.io,
      ),
    ).toBe(2);
    expect(b.errors()).toContain('--out-crs EPSG:27700 cannot apply to n.kml: KML is always WGS84 longitude/latitude');
  });
});
