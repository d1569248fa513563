// `pcn cluster`: proposes contiguous networks inside the population band (from scratch, or by
// repairing the plan in the practices file), writes them in the networks schema and prints the
// run's figures (share in band, contiguity, compactness, populations, moves, unavoidable cases).
import type { Band, Issue, Network, NetworkId, PracticeCode } from '../core/model';
import { buildTessellation } from '../core/geometry';
import {
  assignmentFromTable,
  farPracticeWarnings,
  parseBoundary,
  parsePractices,
  toAssignmentCsv,
  toMovesCsv,
  toNetworksGeoJSON,
} from '../core/io';
import { evaluatePlan } from '../core/plan';
import {
  CLUSTER_SCOPE,
  clusterPlan,
  parseHardAreas,
  type ClusterReport,
  type ClusterScope,
  type HardArea,
} from '../core/cluster';
import { OPTION_KIND, type Command, type CommandSpec, type ParsedArgs } from './args';
import {
  CRS_OPTION,
  POSTCODES_OPTION,
  crsArg,
  practiceOptions,
  readInput,
  OUT_CRS_OPTION,
  outCrs,
  outCrsArg,
  outFormatProblem,
} from './read-input';
import {
  EXIT,
  failInput,
  formatCount,
  plural,
  sameFileProblem,
  writeAndReport,
  readFailures,
  type CliIO,
  type ExitCode,
  type OutputFile,
} from './io';
import { implausibleListSizeLines, noFootprintReasonOf, planSummaryLines } from './summary';
import { encodeFeatures } from '../core/io/write-output';
import { practiceCore20 } from '../core/deprivation';
import {
  DEPRIVATION_OPTION,
  deprivationSummaryLines,
  deprivationUsage,
  planDeprivation,
  readDeprivationInputs,
  withDeprivation,
} from './deprivation';

const clusterSpec: CommandSpec = {
  name: 'cluster',
  summary: 'Propose contiguous networks inside the band, from scratch or by repairing a plan.',
  description: [
    'Partitions the practices into networks that are connected in the cell adjacency graph (one polygon each),',
    'hold a population inside --min..--max and are as compact as possible. The number of networks is about',
    'total / --target, or exactly --count. Deterministic for a given --seed.',
    '',
    'With --repair the plan named by --network-field is the starting point: networks already in band and',
    'contiguous are kept where possible, and as few practices as possible move; every move is reported',
    '(--moves-out). Locked networks (--lock) are never changed. --within names a polygon layer (local',
    'authorities, sub-ICB areas...) that no network may cross. Cases that cannot be fixed (a practice above',
    'the maximum, a cut-off group below the minimum) are listed, never hidden.',
    '',
    'With --registrations and --deprivation each network gets its Core20 share and IMD figures (as footprints',
    'writes them) and the spread of Core20 shares is reported beside compactness; --balance-deprivation WEIGHT',
    "also makes the final compactness moves keep each network's Core20 share near the area's.",
  ],
  options: [
    {
      name: 'practices',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      required: true,
      description: 'Practices: GeoJSON Points or CSV with longitude/latitude columns.',
    },
    {
      name: 'boundary',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      description: "Study area: GeoJSON (Multi)Polygon(s). Omitted: the practices' convex hull plus a margin.",
    },
    {
      name: 'within',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      description: 'Hard boundaries: GeoJSON (Multi)Polygon features no network may cross.',
    },
    {
      name: 'within-field',
      kind: OPTION_KIND.text,
      valueName: 'FIELD',
      description: 'Property naming the area of each --within feature (features with one value form one area).',
    },
    {
      name: 'network-field',
      kind: OPTION_KIND.text,
      valueName: 'FIELD',
      description: 'Column/property of the practices file holding the current network, e.g. pcn_code.',
    },
    {
      name: 'repair',
      kind: OPTION_KIND.flag,
      description: 'Repair the current plan (needs --network-field) instead of clustering from scratch.',
    },
    {
      name: 'lock',
      kind: OPTION_KIND.text,
      valueName: 'ID,ID',
      description: 'Network ids to keep exactly as they are (needs --network-field).',
    },
    {
      name: 'scope',
      kind: OPTION_KIND.text,
      valueName: 'all|unassigned|unlocked',
      description:
        'Which practices to cluster: all, only those with no network, or all but locked networks (default all).',
    },
    {
      name: 'min',
      kind: OPTION_KIND.wholeNumber,
      valueName: 'N',
      defaultValue: 30_000,
      description: 'Lowest population of a network in band.',
    },
    {
      name: 'max',
      kind: OPTION_KIND.wholeNumber,
      valueName: 'N',
      defaultValue: 50_000,
      description: 'Highest population of a network in band.',
    },
    {
      name: 'target',
      kind: OPTION_KIND.wholeNumber,
      valueName: 'N',
      description: 'Aimed-for network population (default: the middle of the band).',
    },
    {
      name: 'count',
      kind: OPTION_KIND.wholeNumber,
      valueName: 'N',
      description: 'Make exactly N networks instead of about total / target.',
    },
    {
      name: 'seed',
      kind: OPTION_KIND.wholeNumber,
      valueName: 'N',
      defaultValue: 1,
      description: 'Seed of the random start; the same seed gives the same plan.',
    },
    {
      name: 'out',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      required: true,
      description: 'Where to write the networks GeoJSON (see README "Output schema").',
    },
    {
      name: 'assignment-out',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      description: 'Also write the assignment CSV practice_code,practice_name,population,network_id,network_name.',
    },
    {
      name: 'moves-out',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      description: 'Also write the moves CSV practice_code,practice_name,population,from_network_id,to_network_id.',
    },
    {
      name: 'registrations',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      description:
        'NHS Digital registered patients by practice and LSOA (CSV: PRACTICE_CODE, LSOA_CODE, NUMBER_OF_PATIENTS): what --deprivation counts.',
    },
    DEPRIVATION_OPTION,
    {
      name: 'balance-deprivation',
      kind: OPTION_KIND.text,
      valueName: 'WEIGHT',
      description:
        "Weight (a number >= 0, e.g. 1) of keeping each network's Core20 share near the area's in the final compactness moves (from scratch only; default 0: off). Needs --deprivation.",
    },
    POSTCODES_OPTION,
    CRS_OPTION,
    OUT_CRS_OPTION,
  ],
  examples: [
    'npm run pcn -- cluster --practices data/demo-practices.geojson --boundary data/demo-boundary.geojson \\',
    '    --out clustered.geojson --assignment-out clustered.csv',
    'npm run pcn -- cluster --practices data/demo-practices.geojson --boundary data/demo-boundary.geojson \\',
    '    --network-field pcn_code --repair --out repaired.geojson --moves-out moves.csv',
  ],
};

