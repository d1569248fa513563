// The command line run in-process through run(argv, io): success on the demo and real data,
// exit 1 on invalid input, exit 2 on usage errors, and never a partial output file.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS, run } from '../../../src/cli/main';
import { ASSIGNMENT_HEADER, checkNetworksGeoJSON } from './networks-schema-check';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const demo = (f: string) => path.join(repoRoot, 'data', f);
const shared = (f: string) => path.resolve(repoRoot, '../shared/data', f);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pcn-cli-'));
});

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir });
  return { code, stdout, stderr };
}

const out = (f = 'networks.geojson') => path.join(dir, f);
const readJson = (f: string) =>
  JSON.parse(readFileSync(f, 'utf8')) as { features: { id: string; properties: Record<string, unknown> }[] } & Record<
    string,
    unknown
  >;
const write = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text);
  return name;
};
const practiceFeature = (code: string, size: unknown, coordinates: number[]) => ({
  type: 'Feature',
  properties: { practice_code: code, practice_name: `Practice ${code}`, registered_patients: size, pcn_code: 'N1' },
  geometry: { type: 'Point', coordinates },
});
const practicesGeoJSON = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('footprints on the synthetic demo region', () => {
  it('writes valid networks GeoJSON and assignment CSV and prints the summary', async () => {
    const r = await cli(
      'footprints',
      '--practices',
      demo('demo-practices.geojson'),
      '--boundary',
      demo('demo-boundary.geojson'),
      '--network-field',
      'pcn_code',
      '--out',
      'networks.geojson',
      '--assignment-out',
      'assignment.csv',
    );
    expect(r.stderr).not.toMatch(/^error/m);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Practices: 86 \(803,785 patients\) at \d+ sites, from demo-practices\.geojson$/m);
    expect(r.stdout).toMatch(/^Assignment: 12 networks from --network-field pcn_code$/m);
    expect(r.stdout).toMatch(/^Study area: demo-boundary\.geojson, [\d,]+ km2$/m);
    expect(r.stdout).toMatch(/^Networks: 12; in band 30,000-50,000: 9; below: 1 \(ZN11\); above: 2 \(ZN03, ZN06\)$/m);
    expect(r.stdout).toMatch(/^Contiguous: 10 of 12; in several parts: ZN06 \(2 parts\), ZN11 \(2 parts\)$/m);
    expect(r.stdout).toMatch(/^Unassigned: 36 practices, 293,603 patients \(36\.5% of 803,785\)$/m);
    expect(r.stdout).toMatch(/^Shared-site conflicts: 1 \(Z90001, Z90002, Z90003 at one site: ZN01, ZN05\)$/m);
    expect(r.stdout).toMatch(/^Wrote networks\.geojson and assignment\.csv$/m);
    expect(r.stderr).toMatch(/^warning: demo-practices\.geojson feature 7 \(Z90008\): no network/m);

    const fc = readJson(out());
    expect(checkNetworksGeoJSON(fc)).toEqual([]);
    expect(fc.features.map((f) => f.id).sort()).toEqual([
      'ZN01',
      'ZN02',
      'ZN03',
      'ZN04',
      'ZN05',
      'ZN06',
      'ZN07',
      'ZN08',
      'ZN09',
      'ZN10',
      'ZN11',
      'ZN12',
    ]);
    const csv = readFileSync(out('assignment.csv'), 'utf8').trim().split(/\r?\n/);
    expect(csv[0]).toBe(ASSIGNMENT_HEADER);
    expect(csv).toHaveLength(87);
    expect(csv).toContain('Z90003,Doggerport Health Centre Practice C,5881,ZN05,Doggerport East PCN');
    expect(readdirSync(dir).sort()).toEqual(['assignment.csv', 'networks.geojson']);
  });

  it('gives the same networks from the CSV practices and the assignment file', async () => {
    const a = await cli(
      'footprints',
      '--practices',
      demo('demo-practices.geojson'),
      '--boundary',
      demo('demo-boundary.geojson'),
      '--network-field',
      'pcn_code',
      '--out',
      'a.geojson',
    );
    const b = await cli(
      'footprints',
      '--practices',
      demo('demo-practices.csv'),
      '--boundary',
      demo('demo-boundary.geojson'),
      '--assignment',
      demo('demo-assignment.csv'),
      '--out',
      'b.geojson',
    );
    expect([a.code, b.code]).toEqual([0, 0]);
    const byId = (f: string) => new Map(readJson(out(f)).features.map((x) => [x.id, x.properties]));
    expect(byId('b.geojson')).toEqual(byId('a.geojson'));
    expect(b.stdout).toMatch(/^Assignment: 12 networks from --assignment demo-assignment\.csv$/m);
    expect(b.stderr).not.toMatch(/pcn_code is empty/);
  });

  it('uses the convex hull plus a margin without --boundary, and says so', async () => {
    const r = await cli(
      'footprints',
      '--practices',
      demo('demo-practices.csv'),
      '--network-field',
      'pcn_code',
      '--out',
      'n.geojson',
      '--min',
      '25000',
      '--max',
      '60000',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Study area: convex hull of the practices plus a margin \(no --boundary given\), [\d,]+ km2$/m,
    );
    expect(r.stdout).toMatch(/in band 25,000-60,000/);
    const fc = readJson(out('n.geojson'));
    expect(checkNetworksGeoJSON(fc)).toEqual([]);
    expect(fc.features.every((f) => f.properties.band_min === 25_000 && f.properties.band_max === 60_000)).toBe(true);
  });
});

