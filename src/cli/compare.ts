// `pcn compare`: two plans of the same practices side by side. Writes the practices that moved
// (the same CSV as `cluster --moves-out`), a per-network summary and the changes as GeoJSON.
import {
  comparePlans,
  comparePlansOn,
  practiceSetIssues,
  toChangesGeoJSON,
  toNetworkChangesCsv,
  type ComparablePlan,
  type PlanComparison,
} from '../core/compare';
import {
  buildSmallAreaContext,
  evaluateSmallAreaPlan,
  layerWithin,
  type SmallAreaNetworkSummary,
} from '../core/small-areas';
import { buildTessellation } from '../core/geometry';
import { parseBoundary, parsePractices, toMovesCsv } from '../core/io';
import { DEFAULT_BAND, type Band, type Boundary, type Issue } from '../core/model';
import { evaluatePlan } from '../core/plan';
import type { Registrations } from '../core/small-areas';
import {
  DEPRIVATION_OPTION,
  deprivationChangeColumns,
  deprivationCompareLines,
  deprivationUsage,
  planDeprivation,
  readDeprivationInputs,
} from './deprivation';
import { readSmallAreaFiles } from './footprints-small-areas';
import { OPTION_KIND, type Command, type CommandSpec, type ParsedArgs } from './args';
import { CRS_OPTION, POSTCODES_OPTION, crsArg, practiceOptions, readInput } from './read-input';
import {
  EXIT,
  failInput,
  formatCount,
  plural,
  sameFileProblem,
  writeAndReport,
  readFailures,
  collectInto,
  type CliIO,
  type ExitCode,
  type OutputFile,
} from './io';
import { readPlanSource, type PlanSource } from './plan-source';
import { listIds } from './summary';

const compareSpec: CommandSpec = {
  name: 'compare',
  summary: 'Two plans side by side: which practices move, and what each network gains and loses.',
  description: [
    'Each plan is an assignment CSV (practice_code,network_id[,network_name]), a networks GeoJSON written by',
    'this project (its practice_codes) or a plan file (its open scenario, or the one named by --before-scenario /',
    '--after-scenario). Networks are matched by id: a renamed network with the same id is the same network; ids',
    'in one plan only are new or dissolved networks. Footprints are built from --practices inside --boundary for',
    'both plans, so the area a network gains or loses is exact to the practice cells. With --small-areas (and',
    '--registrations etc., as in footprints) footprints are unions of small areas and so is the area that changes hands.',
  ],
  options: [
    {
      name: 'practices',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      required: true,
      description:
        'Practices: GeoJSON Points or CSV with longitude/latitude columns (both plans are of these practices).',
    },
    {
      name: 'before',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      required: true,
      description: 'The plan before: assignment CSV, networks GeoJSON or plan file.',
    },
    {
      name: 'after',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      required: true,
      description: 'The plan after: assignment CSV, networks GeoJSON or plan file.',
    },
    {
      name: 'before-scenario',
      kind: OPTION_KIND.text,
      valueName: 'NAME',
      description: 'Scenario of the --before plan file (default: the one that was open).',
    },
    {
      name: 'after-scenario',
      kind: OPTION_KIND.text,
      valueName: 'NAME',
      description: 'Scenario of the --after plan file (default: the one that was open).',
    },
    {
      name: 'boundary',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      description: "Study area: GeoJSON (Multi)Polygon(s). Omitted: the practices' convex hull plus a margin.",
    },
    {
      name: 'small-areas',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      description:
        'Footprints from small areas (as in footprints --small-areas): GeoJSON polygons with a unique code, e.g. LSOAs.',
    },
    {
      name: 'small-area-field',
      kind: OPTION_KIND.text,
      valueName: 'FIELD',
      description: "Property holding each small area's code (default: detected).",
    },
    {
      name: 'registrations',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      description:
        'NHS Digital registrations by practice and LSOA (CSV): with --small-areas, which network each area goes to; with --deprivation, where patients live.',
    },
    {
      name: 'small-area-centroids',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      description: 'With --small-areas: population-weighted centroids (CSV: code, longitude, latitude).',
    },
    {
      name: 'within',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      description: 'With --small-areas: hard boundaries (GeoJSON polygons), as in footprints.',
    },
    {
      name: 'within-field',
      kind: OPTION_KIND.text,
      valueName: 'FIELD',
      description: 'Property naming the area of each --within feature.',
    },
    {
      name: 'min',
      kind: OPTION_KIND.wholeNumber,
      valueName: 'N',
      description: 'Lowest population in band (default: the band recorded in each plan, else 30000).',
    },
    {
      name: 'max',
      kind: OPTION_KIND.wholeNumber,
      valueName: 'N',
      description: 'Highest population in band (default: the band recorded in each plan, else 50000).',
    },
    {
      name: 'out',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      required: true,
      description: 'Practices that moved: practice_code,practice_name,population,from_network_id,to_network_id.',
    },
    {
      name: 'summary-out',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      description:
        'Per network: population, practices, area and band before and after, area changed, practices in and out.',
    },
    {
      name: 'geojson-out',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      description: 'Moved practices as points and the area each network gained and lost as polygons.',
    },
    DEPRIVATION_OPTION,
    POSTCODES_OPTION,
    CRS_OPTION,
  ],
  examples: [
    'npm run pcn -- compare --practices practices.csv --boundary area.geojson --before networks.geojson \\',
    '    --after repaired.csv --out changes.csv --summary-out networks.csv --geojson-out changes.geojson',
    'npm run pcn -- compare --practices practices.csv --before plan.json --before-scenario "Current 2022" \\',
    '    --after plan.json --after-scenario "Proposal A" --out changes.csv',
  ],
};

