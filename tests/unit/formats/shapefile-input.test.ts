// Zipped shapefiles written by GDAL as inputs: practices as a British National Grid point layer
// give the same footprints as the GeoJSON table, and DBF text without a .cpg is read as
// Windows-1252 (ONS's DBFs) rather than mangled.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';
import { prepareInput } from '../../../src/core/io/prepare-input';
import { zipStore } from '../../../src/core/io/zip-write';
import { sharedData } from '../io/helpers';

const hasOgr = spawnSync('ogr2ogr', ['--version']).status === 0;
let dir: string;
const at = (name: string) => path.join(dir, name);
const quiet = (): CliIO => ({ stdout: () => {}, stderr: () => {}, cwd: dir });

/** ogr2ogr `source` into a shapefile folder, then the folder's files zipped (as users receive them). */
function gdalZip(source: string, name: string, extra: string[] = []): string {
  execFileSync('ogr2ogr', ['-f', 'ESRI Shapefile', ...extra, at(name), source]);
  const files = readdirSync(at(name));
  writeFileSync(
    at(`${name}.zip`),
    zipStore(files.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(path.join(at(name), f))) }))),
  );
  return `${name}.zip`;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pcn-shp-in-'));
});

describe.skipIf(!hasOgr)('zipped shapefiles written by GDAL', () => {
  it('practices as a BNG point shapefile give the same footprints as the GeoJSON table', async () => {
    const zip = gdalZip(sharedData('gm_practices_2022-01.geojson'), 'practices', ['-t_srs', 'EPSG:27700']);
    const boundary = sharedData('gm_combined_authority_2023_bgc.geojson');
    expect(
      await run(
        [
          'footprints',
          '--practices',
          sharedData('gm_practices_2022-01.geojson'),
          '--boundary',
          boundary,
          '--network-field',
          'pcn_code',
          '--out',
          'ref.geojson',
        ],
        quiet(),
      ),
    ).toBe(0);
    const err: string[] = [];
    const code = await run(
      ['footprints', '--practices', zip, '--boundary', boundary, '--network-field', 'pcn_code', '--out', 'shp.geojson'],
      { stdout: () => {}, stderr: (t) => void err.push(t), cwd: dir },
    );
    expect(err.join('')).toMatch(
      /practices\.zip: coordinates are British National Grid \(EPSG:27700, as its crs member states\)/,
    );
    expect(code).toBe(0);
    const a = JSON.parse(readFileSync(at('ref.geojson'), 'utf8')).features;
    const b = JSON.parse(readFileSync(at('shp.geojson'), 'utf8')).features;
    expect(
      b.map((f: { properties: { practice_codes: string; population: number } }) => [
        f.properties.practice_codes,
        f.properties.population,
      ]),
    ).toEqual(
      a.map((f: { properties: { practice_codes: string; population: number } }) => [
        f.properties.practice_codes,
        f.properties.population,
      ]),
    );
  });

  it('DBF text with no .cpg is Windows-1252, not mangled', async () => {
    writeFileSync(
      at('named.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { name: 'Clinique Médicale – Dupré' },
            geometry: {
              type: 'Polygon',
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
      }),
    );
    const zip = gdalZip(at('named.geojson'), 'named', ['-lco', 'ENCODING=CP1252']);
    // The same layer with its .cpg removed, as ONS DBFs often come.
    const files = readdirSync(at('named')).filter((f) => !f.endsWith('.cpg'));
    writeFileSync(
      at('nocpg.zip'),
      zipStore(files.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(path.join(at('named'), f))) }))),
    );
    for (const name of [zip, 'nocpg.zip']) {
      const r = await prepareInput(new Uint8Array(readFileSync(at(name))), name);
      expect(r.ok).toBe(true);
      if (r.ok) expect(JSON.parse(r.value).features[0].properties.name).toBe('Clinique Médicale – Dupré');
    }
  });
});