function checkUsage(args: ParsedArgs, io: CliIO): string | null {
  const min = args.numbers.get('min')!;
  const max = args.numbers.get('max')!;
  if (min > max) return `--min ${min} is greater than --max ${max}`;
  const networkField = args.text.get('network-field');
  if (args.flags.has('repair') && networkField === undefined)
    return '--repair needs --network-field FIELD naming the current network of each practice';
  if (args.text.has('lock') && networkField === undefined)
    return '--lock needs --network-field FIELD (the locked ids are network ids of that field)';
  if (args.text.has('within-field') && !args.text.has('within')) return '--within-field needs --within FILE';
  if (args.flags.has('repair') && args.numbers.has('count'))
    return '--count cannot be combined with --repair (repair keeps the existing networks)';
  const scope = args.text.get('scope');
  if (scope !== undefined && !Object.values(CLUSTER_SCOPE).includes(scope as ClusterScope)) {
    return `--scope must be one of ${Object.values(CLUSTER_SCOPE).join(', ')}, got "${scope}"`;
  }
  if (args.numbers.get('count') === 0) return '--count must be at least 1';
  const deprivation = deprivationUsage(args);
  if (deprivation) return deprivation;
  if (args.text.has('registrations') && !args.text.has('deprivation'))
    return '--registrations needs --deprivation FILE (on cluster the registrations are only used to count patients by deprivation)';
  const weight = args.text.get('balance-deprivation');
  if (weight !== undefined) {
    if (!args.text.has('deprivation')) return '--balance-deprivation needs --deprivation FILE and --registrations FILE';
    if (balanceWeight(weight) === null) return `--balance-deprivation must be a number >= 0, e.g. 1, got "${weight}"`;
    if (args.flags.has('repair'))
      return '--balance-deprivation cannot be combined with --repair (repair moves as few practices as possible and makes no compactness moves)';
  }
  if (args.numbers.get('target') === 0) return '--target must be at least 1';
  const outputs = ['out', 'assignment-out', 'moves-out'].filter((o) => args.text.has(o));
  const crs = crsArg(args);
  if ('usage' in crs) return crs.usage;
  const written = outCrsArg(args);
  if ('usage' in written) return written.usage;
  const inputs = ['practices', 'boundary', 'within', 'postcodes', 'registrations', 'deprivation'].filter((o) =>
    args.text.has(o),
  );
  return sameFileProblem(io, outputs, inputs, args.text) ?? outFormatProblem(args);
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const pctOrNa = (x: number | null) => (x === null ? 'n/a' : pct(x));

/** The --balance-deprivation weight, or null when it is not a number >= 0. */
function balanceWeight(text: string): number | null {
  const w = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(w) && w >= 0 ? w : null;
}

/** The figures of one run, e.g. "In band 30,000-50,000: 79 of 80 (98.8%)". */
function clusterReportLines(report: ClusterReport, band: Band): string[] {
  const lines = [
    `Networks: ${formatCount(report.networks)}; in band ${formatCount(band.min)}-${formatCount(band.max)}: ${formatCount(report.inBand)} (${pct(report.shareInBand)}); contiguous: ${formatCount(report.contiguous)} (${pct(report.shareContiguous)})`,
    `Polsby-Popper: mean ${report.meanPolsbyPopper.toFixed(3)}, min ${report.minPolsbyPopper.toFixed(3)}`,
    ...(report.core20 ? [core20Line(report.core20)] : []),
    `Population: min ${formatCount(report.populationMin)}, median ${formatCount(report.populationMedian)}, max ${formatCount(report.populationMax)}`,
    `Practices moved: ${formatCount(report.practicesMoved)}; newly assigned: ${formatCount(report.practicesAssigned)}` +
      (report.practicesMoved > 0 || report.movesUndone > 0
        ? `; moves undone as not needed: ${formatCount(report.movesUndone)}`
        : ''),
    `Runtime: ${formatCount(report.runtimeMs)} ms`,
    `Out of band, reported: ${formatCount(report.unavoidable.length)}`,
    ...report.unavoidable.map((u) => `  ${u.message}`),
  ];
  return lines;
}

function core20Line(s: NonNullable<ClusterReport['core20']>): string {
  const sd = s.standardDeviation === null ? 'n/a' : `${(100 * s.standardDeviation).toFixed(1)} points`;
  const balance = s.balanceWeight > 0 ? `balanced with weight ${s.balanceWeight}` : 'not balanced';
  return `Core20 share: min ${pctOrNa(s.min)}, median ${pctOrNa(s.median)}, max ${pctOrNa(s.max)}, standard deviation ${sd} (area ${pctOrNa(s.areaShare)}; ${balance})`;
}

async function runCluster(args: ParsedArgs, io: CliIO): Promise<ExitCode> {
  const usage = checkUsage(args, io);
  if (usage) {
    io.stderr(`cluster: ${usage}\nRun "npm run pcn -- cluster --help" for the options.\n`);
    return EXIT.usage;
  }
  const band: Band = { min: args.numbers.get('min')!, max: args.numbers.get('max')! };
  const networkField = args.text.get('network-field');
  const boundaryFile = args.text.get('boundary');
  const withinFile = args.text.get('within');

  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const stated = crsArg(args);
  const crs = 'crs' in stated ? stated.crs : undefined;
  const practicesRead = await readInput(io, args.text.get('practices')!, '--practices', warnings, crs);
  const boundaryRead =
    boundaryFile === undefined ? null : await readInput(io, boundaryFile, '--boundary', warnings, crs);
  const withinRead = withinFile === undefined ? null : await readInput(io, withinFile, '--within', warnings, crs);
  const unreadable = readFailures(practicesRead, boundaryRead, withinRead);
  if (unreadable.length || !practicesRead.ok) return failInput(io, [], warnings, unreadable);
  const extra = await practiceOptions(io, args, practicesRead.value.text, warnings);
  if (!extra.ok) return failInput(io, extra.errors, warnings);

  const practicesResult = parsePractices(practicesRead.value.text, practicesRead.value.fileName, {
    ...extra.value,
    ...(networkField && { fields: { network: networkField } }),
  });
  warnings.push(...practicesResult.warnings.filter((w) => networkField !== undefined || w.code !== 'noNetwork'));
  if (!practicesResult.ok) errors.push(...practicesResult.errors);
  let boundary = null;
  if (boundaryRead?.ok) {
    const result = parseBoundary(boundaryRead.value.text, boundaryRead.value.fileName);
    warnings.push(...result.warnings);
    if (result.ok) boundary = result.value;
    else errors.push(...result.errors);
  }
  let hardAreas: HardArea[] | null = null;
  if (withinRead?.ok) {
    const result = parseHardAreas(withinRead.value.text, withinRead.value.fileName, args.text.get('within-field'));
    warnings.push(...result.warnings);
    if (result.ok) hardAreas = result.value;
    else errors.push(...result.errors);
  }
  const failures: Issue[] = [];
  const deprivation = readDeprivationInputs(io, args, errors, warnings, failures);
  if (!practicesResult.ok || errors.length || failures.length) return failInput(io, errors, warnings, failures);

  const table = practicesResult.value;
  const practices = table.practices;
  let assignment: ReadonlyMap<PracticeCode, NetworkId> = new Map();
  let networks: readonly Network[] = [];
  if (networkField !== undefined) ({ assignment, networks } = assignmentFromTable(table));
  const lock = (args.text.get('lock') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean) as NetworkId[];

  if (!boundary) warnings.push(...farPracticeWarnings(practices, practicesRead.value.fileName));
  const tessellation = buildTessellation(practices, boundary);
  const result = clusterPlan({
    practices,
    tessellation,
    band,
    scope: (args.text.get('scope') ?? 'all') as ClusterScope,
    assignment,
    networks,
    lockedNetworkIds: lock,
    hardAreas,
    targetSize: args.numbers.get('target'),
    count: args.numbers.get('count'),
    seed: args.numbers.get('seed'),
    repair: args.flags.has('repair'),
    deprivation: deprivation && {
      ...practiceCore20(
        deprivation.profile,
        practices.map((p) => p.code),
      ),
      balanceWeight: balanceWeight(args.text.get('balance-deprivation') ?? '0') ?? 0,
    },
  });
  if (!result.ok) return failInput(io, result.errors, warnings);
  warnings.push(...result.warnings);
  const run = result.value;

  const plan = evaluatePlan({ practices, networks: run.networks, assignment: run.assignment, band }, tessellation);
  const figures = deprivation ? planDeprivation(deprivation, plan.input) : null;
  const networksFc = toNetworksGeoJSON([...plan.networks.values()], band);
  const outputs: OutputFile[] = [
    {
      file: args.text.get('out')!,
      text: encodeFeatures(
        figures ? withDeprivation(networksFc, figures) : networksFc,
        args.text.get('out')!,
        outCrs(args),
      ),
    },
  ];
  const assignmentOut = args.text.get('assignment-out');
  if (assignmentOut !== undefined)
    outputs.push({ file: assignmentOut, text: toAssignmentCsv(practices, run.assignment, run.networks) });
  const movesOut = args.text.get('moves-out');
  if (movesOut !== undefined) {
    const byCode = new Map(practices.map((p) => [p.code as string, p]));
    const rows = run.moves.map((m) => ({
      practiceCode: m.practiceCode,
      practiceName: byCode.get(m.practiceCode)?.name ?? '',
      population: byCode.get(m.practiceCode)?.listSize ?? 0,
      from: m.from,
      to: m.to,
    }));
    outputs.push({ file: movesOut, text: toMovesCsv(rows) });
  }

  const mode = args.flags.has('repair')
    ? `repair of ${networkField}`
    : `from scratch (scope ${args.text.get('scope') ?? 'all'})`;
  const lines = [
    `Practices: ${formatCount(practices.length)} at ${plural(tessellation.sites.length, 'site')}, from ${practicesRead.value.fileName}`,
    ...implausibleListSizeLines(practices),
    `Clustering: ${mode}, seed ${args.numbers.get('seed')}${hardAreas ? `, within ${plural(hardAreas.length, 'area')} of ${withinRead?.ok ? withinRead.value.fileName : ''}` : ''}${lock.length ? `, locked: ${lock.join(', ')}` : ''}`,
    ...clusterReportLines(run.report, band),
    'Footprints as built by the engine:',
    ...planSummaryLines(plan, noFootprintReasonOf(plan)).map((l) => `  ${l}`),
    ...(figures && deprivation ? deprivationSummaryLines(figures, deprivation) : []),
  ];
  return writeAndReport(io, warnings, outputs, lines);
}

export const clusterCommand: Command = { spec: clusterSpec, run: runCluster };