describe('footprints on real data (Greater Manchester, January 2022)', () => {
  it('writes a valid plan whose populations add up', async () => {
    const r = await cli(
      'footprints',
      '--practices',
      shared('gm_practices_2022-01.csv'),
      '--boundary',
      shared('gm_combined_authority_2023_bgc.geojson'),
      '--network-field',
      'pcn_code',
      '--out',
      'gm.geojson',
      '--assignment-out',
      'gm.csv',
    );
    expect(r.stderr).not.toMatch(/^error/m);
    expect(r.code).toBe(0);
    const fc = readJson(out('gm.geojson'));
    expect(checkNetworksGeoJSON(fc)).toEqual([]);
    const rows = readFileSync(out('gm.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
    const total = Number(/^Practices: [\d,]+ \(([\d,]+) patients\)/m.exec(r.stdout)![1].replace(/,/g, ''));
    const unassigned = Number(
      /^Unassigned: [\d,]+ practices?, ([\d,]+) patients?/m.exec(r.stdout)![1].replace(/,/g, ''),
    );
    const networkPopulation = fc.features.reduce((s, f) => s + (f.properties.population as number), 0);
    expect(networkPopulation + unassigned).toBe(total);
    expect(rows.length).toBe(Number(/^Practices: ([\d,]+)/m.exec(r.stdout)![1].replace(/,/g, '')));
    expect(fc.features.length).toBeGreaterThan(50);
  });
});

describe('invalid input: exit 1, addressed messages on stderr, no output left', () => {
  const boundary = () =>
    write(
      'b.geojson',
      JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [-3, 53],
            [-1, 53],
            [-1, 54],
            [-3, 54],
            [-3, 53],
          ],
        ],
      }),
    );
  const expectNoOutput = () =>
    expect(readdirSync(dir).filter((f) => f.startsWith('out') || f.includes('.tmp'))).toEqual([]);

  it('broken JSON', async () => {
    const p = write('practices.geojson', '{"type": "FeatureCollection", "features": [');
    const r = await cli(
      'footprints',
      '--practices',
      p,
      '--boundary',
      boundary(),
      '--network-field',
      'pcn_code',
      '--out',
      'out.geojson',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: practices\.geojson: is not valid JSON/m);
    expect(r.stderr).toMatch(/^1 error in the input; no output written\.$/m);
    expectNoOutput();
  });

  it('British National Grid metres', async () => {
    const p = write(
      'practices.geojson',
      practicesGeoJSON([practiceFeature('Z1', 100, [383000, 398000]), practiceFeature('Z2', 200, [384500, 399000])]),
    );
    const r = await cli('footprints', '--practices', p, '--network-field', 'pcn_code', '--out', 'out.geojson');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error: practices\.geojson: coordinates look like British National Grid \(EPSG:27700\) metres but the file does not say so; .*re-export in WGS84/m,
    );
    expectNoOutput();
  });

  it('negative list size, and a broken boundary in the same run: every error reported', async () => {
    const p = write(
      'practices.geojson',
      practicesGeoJSON([practiceFeature('Z1', 100, [-2.2, 53.4]), practiceFeature('Z2', -3, [-2.3, 53.5])]),
    );
    const b = write('b.geojson', '{"type":"Point","coordinates":[0,0]}');
    const r = await cli(
      'footprints',
      '--practices',
      p,
      '--boundary',
      b,
      '--network-field',
      'pcn_code',
      '--out',
      'out.geojson',
      '--assignment-out',
      'out.csv',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error: practices\.geojson feature 1 \(Z2\): list size "-3" is not a whole number >= 0$/m,
    );
    expect(r.stderr).toMatch(/^error: b\.geojson geometry: geometry is Point; expected Polygon or MultiPolygon$/m);
    expect(r.stderr).toMatch(/^2 errors in the input; no output written\.$/m);
    expectNoOutput();
  });

  it('a network field that is not in the file', async () => {
    const r = await cli(
      'footprints',
      '--practices',
      demo('demo-practices.csv'),
      '--network-field',
      'ccg_code',
      '--out',
      'out.geojson',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: demo-practices\.csv: no column "ccg_code" for the network/m);
    expectNoOutput();
  });

  it('missing files are named with their option', async () => {
    const r = await cli(
      'footprints',
      '--practices',
      'nope.csv',
      '--boundary',
      'nope.geojson',
      '--network-field',
      'pcn_code',
      '--out',
      'out.geojson',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: --practices nope.csv: no such file or directory\n');
    expect(r.stderr).toContain('error: --boundary nope.geojson: no such file or directory\n');
    expect(r.stderr).toMatch(/^2 errors in the input; no output written\.$/m);
    expectNoOutput();
  });

  it('an output that cannot be written leaves no output at all, even when the first could be', async () => {
    writeFileSync(out('out.geojson'), 'previous');
    const r = await cli(
      'footprints',
      '--practices',
      demo('demo-practices.csv'),
      '--network-field',
      'pcn_code',
      '--out',
      'out.geojson',
      '--assignment-out',
      'missing-dir/a.csv',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error: cannot write missing-dir\/a\.csv: no such file or directory; no output written$/m,
    );
    expect(readdirSync(dir)).toEqual(['out.geojson']);
    expect(readFileSync(out('out.geojson'), 'utf8')).toBe('previous');
  });
});

