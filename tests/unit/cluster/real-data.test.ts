// Real data (../shared/data): Greater Manchester and England, January 2022 practices and PCNs.
// Footprints are built by the engine (evaluatePlan) for both the real configuration and ours.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { clusterPlan, parseHardAreas } from '../../../src/core/cluster';
import { buildTessellation } from '../../../src/core/geometry';
import { assignmentFromTable, parseBoundary, parsePractices } from '../../../src/core/io';
import { DEFAULT_BAND, type Assignment, type Network, type Practice } from '../../../src/core/model';
import { evaluatePlan } from '../../../src/core/plan';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');
const read = (f: string) => readFileSync(path.join(dataDir, f), 'utf8');
const band = DEFAULT_BAND;

function load(practicesFile: string, boundaryFile: string) {
  const table = parsePractices(read(practicesFile), practicesFile, { fields: { network: 'pcn_code' } });
  const boundary = parseBoundary(read(boundaryFile), boundaryFile);
  if (!table.ok || !boundary.ok) throw new Error('real data did not parse');
  const practices = table.value.practices;
  return {
    practices,
    boundary: boundary.value,
    real: assignmentFromTable(table.value),
    tessellation: buildTessellation(practices, boundary.value),
  };
}

function figures(
  practices: readonly Practice[],
  t: ReturnType<typeof buildTessellation>,
  networks: readonly Network[],
  assignment: Assignment,
) {
  const plan = evaluatePlan({ practices, networks, assignment, band }, t);
  const nets = [...plan.networks.values()].filter((n) => n.practiceCount > 0);
  return {
    nets,
    meanPP: nets.reduce((s, n) => s + n.polsbyPopper, 0) / nets.length,
    outOfBand: nets.filter((n) => n.band !== 'within').map((n) => n.id as string),
    nonContiguous: nets.filter((n) => n.parts !== 1).map((n) => n.id as string),
  };
}