function checkUsage(args: ParsedArgs, io: CliIO): string | null {
  const min = args.numbers.get('min'),
    max = args.numbers.get('max');
  if ((min === undefined) !== (max === undefined)) return '--min and --max go together (the band used for both plans)';
  if (min !== undefined && max !== undefined && min > max) return `--min ${min} is greater than --max ${max}`;
  if (!args.text.has('small-areas')) {
    const needs = [
      'small-area-field',
      ...(args.text.has('deprivation') ? [] : ['registrations']),
      'small-area-centroids',
      'within',
      'within-field',
    ].find((o) => args.text.has(o));
    if (needs) return `--${needs} needs --small-areas FILE (footprints from small areas)`;
  }
  const outputs = ['out', 'summary-out', 'geojson-out'].filter((o) => args.text.has(o));
  const crs = crsArg(args);
  if ('usage' in crs) return crs.usage;
  const deprivation = deprivationUsage(args);
  if (deprivation) return deprivation;
  const inputs = [
    'practices',
    'before',
    'after',
    'boundary',
    'postcodes',
    'small-areas',
    'registrations',
    'small-area-centroids',
    'within',
    'deprivation',
  ].filter((o) => args.text.has(o));
  return sameFileProblem(io, outputs, inputs, args.text);
}

const km2 = (v: number) => `${v.toFixed(2)} km2`;

type Evaluated = ComparablePlan & { readonly inBand: number };

