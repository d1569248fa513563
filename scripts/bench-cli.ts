// The command line as whole processes, for `npm run bench` (section "cli") or alone with
// `tsx scripts/bench-cli.ts`: compiles dist-cli/pcn.js afresh (scripts/build-cli.mjs) and the
// plain-Turf version of the footprints job (scripts/plain-turf-footprints.ts) into a temporary
// folder, then times each run from spawn to exit, with the child's peak memory (maxRSS):
// `pcn --help`; national footprints beside plain Turf (the same job: cells clipped to the
// boundary, one footprint per network), alternating, in the same run (plain Turf only in the
// first three rounds: it takes about 10x longer); and
// 100,000 synthetic practices (lon -5..1.7, lat 50..55.5): footprints and auto-cluster.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(root, '../shared/data');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x);

/** Runs `node [--import hook] script args` and returns its wall time and peak memory. */
function timeProcess(dir: string, args: string[], withMemory = true) {
  const rssFile = path.join(dir, 'rss.txt');
  rmSync(rssFile, { force: true });
  const nodeArgs = withMemory ? ['--import', path.join(dir, 'rss-hook.mjs'), ...args] : args;
  const started = performance.now();
  const r = spawnSync(process.execPath, nodeArgs, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PCN_BENCH_RSS_FILE: rssFile },
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const usage = withMemory
    ? (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRSS: number; cpuMicros: number })
    : null;
  const maxRssMB = usage ? round(usage.maxRSS / 1024) : NaN;
  const cpuMs = usage ? round(usage.cpuMicros / 1000) : NaN;
  return { ms, maxRssMB, cpuMs, stdout: r.stdout };
}

/** 100,000 practices spread evenly over lon -5..1.7, lat 50..55.5 (seeded), each in a grid-square network. */
function syntheticCsv(count: number): string {
  let seed = 12345;
  const rand = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const lines = ['practice_code,practice_name,longitude,latitude,registered_patients,pcn_code'];
  for (let i = 0; i < count; i++) {
    const lon = -5 + 6.7 * rand();
    const lat = 50 + 5.5 * rand();
    const network = `N${Math.floor((lon + 5) / 0.05)}_${Math.floor((lat - 50) / 0.04)}`;
    lines.push(
      `S${String(i).padStart(6, '0')},Synthetic ${i},${lon.toFixed(6)},${lat.toFixed(6)},${1000 + Math.floor(rand() * 16000)},${network}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export async function benchCli(runs = 5, turfRuns = 3) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pcn-bench-cli-'));
  try {
    const built = spawnSync(process.execPath, [path.join(root, 'scripts/build-cli.mjs'), dir], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`build-cli failed: ${built.stderr}`);
    await build({
      entryPoints: [path.join(root, 'scripts/plain-turf-footprints.ts')],
      outfile: path.join(dir, 'plain-turf.js'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
    });
    writeFileSync(
      path.join(dir, 'rss-hook.mjs'),
      "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); writeFileSync(process.env.PCN_BENCH_RSS_FILE, JSON.stringify({ maxRSS: u.maxRSS, cpuMicros: u.userCPUTime + u.systemCPUTime })); });\n",
    );
    const pcn = path.join(dir, 'pcn.js');

    const help = Array.from({ length: 10 }, () => timeProcess(dir, [pcn, '--help'], false).ms);

    const practices = path.join(dataDir, 'england_practices_2022-01.csv');
    const boundary = path.join(dataDir, 'england_icb_2022_ultragen.geojson');
    const ours: ReturnType<typeof timeProcess>[] = [];
    const turf: ReturnType<typeof timeProcess>[] = [];
    for (let i = 0; i < runs; i++) {
      ours.push(
        timeProcess(dir, [
          pcn,
          'footprints',
          '--practices',
          practices,
          '--boundary',
          boundary,
          '--network-field',
          'pcn_code',
          '--out',
          'national.geojson',
        ]),
      );
      if (i < turfRuns)
        turf.push(timeProcess(dir, [path.join(dir, 'plain-turf.js'), practices, boundary, 'pcn_code', 'turf.geojson']));
    }
    const oursMs = median(ours.map((r) => r.ms));
    const turfMs = median(turf.map((r) => r.ms));

    const synthetic = path.join(dir, 'synthetic-100k.csv');
    writeFileSync(synthetic, syntheticCsv(100_000));
    const fp100k = timeProcess(dir, [
      pcn,
      'footprints',
      '--practices',
      synthetic,
      '--network-field',
      'pcn_code',
      '--out',
      'fp100k.geojson',
    ]);
    const cl100k = timeProcess(dir, [pcn, 'cluster', '--practices', synthetic, '--out', 'cl100k.geojson']);
    return {
      note:
        'whole processes (spawn to exit) of the compiled CLI, node ' +
        process.version +
        "; peak memory is the child's maxRSS; cpuMs is the child's user + system CPU time (all threads), steadier than wall time on a loaded machine",
      helpMs: { median: round(median(help)), max: round(Math.max(...help)), runs: help.length, target: 150 },
      nationalFootprints: {
        pcnMs: {
          median: round(oursMs),
          first: round(ours[0].ms),
          cpuMsMedian: median(ours.map((r) => r.cpuMs)),
          maxRssMB: Math.max(...ours.map((r) => r.maxRssMB)),
        },
        plainTurfMs: {
          median: round(turfMs),
          first: round(turf[0].ms),
          cpuMsMedian: median(turf.map((r) => r.cpuMs)),
          maxRssMB: Math.max(...turf.map((r) => r.maxRssMB)),
          note: 'the same job: boundary dissolved, cells in degrees, union per network, each footprint clipped to the boundary (turf.intersect)',
        },
        ratioTurfOverPcn: Math.round((turfMs / oursMs) * 100) / 100,
        cpuRatioTurfOverPcn:
          Math.round((median(turf.map((r) => r.cpuMs)) / median(ours.map((r) => r.cpuMs))) * 100) / 100,
        targetRatio: 5,
        runs,
        turfRuns: turf.length,
      },
      synthetic100k: {
        practices: 100_000,
        footprints: {
          ms: round(fp100k.ms),
          cpuMs: fp100k.cpuMs,
          maxRssMB: fp100k.maxRssMB,
          target: 2000,
          summary: fp100k.stdout.split('\n').find((l) => l.startsWith('Networks:')) ?? '',
        },
        cluster: {
          ms: round(cl100k.ms),
          cpuMs: cl100k.cpuMs,
          maxRssMB: cl100k.maxRssMB,
          target: 10_000,
          summary: cl100k.stdout.split('\n').find((l) => l.startsWith('Networks:')) ?? '',
        },
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) process.stdout.write(`${JSON.stringify(await benchCli(), null, 2)}\n`);
