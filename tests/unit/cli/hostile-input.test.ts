// Hostile and odd input, end to end through run(argv, io): each case exits with the right code,
// says what is wrong (file, line or feature, field) and never writes or replaces a file it should not.
import { spawn } from 'node:child_process';
import { existsSync, linkSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CliIO } from '../../../src/cli/io';
import { run } from '../../../src/cli/main';

let dir: string;
let out: string[];
let err: string[];
let io: CliIO;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pcn-hostile-'));
  out = [];
  err = [];
  io = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: dir };
});

const stderr = () => err.join('');
const stdout = () => out.join('');
const write = (name: string, text: string) => writeFileSync(path.join(dir, name), text);

/** 12 practices around Manchester in 3 networks of 4, list sizes 9,000-10,100. */
function practicesCsv(extra: readonly string[] = []): string {
  const rows = Array.from({ length: 12 }, (_, i) => {
    const lon = (-2.3 + (i % 4) * 0.05).toFixed(4);
    const lat = (53.4 + Math.floor(i / 4) * 0.05).toFixed(4);
    return `P${String(i).padStart(3, '0')},Practice ${i},${lon},${lat},${9000 + i * 100},N${Math.floor(i / 4)}`;
  });
  return (
    ['practice_code,practice_name,longitude,latitude,registered_patients,pcn_code', ...rows, ...extra].join('\n') + '\n'
  );
}

describe('outputs never replace an input, whatever path names it (item 1)', () => {
  it('refuses --out through a symlink to the practices file, and leaves it intact', async () => {
    write('p.csv', practicesCsv());
    symlinkSync(path.join(dir, 'p.csv'), path.join(dir, 'link.csv'));
    const code = await run(
      ['footprints', '--practices', 'link.csv', '--network-field', 'pcn_code', '--out', 'p.csv'],
      io,
    );
    expect(code).toBe(2);
    expect(stderr()).toContain('--out and --practices name the same file (p.csv is link.csv)');
    expect(readFileSync(path.join(dir, 'p.csv'), 'utf8')).toBe(practicesCsv());
  });

  it('refuses a hard link, a path through .. and two outputs that are one file, in every command', async () => {
    write('p.csv', practicesCsv());
    linkSync(path.join(dir, 'p.csv'), path.join(dir, 'hard.csv'));
    expect(await run(['cluster', '--practices', 'p.csv', '--out', 'hard.csv'], io)).toBe(2);
    expect(stderr()).toContain('--out and --practices name the same file (hard.csv is p.csv)');
    symlinkSync(dir, path.join(dir, 'again'));
    expect(
      await run(
        [
          'footprints',
          '--practices',
          'p.csv',
          '--network-field',
          'pcn_code',
          '--out',
          'n.geojson',
          '--assignment-out',
          'again/n.geojson',
        ],
        io,
      ),
    ).toBe(2);
    expect(stderr()).toContain('--out and --assignment-out name the same file (n.geojson is again/n.geojson)');
    write('n.geojson', '{}');
    expect(
      await run(
        [
          'align',
          '--networks',
          'again/n.geojson',
          '--services',
          's.geojson',
          '--out',
          'n.geojson',
          '--report',
          'r.csv',
        ],
        io,
      ),
    ).toBe(2);
    expect(stderr()).toContain('--out and --networks name the same file');
    expect(readFileSync(path.join(dir, 'p.csv'), 'utf8')).toBe(practicesCsv());
    expect(readFileSync(path.join(dir, 'n.geojson'), 'utf8')).toBe('{}');
  });
});

describe('the size limit counts bytes read (item 11)', () => {
  it('stops at once on /dev/zero: binary, not read to the end', async () => {
    const code = await run(
      ['footprints', '--practices', '/dev/zero', '--network-field', 'pcn_code', '--out', 'n.geojson'],
      io,
    );
    expect(code).toBe(1);
    expect(stderr()).toContain('error: --practices /dev/zero: is not a text file (binary content');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an endless text stream once it passes the limit', async () => {
    const fifo = path.join(dir, 'endless.csv');
    const writer = spawn('sh', ['-c', `mkfifo '${fifo}' && exec yes 'P1,Practice,-2.2,53.5,9000,N1' > '${fifo}'`], {
      stdio: 'ignore',
    });
    try {
      await expect.poll(() => existsSync(fifo), { timeout: 10_000 }).toBe(true);
      const code = await run(
        ['footprints', '--practices', 'endless.csv', '--network-field', 'pcn_code', '--out', 'n.geojson'],
        { ...io, maxInputBytes: 1_000_000 },
      );
      expect(code).toBe(1);
      expect(stderr()).toContain(
        'error: --practices endless.csv: is more than 1,000,000 bytes (stopped reading there), larger than the 1,000,000 bytes limit',
      );
    } finally {
      writer.kill();
    }
    expect(existsSync(path.join(dir, 'n.geojson'))).toBe(false);
  });
});

