// `pcn compare` on Greater Manchester (real 2022 practices and PCNs, ../shared/data): the real
// networks against `cluster --repair` of them, end to end through run(argv, io).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Geometry } from 'geojson';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main';
import { polygonValidityErrors } from '../geometry/validity';

const shared = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');
const practices = path.join(shared, 'gm_practices_2022-01.csv');
const boundary = path.join(shared, 'gm_combined_authority_2023_bgc.geojson');

let dir: string;
const file = (f: string) => path.join(dir, f);
const rowsOf = (f: string) =>
  Papa.parse<Record<string, string>>(readFileSync(file(f), 'utf8'), { header: true, skipEmptyLines: true }).data;

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir });
  return { code, stdout, stderr };
}

const compare = (before: string, after: string, tag: string, extra: string[] = []) =>
  cli(
    'compare',
    '--practices',
    practices,
    '--boundary',
    boundary,
    '--before',
    before,
    '--after',
    after,
    '--out',
    `changes-${tag}.csv`,
    '--summary-out',
    `networks-${tag}.csv`,
    '--geojson-out',
    `changes-${tag}.geojson`,
    ...extra,
  );

/** Population per network id summed from an assignment CSV (practice_code,...,population,network_id,...). */
function populationByNetwork(f: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rowsOf(f))
    if (r.network_id) out.set(r.network_id, (out.get(r.network_id) ?? 0) + Number(r.population));
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pcn-compare-'));
  const a = await cli(
    'footprints',
    '--practices',
    practices,
    '--boundary',
    boundary,
    '--network-field',
    'pcn_code',
    '--out',
    'real.geojson',
    '--assignment-out',
    'real.csv',
  );
  const b = await cli(
    'cluster',
    '--practices',
    practices,
    '--boundary',
    boundary,
    '--network-field',
    'pcn_code',
    '--repair',
    '--out',
    'repaired.geojson',
    '--assignment-out',
    'repaired.csv',
    '--moves-out',
    'moves.csv',
  );
  if (a.code !== 0 || b.code !== 0) throw new Error(`setup failed: ${a.stderr}${b.stderr}`);
}, 120_000);

