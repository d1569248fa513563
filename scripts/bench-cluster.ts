// Auto-cluster benchmark on real data (../shared/data): Greater Manchester and England.
// For each area: the real 2022 PCN configuration, our clustering from scratch, a simple greedy
// region-growing baseline, and the repair of the real plan, all measured the same way (footprints
// by the engine's evaluatePlan). Prints JSON. Run alone (`tsx scripts/bench-cluster.ts`) or as
// the "cluster" section of `npm run bench`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterPlan, greedyBaseline } from '../src/core/cluster';
import { buildTessellation } from '../src/core/geometry';
import { assignmentFromTable, parseBoundary, parsePractices } from '../src/core/io';
import { DEFAULT_BAND, type Assignment, type Band, type Network, type Practice } from '../src/core/model';
import { evaluatePlan } from '../src/core/plan';

const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = path.resolve(here, '../../shared/data');
const read = (file: string) => readFileSync(path.join(dataDir, file), 'utf8');

function unwrap<T>(r: { ok: true; value: T } | { ok: false; errors: readonly { message: string }[] }, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.value;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Figures of a plan as the engine builds it (evaluatePlan), the same for every configuration. */
function planFigures(
  practices: readonly Practice[],
  t: ReturnType<typeof buildTessellation>,
  networks: readonly Network[],
  assignment: Assignment,
  band: Band,
) {
  const plan = evaluatePlan({ practices, networks, assignment, band }, t);
  const nets = [...plan.networks.values()].filter((n) => n.practiceCount > 0);
  const pp = nets.map((n) => n.polsbyPopper);
  const pops = nets.map((n) => n.population).sort((a, b) => a - b);
  const inBand = nets.filter((n) => n.band === 'within').length;
  const contiguous = nets.filter((n) => n.parts === 1).length;
  return {
    networks: nets.length,
    shareInBand: round(inBand / nets.length),
    below: nets.filter((n) => n.band === 'below').length,
    above: nets.filter((n) => n.band === 'above').length,
    shareContiguous: round(contiguous / nets.length),
    meanPolsbyPopper: round(pp.reduce((s, x) => s + x, 0) / pp.length),
    minPolsbyPopper: round(Math.min(...pp)),
    populationMin: pops[0],
    populationMedian: pops[Math.floor(pops.length / 2)],
    populationMax: pops[pops.length - 1],
  };
}

/** Share of practices whose network changes from `a` to `b`, matching networks one-to-one by overlap. */
function shareChanged(practices: readonly Practice[], a: Assignment, b: Assignment): number {
  const overlap = new Map<string, number>();
  for (const p of practices) {
    const x = a.get(p.code);
    const y = b.get(p.code);
    if (x === undefined || y === undefined) continue;
    const key = `${x}\u0000${y}`;
    overlap.set(key, (overlap.get(key) ?? 0) + 1);
  }
  const pairs = [...overlap].sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1));
  const usedA = new Set<string>();
  const usedB = new Set<string>();
  let kept = 0;
  for (const [key, n] of pairs) {
    const [x, y] = key.split('\u0000');
    if (usedA.has(x) || usedB.has(y)) continue;
    usedA.add(x);
    usedB.add(y);
    kept += n;
  }
  const both = practices.filter((p) => a.has(p.code) && b.has(p.code)).length;
  return round(1 - kept / both);
}

function benchArea(name: string, practicesFile: string, boundaryText: string, boundaryName: string, band: Band) {
  const table = unwrap(
    parsePractices(read(practicesFile), practicesFile, { fields: { network: 'pcn_code' } }),
    practicesFile,
  );
  const practices = table.practices;
  const boundary = unwrap(parseBoundary(boundaryText, boundaryName), boundaryName);
  const real = assignmentFromTable(table);
  const t0 = performance.now();
  const t = buildTessellation(practices, boundary);
  const tessellationMs = performance.now() - t0;

  const runs = [1, 2, 3].map((seed) => {
    const started = performance.now();
    const res = unwrap(clusterPlan({ practices, tessellation: t, band, seed }), `cluster ${name}`);
    return { seed, ms: performance.now() - started, res };
  });
  const best = runs[0];
  const greedy = greedyBaseline({ practices, tessellation: t, band });
  const repairStarted = performance.now();
  const repair = unwrap(
    clusterPlan({
      practices,
      tessellation: t,
      band,
      seed: 1,
      assignment: real.assignment,
      networks: real.networks,
      repair: true,
    }),
    `repair ${name}`,
  );
  const repairMs = performance.now() - repairStarted;

  return {
    area: name,
    practices: practices.length,
    sites: t.sites.length,
    tessellationMs: Math.round(tessellationMs),
    real2022: planFigures(practices, t, real.networks, real.assignment, band),
    clustering: {
      ...planFigures(practices, t, best.res.networks, best.res.assignment, band),
      runtimeMs: Math.round(best.ms),
      runtimeMsBySeed: runs.map((r) => Math.round(r.ms)),
      meanPolsbyPopperBySeed: runs.map((r) => round(r.res.report.meanPolsbyPopper)),
      reported: best.res.report.unavoidable.map((u) => `${u.networkId} ${u.band} ${u.population} ${u.reason}`),
      shareOfPracticesChangedVsReal: shareChanged(practices, real.assignment, best.res.assignment),
    },
    greedyBaseline: {
      ...planFigures(practices, t, greedy.networks, greedy.assignment, band),
      runtimeMs: Math.round(greedy.report.runtimeMs),
    },
    repairOfReal: {
      ...planFigures(practices, t, repair.networks, repair.assignment, band),
      runtimeMs: Math.round(repairMs),
      practicesMoved: repair.report.practicesMoved,
      shareOfPracticesMoved: round(repair.report.practicesMoved / real.assignment.size),
      practicesNewlyAssigned: repair.report.practicesAssigned,
      reported: repair.report.unavoidable.map((u) => `${u.networkId} ${u.band} ${u.population} ${u.reason}`),
    },
  };
}

export function benchCluster(band: Band = DEFAULT_BAND) {
  return {
    band,
    greaterManchester: benchArea(
      'Greater Manchester',
      'gm_practices_2022-01.csv',
      read('gm_combined_authority_2023_bgc.geojson'),
      'gm_combined_authority_2023_bgc.geojson',
      band,
    ),
    england: benchArea(
      'England',
      'england_practices_2022-01.csv',
      read('england_icb_2022_ultragen.geojson'),
      'england_icb_2022_ultragen.geojson',
      band,
    ),
  };
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) process.stdout.write(`${JSON.stringify(benchCluster(), null, 2)}\n`);