/** The summary on stdout: moves, networks changed / new / dissolved / renamed, area and band. */
function compareReportLines(c: PlanComparison, before: Evaluated, after: Evaluated): string[] {
  const moved = c.changes.filter((x) => x.from !== null && x.to !== null);
  const assigned = c.changes.filter((x) => x.from === null);
  const unassigned = c.changes.filter((x) => x.to === null);
  const areaChanged = c.networks.reduce((s, n) => s + n.areaChangedKm2, 0) / 2;
  const renamed = c.networks
    .filter((n) => n.renamedFrom !== null)
    .map((n) => `${n.id} "${n.renamedFrom}" -> "${n.name}"`);
  return [
    `Practices changing network: ${formatCount(c.changes.length)} (${plural(c.populationMoved, 'patient')}): moved ${formatCount(moved.length)}, newly assigned ${formatCount(assigned.length)}, unassigned ${formatCount(unassigned.length)}`,
    `Networks: ${formatCount(before.networks.size)} before, ${formatCount(after.networks.size)} after; changed: ${formatCount(c.changedNetworks.length)}${c.changedNetworks.length ? ` (${listIds(c.changedNetworks)})` : ''}`,
    `New networks (only in the after plan): ${formatCount(c.newNetworks.length)}${c.newNetworks.length ? ` (${listIds(c.newNetworks)})` : ''}`,
    `Dissolved networks (only in the before plan): ${formatCount(c.dissolvedNetworks.length)}${c.dissolvedNetworks.length ? ` (${listIds(c.dissolvedNetworks)})` : ''}`,
    `Renamed (same id): ${formatCount(renamed.length)}${renamed.length ? ` (${listIds(renamed, 4)})` : ''}`,
    `Area changing hands: ${km2(areaChanged)}`,
    `In band: ${formatCount(before.inBand)} of ${formatCount(before.networks.size)} before, ${formatCount(after.inBand)} of ${formatCount(after.networks.size)} after`,
  ];
}

async function readInputs(args: ParsedArgs, io: CliIO, warnings: Issue[]) {
  const stated = crsArg(args);
  const crs = 'crs' in stated ? stated.crs : undefined;
  const practicesRead = await readInput(io, args.text.get('practices')!, '--practices', warnings, crs);
  const beforeRead = await readInput(io, args.text.get('before')!, '--before', warnings, crs);
  const afterRead = await readInput(io, args.text.get('after')!, '--after', warnings, crs);
  const boundaryFile = args.text.get('boundary');
  const boundaryRead =
    boundaryFile === undefined ? null : await readInput(io, boundaryFile, '--boundary', warnings, crs);
  return { practicesRead, beforeRead, afterRead, boundaryRead };
}