describe('pcn compare on Greater Manchester: real 2022 networks vs cluster --repair of them', () => {
  it("writes exactly the repair's moves file, and says what moved on stdout", async () => {
    const r = await compare('real.geojson', 'repaired.csv', 'ab');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const moves = readFileSync(file('moves.csv'), 'utf8');
    expect(moves.split('\n').length).toBeGreaterThan(10);
    expect(readFileSync(file('changes-ab.csv'), 'utf8')).toBe(moves);
    expect(r.stdout).toMatch(/^Before: real\.geojson \(networks GeoJSON\); after: repaired\.csv \(assignment CSV\)$/m);
    expect(r.stdout).toMatch(
      new RegExp(`^Practices changing network: ${moves.trim().split('\n').length - 1} \\(`, 'm'),
    );
    expect(r.stdout).toMatch(/^New networks \(only in the after plan\): \d+/m);
    expect(r.stdout).toMatch(/^Dissolved networks \(only in the before plan\): 0$/m);
  });

  it('population before and after per network adds up to the two assignment files', async () => {
    await compare('real.csv', 'repaired.geojson', 'pop');
    const rows = rowsOf('networks-pop.csv');
    expect(Object.keys(rows[0])).toEqual([
      'network_id',
      'network_name',
      'population_before',
      'population_after',
      'practices_before',
      'practices_after',
      'area_km2_before',
      'area_km2_after',
      'area_changed_km2',
      'band_before',
      'band_after',
      'practices_in',
      'practices_out',
    ]);
    const before = populationByNetwork('real.csv');
    const after = populationByNetwork('repaired.csv');
    const ids = new Set([...before.keys(), ...after.keys()]);
    expect(rows.map((r) => r.network_id).sort()).toEqual([...ids].sort());
    for (const r of rows) {
      expect(Number(r.population_before)).toBe(before.get(r.network_id) ?? 0);
      expect(Number(r.population_after)).toBe(after.get(r.network_id) ?? 0);
      // Practices in and out explain the change in membership.
      const inCount = r.practices_in ? r.practices_in.split(';').length : 0;
      const outCount = r.practices_out ? r.practices_out.split(';').length : 0;
      expect(Number(r.practices_after)).toBe(Number(r.practices_before) + inCount - outCount);
      if (!before.has(r.network_id)) expect(r.band_before).toBe('');
    }
    const total = (m: Map<string, number>) => [...m.values()].reduce((s, x) => s + x, 0);
    expect(rows.reduce((s, r) => s + Number(r.population_after), 0)).toBe(total(after));
    expect(total(before)).toBe(total(after));
  });

  it('area changed is symmetric: A vs B equals B vs A with before and after swapped', async () => {
    await compare('real.csv', 'repaired.csv', 'fwd');
    await compare('repaired.csv', 'real.csv', 'rev');
    const fwd = new Map(rowsOf('networks-fwd.csv').map((r) => [r.network_id, r]));
    const rev = new Map(rowsOf('networks-rev.csv').map((r) => [r.network_id, r]));
    expect([...rev.keys()].sort()).toEqual([...fwd.keys()].sort());
    let changed = 0;
    for (const [id, f] of fwd) {
      const b = rev.get(id)!;
      expect(b.area_changed_km2).toBe(f.area_changed_km2);
      expect([b.population_before, b.population_after, b.area_km2_before, b.band_before]).toEqual([
        f.population_after,
        f.population_before,
        f.area_km2_after,
        f.band_after,
      ]);
      expect([b.practices_in, b.practices_out]).toEqual([f.practices_out, f.practices_in]);
      changed += Number(f.area_changed_km2);
    }
    expect(changed).toBeGreaterThan(1);
    const swapped = rowsOf('changes-rev.csv').map((r) => [r.practice_code, r.to_network_id, r.from_network_id].join());
    expect(swapped).toEqual(
      rowsOf('changes-fwd.csv').map((r) => [r.practice_code, r.from_network_id, r.to_network_id].join()),
    );
  });

  it('changes.geojson: moved practices as points, area gained and lost as valid polygons that balance', async () => {
    await compare('real.geojson', 'repaired.geojson', 'geo');
    const fc = JSON.parse(readFileSync(file('changes-geo.geojson'), 'utf8')) as {
      features: { geometry: { type: string; coordinates: unknown }; properties: Record<string, string | number> }[];
    };
    const points = fc.features.filter((f) => f.properties.kind === 'moved_practice');
    expect(points.map((f) => f.properties.practice_code)).toEqual(rowsOf('moves.csv').map((r) => r.practice_code));
    for (const p of points) expect(p.geometry.type).toBe('Point');
    let gained = 0,
      lost = 0;
    for (const f of fc.features.filter((x) => x.properties.kind !== 'moved_practice')) {
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      // OGC validity (jsts) and RFC 7946 winding, closure and no repeated positions.
      expect(polygonValidityErrors(f.geometry as Geometry, `${f.properties.kind} ${f.properties.network_id}`)).toEqual(
        [],
      );
      if (f.properties.kind === 'area_gained') gained += Number(f.properties.area_km2);
      else lost += Number(f.properties.area_km2);
    }
    // Every cell that changes hands is lost by one network and gained by another.
    expect(gained).toBeGreaterThan(1);
    expect(Math.abs(gained - lost)).toBeLessThan(0.01);
  });

  it('with --small-areas: the same moves, footprints from LSOAs, area changed symmetric, valid polygons', async () => {
    const sa = [
      '--small-areas',
      path.join(shared, 'gm_lsoa2011_bgc.geojson'),
      '--registrations',
      path.join(shared, 'gm_practice_lsoa_2022-07.csv'),
    ];
    const r = await compare('real.csv', 'repaired.csv', 'sa-fwd', sa);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/; footprints from [\d,]+ small areas of gm_lsoa2011_bgc\.geojson$/m);
    expect(readFileSync(file('changes-sa-fwd.csv'), 'utf8')).toBe(readFileSync(file('moves.csv'), 'utf8'));
    await compare('repaired.csv', 'real.csv', 'sa-rev', sa);
    const rev = new Map(rowsOf('networks-sa-rev.csv').map((x) => [x.network_id, x]));
    let changed = 0;
    for (const f of rowsOf('networks-sa-fwd.csv')) {
      expect([rev.get(f.network_id)!.area_changed_km2, rev.get(f.network_id)!.area_km2_before]).toEqual([
        f.area_changed_km2,
        f.area_km2_after,
      ]);
      changed += Number(f.area_changed_km2);
    }
    expect(changed).toBeGreaterThan(1);
    const fc = JSON.parse(readFileSync(file('changes-sa-fwd.geojson'), 'utf8')) as {
      features: { geometry: Geometry; properties: Record<string, string | number> }[];
    };
    for (const f of fc.features.filter((x) => x.properties.kind !== 'moved_practice')) {
      expect(polygonValidityErrors(f.geometry, `${f.properties.kind} ${f.properties.network_id}`)).toEqual([]);
    }
  });

  it('a plan file: compares two of its scenarios by name', async () => {
    const realRows = rowsOf('real.csv'),
      repairedRows = rowsOf('repaired.csv');
    const byCode = new Map(realRows.map((r) => [r.practice_code, r]));
    const pr = Papa.parse<Record<string, string>>(readFileSync(practices, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const scenario = (name: string, rows: Record<string, string>[]) => ({
      name,
      band: { min: 30000, max: 50000 },
      networks: [
        ...new Map(
          rows
            .filter((r) => r.network_id)
            .map((r) => [r.network_id, { id: r.network_id, name: r.network_name, colour: null, locked: false }]),
        ).values(),
      ],
      assignment: rows.filter((r) => r.network_id).map((r) => [r.practice_code, r.network_id]),
    });
    const plan = {
      format: 'pcn-planner-plan',
      version: 2,
      sources: [],
      boundary: null,
      activeScenario: 1,
      reference: null,
      practices: pr.map((p) => ({
        code: p.practice_code,
        name: byCode.get(p.practice_code)!.practice_name,
        listSize: Number(p.registered_patients),
        lon: Number(p.longitude),
        lat: Number(p.latitude),
      })),
      scenarios: [scenario('Current 2022', realRows), scenario('Repaired', repairedRows)],
    };
    writeFileSync(file('plan.json'), JSON.stringify(plan));
    const r = await compare('plan.json', 'plan.json', 'plan', [
      '--before-scenario',
      'Current 2022',
      '--after-scenario',
      'Repaired',
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      /^Before: plan\.json, scenario Current 2022 \(plan file\); after: plan\.json, scenario Repaired \(plan file\)$/m,
    );
    expect(readFileSync(file('changes-plan.csv'), 'utf8')).toBe(readFileSync(file('moves.csv'), 'utf8'));
    const missing = await compare('plan.json', 'real.csv', 'nope', ['--before-scenario', 'Proposal B']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      'plan.json: has no scenario named "Proposal B" (scenarios: "Current 2022", "Repaired")',
    );
  });

  it('refuses plans over different practice sets, listing the practices only in one, and an unreadable plan', async () => {
    const rows = readFileSync(file('real.csv'), 'utf8').trim().split('\n');
    writeFileSync(file('fewer.csv'), `${[rows[0], ...rows.slice(3)].join('\n')}\n`);
    const dropped = rows.slice(1, 3).map((l) => l.split(',')[0]);
    const before = readdirSync(dir).length;
    const r = await compare('real.csv', 'fewer.csv', 'sets');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `error: real.csv and fewer.csv: the plans cover different practices: only in real.csv: 2 practices (${dropped.join(', ')})`,
    );
    writeFileSync(file('bad.geojson'), '{"type": "FeatureCollection", "features": [');
    const bad = await compare('bad.geojson', 'real.csv', 'bad');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: bad\.geojson: .*JSON/m);
    const absent = await compare('nothing.csv', 'real.csv', 'absent');
    expect(absent.stderr).toContain('error: --before nothing.csv: no such file or directory');
    expect(readdirSync(dir).length).toBe(before + 1);
  });
});