describe('every error is counted (item 12)', () => {
  it('1,000 bad list sizes: 20 listed, the rest summarised, the true total in the closing line', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `P${i},Practice ${i},-2.2,53.5,many,N1`);
    write('p.csv', ['practice_code,practice_name,longitude,latitude,registered_patients,pcn_code', ...rows].join('\n'));
    const code = await run(
      ['footprints', '--practices', 'p.csv', '--network-field', 'pcn_code', '--out', 'n.geojson'],
      io,
    );
    expect(code).toBe(1);
    const lines = stderr().trim().split('\n');
    expect(lines.filter((l) => /list size "many" is not a whole number/.test(l))).toHaveLength(20);
    expect(lines).toContain('error: p.csv: …and 980 more list size errors');
    expect(lines.at(-1)).toBe('1,000 errors in the input (20 listed above); no output written.');
  });
});

/** Runs footprints on p.csv (and optional extra args) and returns the exit code. */
const footprints = (extra: readonly string[] = []) =>
  run(['footprints', '--practices', 'p.csv', '--network-field', 'pcn_code', '--out', 'n.geojson', ...extra], io);

describe('silent wrong numbers become errors or warnings (items 2, 4, 6)', () => {
  it('two columns of one recognised name are an error naming both, for practices and assignments', async () => {
    const header = 'practice_code,practice_name,longitude,latitude,registered_patients,registered_patients,pcn_code';
    write('p.csv', [header, 'P1,One,-2.2,53.5,9000,100,N1', 'P2,Two,-2.1,53.5,9100,100,N1'].join('\n'));
    expect(await footprints()).toBe(1);
    expect(stderr()).toContain(
      'error: p.csv: columns 5 and 6 are both named "registered_patients", so the list size is ambiguous',
    );
    write('p.csv', practicesCsv());
    write('a.csv', 'practice_code,network_id,network_id\nP000,N1,N2\n');
    expect(await run(['footprints', '--practices', 'p.csv', '--assignment', 'a.csv', '--out', 'n.geojson'], io)).toBe(
      1,
    );
    expect(stderr()).toContain('error: a.csv: columns 2 and 3 are both named "network_id"');
    expect(existsSync(path.join(dir, 'n.geojson'))).toBe(false);
  });

  it('refuses a practice code holding ";" (the practice_codes separator), naming the line', async () => {
    write('p.csv', practicesCsv(['"A;B",Semi,-2.2,53.5,9000,N1']));
    expect(await footprints()).toBe(1);
    expect(stderr()).toContain('error: p.csv line 14 (A;B): practice code "A;B" contains ";"');
  });

  it('warns about a list size above 250,000 and says so in the summary', async () => {
    write('p.csv', practicesCsv(['Z997,Huge,-2.2,53.5,1000000000000,N1']));
    expect(await footprints()).toBe(0);
    expect(stderr()).toContain('warning: p.csv line 14 (Z997): list size 1,000,000,000,000 is above 250,000');
    expect(stdout()).toContain(
      'Implausible list sizes: 1 above 250,000 (Z997 1,000,000,000,000), used as given; see the warnings',
    );
  });
});

describe('deep nesting is refused, not a crash (item 10)', () => {
  it('a GeometryCollection nested 3,000 deep as the boundary', async () => {
    write('p.csv', practicesCsv());
    const deep = `${'{"type":"GeometryCollection","geometries":['.repeat(3000)}${']}'.repeat(3000)}`;
    write('b.geojson', `{"type":"Feature","properties":{},"geometry":${deep}}`);
    expect(await footprints(['--boundary', 'b.geojson'])).toBe(1);
    expect(stderr()).toMatch(/error: b\.geojson: is nested more than 64 levels deep \(line 1, character \d+\)/);
  });

  it('a list size that is a list nested 6,000 deep', async () => {
    const size = `${'['.repeat(6000)}1${']'.repeat(6000)}`;
    write(
      'p.geojson',
      `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"practice_code":"A1","registered_patients":${size}},"geometry":{"type":"Point","coordinates":[-2,53]}}]}`,
    );
    expect(await run(['cluster', '--practices', 'p.geojson', '--out', 'n.geojson'], io)).toBe(1);
    expect(stderr()).toContain('error: p.geojson: is nested more than 64 levels deep');
  });
});