async function runCompare(args: ParsedArgs, io: CliIO): Promise<ExitCode> {
  const usage = checkUsage(args, io);
  if (usage) {
    io.stderr(`compare: ${usage}\nRun "npm run pcn -- compare --help" for the options.\n`);
    return EXIT.usage;
  }
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const { practicesRead, beforeRead, afterRead, boundaryRead } = await readInputs(args, io, warnings);
  const unreadable = readFailures(practicesRead, beforeRead, afterRead, boundaryRead);
  if (unreadable.length || !practicesRead.ok || !beforeRead.ok || !afterRead.ok)
    return failInput(io, [], warnings, unreadable);
  const extra = await practiceOptions(io, args, practicesRead.value.text, warnings);
  if (!extra.ok) return failInput(io, extra.errors, warnings);
  const take = collectInto(errors, warnings);
  const parsed = parsePractices(practicesRead.value.text, practicesRead.value.fileName, extra.value);
  // The practice file's own network column plays no part here.
  const table = take({ ...parsed, warnings: parsed.warnings.filter((w) => w.code !== 'noNetwork') });
  const boundary: Boundary | null = boundaryRead?.ok
    ? take(parseBoundary(boundaryRead.value.text, boundaryRead.value.fileName))
    : null;
  if (!table || errors.length) return failInput(io, errors, warnings);
  const practices = table.practices;
  const before: PlanSource | null = take(
    readPlanSource(beforeRead.value.text, beforeRead.value.fileName, practices, args.text.get('before-scenario')),
  );
  const after: PlanSource | null = take(
    readPlanSource(afterRead.value.text, afterRead.value.fileName, practices, args.text.get('after-scenario')),
  );
  if (!before || !after) return failInput(io, errors, warnings);
  const setIssues = practiceSetIssues(practices, before.coverage, after.coverage, practicesRead.value.fileName);
  if (setIssues.length) return failInput(io, setIssues, warnings);

  const given: Band | null = args.numbers.has('min')
    ? { min: args.numbers.get('min')!, max: args.numbers.get('max')! }
    : null;
  const inputOf = (p: PlanSource) => ({
    practices,
    networks: p.networks,
    assignment: p.assignment,
    band: given ?? p.band ?? DEFAULT_BAND,
  });
  let registrations: Registrations | null | undefined;
  let planBefore: Evaluated, planAfter: Evaluated, comparison: PlanComparison, studyArea: string;
  if (args.text.has('small-areas')) {
    const files = await readSmallAreaFiles(args, io, errors, warnings);
    if (Array.isArray(files)) return failInput(io, [], warnings, files);
    if (!files) return failInput(io, errors, warnings);
    const layer = boundary ? layerWithin(files.layer, boundary) : files.layer;
    if (layer.codes.length === 0)
      return failInput(
        io,
        [
          {
            severity: 'error',
            code: 'nothingInside',
            file: files.layer.fileName,
            message: `${files.layer.fileName}: no small area lies inside ${boundaryRead?.ok ? boundaryRead.value.fileName : 'the study area'}`,
          },
        ],
        warnings,
      );
    const { context, warnings: linkWarnings } = buildSmallAreaContext({
      layer,
      practices,
      registrations: files.registrations,
      centroids: files.centroids,
      hardAreas: files.hardAreas,
    });
    warnings.push(...linkWarnings);
    registrations = files.registrations;
    const a = evaluateSmallAreaPlan(inputOf(before), context);
    const b = evaluateSmallAreaPlan(inputOf(after), context);
    [planBefore, planAfter] = [a, b];
    comparison = comparePlansOn(a, b, {
      mesh: context.dissolveMesh,
      unitsOf: (n) => (n as SmallAreaNetworkSummary).areas,
    });
    studyArea = `footprints from ${formatCount(layer.codes.length)} small areas of ${files.layer.fileName}`;
  } else {
    const t = buildTessellation(practices, boundary);
    const a = evaluatePlan(inputOf(before), t);
    const b = evaluatePlan(inputOf(after), t);
    [planBefore, planAfter] = [a, b];
    comparison = comparePlans(a, b);
    studyArea = `${plural(t.sites.length, 'site')}; study area ${boundaryRead?.ok ? boundaryRead.value.fileName : 'the convex hull of the practices plus a margin'}, ${formatCount(t.areaKm2)} km2`;
  }
  const failures: Issue[] = [];
  const deprivation = readDeprivationInputs(io, args, errors, warnings, failures, registrations);
  if (errors.length || failures.length) return failInput(io, errors, warnings, failures);
  const health = deprivation
    ? { before: planDeprivation(deprivation, planBefore.input), after: planDeprivation(deprivation, planAfter.input) }
    : null;

  const outputs: OutputFile[] = [{ file: args.text.get('out')!, text: toMovesCsv(comparison.changes) }];
  const summaryOut = args.text.get('summary-out');
  if (summaryOut !== undefined)
    outputs.push({
      file: summaryOut,
      text: toNetworkChangesCsv(comparison, health ? deprivationChangeColumns(health.before, health.after) : undefined),
    });
  const geojsonOut = args.text.get('geojson-out');
  if (geojsonOut !== undefined)
    outputs.push({ file: geojsonOut, text: `${JSON.stringify(toChangesGeoJSON(comparison, practices))}\n` });

  const lines = [
    `Practices: ${formatCount(practices.length)}, from ${practicesRead.value.fileName}; ${studyArea}`,
    `Before: ${before.label} (${before.kind}); after: ${after.label} (${after.kind})`,
    ...compareReportLines(comparison, planBefore, planAfter),
    ...(health ? deprivationCompareLines(health.before, health.after) : []),
  ];
  return writeAndReport(io, warnings, outputs, lines);
}

export const compareCommand: Command = { spec: compareSpec, run: runCompare };