describe('auto-cluster on Greater Manchester (real 2022 data)', () => {
  const gm = load('gm_practices_2022-01.csv', 'gm_combined_authority_2023_bgc.geojson');

  it('from scratch: every network contiguous and in band, and more compact than the real 2022 PCNs', () => {
    const res = clusterPlan({ practices: gm.practices, tessellation: gm.tessellation, band, seed: 1 });
    if (!res.ok) throw new Error('failed');
    const ours = figures(gm.practices, gm.tessellation, res.value.networks, res.value.assignment);
    const real = figures(gm.practices, gm.tessellation, gm.real.networks, gm.real.assignment);
    expect(ours.nonContiguous).toEqual([]);
    const flagged = new Set<string>(res.value.report.unavoidable.map((u) => u.networkId));
    for (const id of ours.outOfBand) expect(flagged.has(id)).toBe(true);
    expect(ours.outOfBand).toEqual([]);
    expect(ours.meanPP).toBeGreaterThanOrEqual(real.meanPP);
  });

  it('repair of the real assignment: every network in band and contiguous, fewer practices moved than a fresh clustering changes', () => {
    const repaired = clusterPlan({
      practices: gm.practices,
      tessellation: gm.tessellation,
      band,
      seed: 1,
      assignment: gm.real.assignment,
      networks: gm.real.networks,
      repair: true,
    });
    const scratch = clusterPlan({ practices: gm.practices, tessellation: gm.tessellation, band, seed: 1 });
    if (!repaired.ok || !scratch.ok) throw new Error('failed');
    const after = figures(gm.practices, gm.tessellation, repaired.value.networks, repaired.value.assignment);
    expect(after.outOfBand).toEqual([]);
    expect(after.nonContiguous).toEqual([]);
    // Every move is reported and matches the output.
    for (const m of repaired.value.moves) expect(repaired.value.assignment.get(m.practiceCode)).toBe(m.to);
    // Needless moves are undone: fewer practices move than the 102 before that step existed.
    expect(repaired.value.report.practicesMoved).toBeLessThan(102);
    const moved = repaired.value.report.practicesMoved / gm.real.assignment.size;
    // A practice keeps its network under a fresh clustering only if the new network is the one matched to its old one.
    const matched = new Map<string, string>();
    const overlap = new Map<string, number>();
    for (const p of gm.practices) {
      const a = gm.real.assignment.get(p.code);
      const b = scratch.value.assignment.get(p.code);
      if (a && b) overlap.set(`${a}|${b}`, (overlap.get(`${a}|${b}`) ?? 0) + 1);
    }
    const usedB = new Set<string>();
    let kept = 0;
    for (const [key, n] of [...overlap].sort((x, y) => y[1] - x[1])) {
      const [a, b] = key.split('|');
      if (matched.has(a) || usedB.has(b)) continue;
      matched.set(a, b);
      usedB.add(b);
      kept += n;
    }
    const changedFromScratch = 1 - kept / gm.real.assignment.size;
    expect(moved).toBeLessThan(changedFromScratch);
  });

  it('repair moves nothing when the plan is already valid', () => {
    const first = clusterPlan({ practices: gm.practices, tessellation: gm.tessellation, band, seed: 2 });
    if (!first.ok) throw new Error('failed');
    const again = clusterPlan({
      practices: gm.practices,
      tessellation: gm.tessellation,
      band,
      seed: 5,
      assignment: first.value.assignment,
      networks: first.value.networks,
      repair: true,
    });
    if (!again.ok) throw new Error('failed');
    expect(again.value.moves).toEqual([]);
  });

  it('keeps networks inside boroughs when the local authorities are hard boundaries', () => {
    const areas = parseHardAreas(
      read('gm_local_authorities_2023_bgc.geojson'),
      'gm_local_authorities_2023_bgc.geojson',
      'lad23nm',
    );
    if (!areas.ok) throw new Error('areas did not parse');
    expect(areas.value.length).toBe(10);
    const res = clusterPlan({
      practices: gm.practices,
      tessellation: gm.tessellation,
      band,
      seed: 1,
      hardAreas: areas.value,
    });
    if (!res.ok) throw new Error('failed');
    const ours = figures(gm.practices, gm.tessellation, res.value.networks, res.value.assignment);
    expect(ours.nonContiguous).toEqual([]);
    const flagged = new Set<string>(res.value.report.unavoidable.map((u) => u.networkId));
    for (const id of ours.outOfBand) expect(flagged.has(id)).toBe(true);
    // Each network's practices fall in one borough (by the CCG of 2022, coterminous with the boroughs).
    const rows = Papa.parse<Record<string, string>>(read('gm_practices_2022-01.csv'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const ccgOf = new Map(rows.map((r) => [r.practice_code, r.ccg_code]));
    const boroughsPerNetwork = new Map<string, Set<string>>();
    for (const p of gm.practices) {
      const id = res.value.assignment.get(p.code) as string;
      if (!boroughsPerNetwork.has(id)) boroughsPerNetwork.set(id, new Set());
      boroughsPerNetwork.get(id)?.add(ccgOf.get(p.code) ?? '');
    }
    const crossing = [...boroughsPerNetwork.values()].filter((s) => s.size > 1).length;
    // Postcode centroids near a borough edge may fall on the other side of the generalised line.
    expect(crossing).toBeLessThanOrEqual(3);
  });
});

describe('auto-cluster on England (real 2022 data)', () => {
  it('is more compact than the real 2022 PCNs and keeps every network contiguous', () => {
    const england = load('england_practices_2022-01.csv', 'england_icb_2022_ultragen.geojson');
    const res = clusterPlan({ practices: england.practices, tessellation: england.tessellation, band, seed: 1 });
    if (!res.ok) throw new Error('failed');
    const ours = figures(england.practices, england.tessellation, res.value.networks, res.value.assignment);
    const real = figures(england.practices, england.tessellation, england.real.networks, england.real.assignment);
    expect(ours.meanPP).toBeGreaterThanOrEqual(real.meanPP);
    expect(ours.nonContiguous.length).toBeLessThanOrEqual(real.nonContiguous.length);
    const flagged = new Set<string>(res.value.report.unavoidable.map((u) => u.networkId));
    for (const id of ours.outOfBand) expect(flagged.has(id)).toBe(true);
    expect(res.value.report.shareInBand).toBeGreaterThan(0.98);
  });
});