describe('usage errors: exit 2, saying what is wrong', () => {
  const base = ['--practices', demo('demo-practices.csv'), '--out', 'out.geojson'];
  const cases: [string, string[], RegExp][] = [
    ['no command', [], /^PCN Planner command line/],
    ['unknown command', ['footprint'], /unknown command "footprint" \(did you mean footprints\?\)/],
    [
      'unknown option',
      ['footprints', ...base, '--network-field', 'pcn_code', '--boundry', 'b.geojson'],
      /unknown option --boundry for footprints \(did you mean --boundary\?\)/,
    ],
    [
      'missing --practices',
      ['footprints', '--out', 'o.geojson', '--network-field', 'pcn_code'],
      /missing required option --practices FILE/,
    ],
    [
      'missing --out',
      ['footprints', '--practices', 'p.csv', '--network-field', 'pcn_code'],
      /missing required option --out FILE/,
    ],
    [
      'both assignment sources',
      ['footprints', ...base, '--network-field', 'pcn_code', '--assignment', 'a.csv'],
      /either --network-field or --assignment, not both/,
    ],
    [
      'neither assignment source',
      ['footprints', ...base],
      /missing the assignment: give --network-field FIELD .* or --assignment FILE/,
    ],
    [
      'bad number',
      ['footprints', ...base, '--network-field', 'pcn_code', '--min', '30k'],
      /option --min must be a whole number >= 0, got "30k"/,
    ],
    [
      'negative number',
      ['footprints', ...base, '--network-field', 'pcn_code', '--max', '-1'],
      /option --max must be a whole number >= 0, got "-1"/,
    ],
    [
      'min above max',
      ['footprints', ...base, '--network-field', 'pcn_code', '--min', '60000'],
      /--min 60000 is greater than --max 50000/,
    ],
    [
      'output over an input',
      ['footprints', '--practices', 'p.csv', '--out', 'p.csv', '--network-field', 'pcn_code'],
      /--out and --practices name the same file/,
    ],
    [
      'option without value',
      ['footprints', ...base, '--network-field'],
      /option --network-field needs a value \(FIELD\)/,
    ],
  ];
  for (const [label, argv, message] of cases) {
    it(label, async () => {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
      expect(readdirSync(dir)).toEqual([]);
    });
  }
});

describe('help', () => {
  it('--help lists every command and the exit codes', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(c.spec.name);
    expect(r.stdout).toMatch(/Exit codes: 0 success; 1 invalid input/);
  });

  it('footprints --help and help footprints explain every option', async () => {
    const r = await cli('footprints', '--help');
    expect(r.code).toBe(0);
    const cmd = COMMANDS.find((c) => c.spec.name === 'footprints')!;
    for (const o of cmd.spec.options) expect(r.stdout).toContain(`--${o.name}`);
    expect((await cli('help', 'footprints')).stdout).toBe(r.stdout);
  });
});
