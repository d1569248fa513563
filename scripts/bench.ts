// `npm run bench`: speed of the planning engine on the national table (6,452 practices, 1,234
// real PCNs, England boundary dissolved from the ICB polygons), beside the same work done with
// plain Turf; then the compiled command line as whole processes (national and 100,000 synthetic
// practices, scripts/bench-cli.ts); then the auto-cluster section. Prints one JSON object.
// The small-area section follows the engine's (scripts/bench-small-areas.ts).
// Figures, not pass/fail. `--engine-only` skips the auto-cluster section, `--cli-only` runs only
// the command-line section, `--small-areas-only` only the small-area section, `--compare-only`
// only the comparison of two plans (scripts/bench-compare.ts), `--deprivation-only` only the
// population health section (scripts/bench-deprivation.ts).
import { featureCollection, point, union, voronoi } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { buildTessellation } from '../src/core/geometry';
import { assignmentFromTable, parseBoundary, parsePractices } from '../src/core/io';
import { DEFAULT_BAND, type NetworkId } from '../src/core/model';
import { evaluatePlan, updatePlan } from '../src/core/plan';
import { benchCli } from './bench-cli';
import { benchCluster } from './bench-cluster';
import { benchCompare } from './bench-compare';
import { benchDeprivation } from './bench-deprivation';
import { benchSmallAreas } from './bench-small-areas';
import { firstAndMedian, parkMiller, quantile, readShared } from './bench-util';

const read = readShared;

let peakRss = 0,
  peakHeap = 0;
const sampleMemory = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};
const memTimer = setInterval(sampleMemory, 5);
const ms = (x: number) => Math.round(x * 1000) / 1000;
function time<T>(f: () => T): [T, number] {
  const s = performance.now();
  const v = f();
  sampleMemory();
  return [v, performance.now() - s];
}

function benchEngine() {
  const pr = parsePractices(read('england_practices_2022-01.csv'), 'england_practices_2022-01.csv');
  const br = parseBoundary(read('england_icb_2022_ultragen.geojson'), 'england_icb_2022_ultragen.geojson');
  if (!pr.ok || !br.ok) throw new Error('cannot read the national data in ../shared/data');
  const practices = pr.value.practices;
  const { assignment, networks } = assignmentFromTable(pr.value);
  const input = { practices, networks, assignment, band: DEFAULT_BAND };

  const runs: { cellsMs: number; footprintsMs: number }[] = [];
  let plan = null as ReturnType<typeof evaluatePlan> | null;
  for (let i = 0; i < 5; i++) {
    const [t, cellsMs] = time(() => buildTessellation(practices, br.value));
    const [p, footprintsMs] = time(() => evaluatePlan(input, t));
    plan = p;
    runs.push({ cellsMs, footprintsMs });
  }
  const totals = runs.map((r) => r.cellsMs + r.footprintsMs);

  // One practice moved between networks, 1,000 times (seeded).
  const rand = parkMiller(42);
  const moveMs: number[] = [];
  let current = plan!;
  for (let k = 0; k < 1000; k++) {
    const p = practices[Math.floor(rand() * practices.length)];
    const to = networks[Math.floor(rand() * networks.length)].id;
    const next = new Map(current.input.assignment).set(p.code, to);
    const [r, dt] = time(() => updatePlan(current, { ...current.input, assignment: next }, [p.code]));
    current = r;
    moveMs.push(dt);
  }

  // The same work as a user would do it with plain Turf: turf.voronoi in degrees over the
  // distinct points, then turf.union per network (no clipping: turf.intersect per cell would
  // add ~18 ms a cell).
  const seen = new Map<string, number>();
  const points = practices.flatMap((p) => {
    const key = `${p.lon},${p.lat}`;
    if (seen.has(key)) return [];
    seen.set(key, seen.size);
    return [point([p.lon, p.lat])];
  });
  let turfCellsMs = NaN,
    turfUnionMs = NaN,
    turfError: string | null = null,
    nullCells = 0;
  try {
    const [cells, dtCells] = time(() => voronoi(featureCollection(points), { bbox: [-6.5, 49.8, 2.0, 55.9] }));
    turfCellsMs = dtCells;
    nullCells = cells.features.filter((f) => !f).length;
    const members = new Map<NetworkId, Feature<Polygon>[]>();
    practices.forEach((p) => {
      const id = assignment.get(p.code);
      const cell = cells.features[seen.get(`${p.lon},${p.lat}`)!];
      if (!id || !cell) return;
      const list = members.get(id) ?? [];
      if (!list.includes(cell)) list.push(cell);
      members.set(id, list);
    });
    const [, dtUnion] = time(() => {
      for (const list of members.values()) {
        if (list.length > 1) union(featureCollection<Polygon | MultiPolygon>(list));
      }
    });
    turfUnionMs = dtUnion;
  } catch (e) {
    turfError = e instanceof Error ? e.message : String(e);
  }
  const oursMedian = quantile(totals, 0.5);
  return {
    data: { practices: practices.length, sites: plan!.tessellation.sites.length, networks: networks.length },
    cellsAndAdjacencyMs: firstAndMedian(
      runs.map((r) => r.cellsMs),
      3,
    ),
    allFootprintsMs: firstAndMedian(
      runs.map((r) => r.footprintsMs),
      3,
    ),
    cellsPlusFootprintsMs: { first: ms(totals[0]), median: ms(oursMedian), target: 500 },
    moveOnePracticeMs: {
      median: ms(quantile(moveMs, 0.5)),
      p95: ms(quantile(moveMs, 0.95)),
      max: ms(Math.max(...moveMs)),
      moves: moveMs.length,
      targetMedian: 1,
      targetP95: 2,
    },
    plainTurf: {
      voronoiMs: ms(turfCellsMs),
      unionPerNetworkMs: ms(turfUnionMs),
      totalMs: ms(turfCellsMs + turfUnionMs),
      nullCells,
      error: turfError,
      note: 'turf.voronoi in raw degrees + turf.union per network, without clipping to the boundary',
      ratioTurfOverOurs: ms((turfCellsMs + turfUnionMs) / oursMedian),
    },
  };
}

const deprivationOnly = process.argv.includes('--deprivation-only');
if (deprivationOnly) {
  console.log(JSON.stringify({ deprivation: benchDeprivation() }, null, 2));
  process.exit(0);
}
const compareOnly = process.argv.includes('--compare-only');
const cliOnly = process.argv.includes('--cli-only');
const smallAreasOnly = process.argv.includes('--small-areas-only');
const engine = cliOnly || smallAreasOnly || compareOnly ? null : benchEngine();
const smallAreas = cliOnly || compareOnly ? null : benchSmallAreas(sampleMemory);
const cli = smallAreasOnly || compareOnly ? null : await benchCli();
const cluster =
  cliOnly || smallAreasOnly || compareOnly || process.argv.includes('--engine-only') ? null : benchCluster();
const compare = cliOnly || smallAreasOnly ? null : benchCompare();
const deprivation = cliOnly || compareOnly ? null : benchDeprivation();
clearInterval(memTimer);
sampleMemory();
console.log(
  JSON.stringify(
    {
      engine,
      smallAreas,
      cli,
      cluster,
      compare,
      deprivation,
      peakMemoryMB: { rss: Math.round(peakRss / 2 ** 20), heapUsed: Math.round(peakHeap / 2 ** 20) },
      node: process.version,
    },
    null,
    2,
  ),
);