describe('messages say what is wrong with the file they name (item 13, item 9 boundary)', () => {
  it('an empty networks file given to align blames the networks file', async () => {
    write('n.geojson', '{"type":"FeatureCollection","features":[]}');
    write(
      's.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { name: 'A' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [-2.3, 53.4],
                  [-2.1, 53.4],
                  [-2.1, 53.6],
                  [-2.3, 53.4],
                ],
              ],
            },
          },
        ],
      }),
    );
    expect(
      await run(
        ['align', '--networks', 'n.geojson', '--services', 's.geojson', '--out', 'a.geojson', '--report', 'r.csv'],
        io,
      ),
    ).toBe(1);
    expect(stderr()).toContain('error: n.geojson: contains no networks (no features)');
    expect(stderr()).not.toContain('s.geojson');
  });

  it('a FeatureCollection whose features is not a list, and one with no features', async () => {
    write('p.csv', '{"type":"FeatureCollection","features":{}}');
    expect(await footprints()).toBe(1);
    expect(stderr()).toContain(
      'error: p.csv: is a GeoJSON FeatureCollection whose "features" is a JSON object; expected a list of Point features',
    );
    write('p.csv', practicesCsv());
    write('b.geojson', '{"type":"FeatureCollection","features":7}');
    expect(await footprints(['--boundary', 'b.geojson'])).toBe(1);
    expect(stderr()).toContain('error: b.geojson: is a GeoJSON FeatureCollection whose "features" is not a list');
    err.length = 0;
    write('p.csv', '{"type":"FeatureCollection","features":[]}');
    expect(await footprints()).toBe(1);
    expect(stderr()).toBe(
      'error: p.csv: contains no practices (no features)\n1 error in the input; no output written.\n',
    );
  });

  it('a boundary whose hole is bigger than its shell is an error, not a negative area', async () => {
    write('p.csv', practicesCsv());
    const shell = [
      [-2.5, 53.3],
      [-1.9, 53.3],
      [-1.9, 53.7],
      [-2.5, 53.7],
      [-2.5, 53.3],
    ];
    const hole = [
      [-4, 52],
      [0, 52],
      [0, 55],
      [-4, 55],
      [-4, 52],
    ];
    write('b.geojson', JSON.stringify({ type: 'Polygon', coordinates: [shell, hole] }));
    expect(await footprints(['--boundary', 'b.geojson'])).toBe(1);
    expect(stderr()).toContain(
      'error: b.geojson geometry: hole 1 of a polygon is bigger than its outer ring and encloses it',
    );
    expect(existsSync(path.join(dir, 'n.geojson'))).toBe(false);
  });
});

describe('far-off practices, unmet counts and footprint-less networks are explained (items 3, 8, 9)', () => {
  it('a practice at 0, 0 or in Australia: warned, left out, and the hull stays around the rest', async () => {
    write('p.csv', practicesCsv());
    expect(await footprints()).toBe(0);
    const area = Number(
      /convex hull of the practices plus a margin \(no --boundary given\), ([\d,]+) km2/
        .exec(stdout())?.[1]
        .replace(/,/g, ''),
    );
    for (const [code, lon, lat] of [
      ['Z999', 0, 0],
      ['Z998', 151.2, -33.8],
    ] as const) {
      out.length = 0;
      err.length = 0;
      write('p.csv', practicesCsv([`${code},Far,${lon},${lat},5000,N1`]));
      expect(await footprints()).toBe(0);
      expect(stderr()).toMatch(
        new RegExp(
          `warning: p\\.csv \\(${code}\\): practice ${code} \\(Far\\) at ${lon}, ${lat} is [\\d,]+ km from the middle of the practices \\(90% are within \\d+ km\\)( and outside the UK, unlike the others)?; with no boundary it is left out of the study area`,
        ),
      );
      expect(stdout()).toContain(
        `plus a margin (no --boundary given), ${area.toLocaleString('en-GB')} km2; 1 practice lies outside it`,
      );
    }
  });

  it('--count above what the practices allow makes as many as it can and says why', async () => {
    write('p.csv', practicesCsv());
    expect(await run(['cluster', '--practices', 'p.csv', '--count', '100', '--out', 'n.geojson'], io)).toBe(0);
    expect(stderr()).toContain(
      'warning: asked for 100 networks but made 12: there are only 12 practice sites to build networks from',
    );
    expect(stdout()).toContain('Warnings: 1 (listed on stderr)');
  });

  it('networks that lost their one shared site: true reason, no negative counts', async () => {
    const rows = [
      'practice_code,longitude,latitude,registered_patients,pcn_code',
      'P0,-2.2,53.5,9000,N0',
      'P1,-2.2,53.5,8000,N1',
      'P2,-2.2,53.5,7000,N2',
    ];
    write('p.csv', rows.join('\n'));
    expect(await footprints()).toBe(0);
    expect(stdout()).toContain(
      'Contiguous: 1 of 3; no footprint (its practices share a site with a network that has more patients there): 2 (N1, N2)',
    );
    expect(stdout()).not.toMatch(/[ (]-\d/);
  });
});
