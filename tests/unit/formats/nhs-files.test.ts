// NHS Digital's published files and the ONS Postcode Directory, opened as they are: the footprints
// from them equal the footprints from the shared GeoJSON table.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';
import { parsePostcodeLookup, normalisePostcode } from '../../../src/core/io/postcodes';
import { sharedData } from '../io/helpers';
import { listSizeCsv, mappingCsv, onspdCsv, practiceRows } from './nhs-files';

let dir: string;
const rows = practiceRows();
const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: dir };
  return { io, out, err };
};
const file = (name: string) => readFileSync(path.join(dir, name), 'utf8');

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pcn-nhs-'));
  writeFileSync(path.join(dir, 'gp-reg-pat-prac-all.csv'), listSizeCsv(rows));
  writeFileSync(path.join(dir, 'gp-reg-pat-prac-map.csv'), mappingCsv(rows));
  writeFileSync(path.join(dir, 'ONSPD.csv'), onspdCsv(rows));
});

describe('NHS Digital files with a postcode lookup', () => {
  it('give the same footprints and assignment as the GeoJSON table', async () => {
    const reference = capture();
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
          '--assignment-out',
          'ref.csv',
        ],
        reference.io,
      ),
    ).toBe(0);
    const nhs = capture();
    const code = await run(
      [
        'footprints',
        '--practices',
        'gp-reg-pat-prac-all.csv',
        '--assignment',
        'gp-reg-pat-prac-map.csv',
        '--postcodes',
        'ONSPD.csv',
        '--boundary',
        boundary,
        '--out',
        'nhs.geojson',
        '--assignment-out',
        'nhs.csv',
      ],
      nhs.io,
    );
    expect(nhs.err.join('')).not.toMatch(/^error/m);
    expect(code).toBe(0);
    expect(JSON.parse(file('nhs.geojson'))).toEqual(JSON.parse(file('ref.geojson')));
    // Practice names come from the mapping file (the list-size file has none).
    expect(file('nhs.csv')).toBe(file('ref.csv'));
    expect(nhs.out.join('')).toMatch(/^Practices: 426 \(3,182,014 patients\)/);
  });

  it('lists practices whose postcode is terminated or missing, leaves them out with a warning, and loses nothing else', async () => {
    const terminated = rows.find((r) => r.practice_code === 'P84004')!;
    writeFileSync(
      path.join(dir, 'ONSPD-term.csv'),
      onspdCsv(rows, { terminated: new Set([terminated.practice_postcode]) }),
    );
    const edited = rows.map((r) => (r.practice_code === 'P84005' ? { ...r, practice_postcode: 'ZZ99 9ZZ' } : r));
    writeFileSync(path.join(dir, 'all-edited.csv'), listSizeCsv(edited));
    const sharing = rows
      .filter((r) => r.practice_postcode === terminated.practice_postcode)
      .map((r) => r.practice_code);
    const run1 = capture();
    const code = await run(
      [
        'footprints',
        '--practices',
        'all-edited.csv',
        '--assignment',
        'gp-reg-pat-prac-map.csv',
        '--postcodes',
        'ONSPD-term.csv',
        '--out',
        'n.geojson',
      ],
      run1.io,
    );
    expect(code).toBe(0);
    const stderr = run1.err.join('');
    expect(stderr).toMatch(
      /warning: all-edited\.csv line \d+ \(P84005\): P84005: postcode "ZZ99 9ZZ" is not in the postcode lookup ONSPD-term\.csv; practice left out/,
    );
    for (const c of sharing)
      expect(stderr).toMatch(
        new RegExp(
          `\\(${c}\\): ${c}: postcode "${terminated.practice_postcode}" was terminated \\(doterm 202106 in ONSPD-term\\.csv\\); practice left out`,
        ),
      );
    expect(run1.out.join('')).toMatch(new RegExp(`^Practices: ${426 - 1 - sharing.length} `));
  });

  it('a practice file with postcodes and no lookup: one error saying how to geocode it', async () => {
    const r = capture();
    expect(
      await run(
        [
          'footprints',
          '--practices',
          'gp-reg-pat-prac-all.csv',
          '--assignment',
          'gp-reg-pat-prac-map.csv',
          '--out',
          'x.geojson',
        ],
        r.io,
      ),
    ).toBe(1);
    expect(r.err.join('')).toMatch(
      /gp-reg-pat-prac-all\.csv: has postcodes \(POSTCODE\) but no longitude\/latitude or easting\/northing columns: give a postcode lookup \(--postcodes FILE/,
    );
  });
});

describe('postcode lookup', () => {
  it('matches postcodes whatever their spacing and case, and keeps only the postcodes asked for', () => {
    const text = onspdCsv(rows);
    const wanted = new Set(
      ['m15 5ab', 'M155AB', rows[0].practice_postcode.toLowerCase().replace(' ', '  ')].map(normalisePostcode),
    );
    const r = parsePostcodeLookup(text, 'ONSPD.csv', wanted);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([...r.value.entries.keys()]).toEqual([normalisePostcode(rows[0].practice_postcode)]);
    expect(r.value.rowsRead).toBe(356 + 50);
  });

  it('streams: the same result whatever the chunk boundaries', async () => {
    const { PostcodeLookupReader } = await import('../../../src/core/io/postcodes');
    const text = onspdCsv(rows, { gridOnly: true });
    const reader = new PostcodeLookupReader('ONSPD.csv', null);
    for (let i = 0; i < text.length; i += 997) reader.push(text.slice(i, i + 997));
    const chunked = reader.finish();
    const whole = parsePostcodeLookup(text, 'ONSPD.csv');
    expect(chunked).toEqual(whole);
    // Grid references only: located through the reprojection, within a few metres of the table.
    if (!whole.ok) return;
    const first = whole.value.entries.get(normalisePostcode(rows[0].practice_postcode));
    expect(first?.kind).toBe('located');
    if (first?.kind !== 'located') return;
    expect(Math.abs(first.lon - Number(rows[0].longitude)) * 66_000).toBeLessThan(2);
    expect(Math.abs(first.lat - Number(rows[0].latitude)) * 111_200).toBeLessThan(2);
  });

  it('a file without postcode or coordinate columns is refused naming what was found', () => {
    const r = parsePostcodeLookup('a,b\r\n1,2\r\n', 'x.csv');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0].message).toBe(
      'x.csv: is not a postcode lookup: no postcode column (pcds, pcd2 or pcd; found: a, b)',
    );
  });
});
