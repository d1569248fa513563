// `pcn footprints`: practices + study area + assignment in, network footprints (GeoJSON) and
// optionally the assignment (CSV) out, with a short summary of the plan on stdout.
import type { Band, Issue, Network, PracticeCode, NetworkId } from '../core/model';
import { buildTessellation } from '../core/geometry';
import {
  assignmentFromTable,
  boundaryContains,
  farPracticeWarnings,
  issueCount,
  withPracticeNames,
  parseAssignment,
  parseBoundary,
  parsePractices,
  practicesOutsideBoundary,
  toAssignmentCsv,
  toNetworksGeoJSON,
} from '../core/io';
import { evaluatePlan } from '../core/plan';
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
import { runSmallAreaFootprints } from './footprints-small-areas';
import { encodeFeatures } from '../core/io/write-output';
import {
  DEPRIVATION_OPTION,
  deprivationSummaryLines,
  deprivationUsage,
  planDeprivation,
  readDeprivationInputs,
  withDeprivation,
} from './deprivation';

const footprintsSpec: CommandSpec = {
  name: 'footprints',
  summary: 'Network footprints, populations and band checks from practices and an assignment.',
  description: [
    'Gives every practice site a Voronoi cell (in metres, clipped to the study area), joins the cells of each',
    "network's practices into its footprint, and writes one GeoJSON feature per network with its population,",
    'practice count, area, number of parts and band status. Prints a summary of the plan; problems in the',
    'inputs are printed on stderr, one per line, naming the file, feature or line, practice and field.',
    '',
    'The assignment comes either from a column/property of the practices file (--network-field) or from a',
    'separate CSV practice_code,network_id[,network_name] (--assignment): give exactly one of the two.',
    '',
    'With --small-areas the footprints are unions of small areas (LSOAs) instead of cells: with --registrations',
    'each area goes to the network whose practices have the most registered patients living there (ties: the',
    'lower network id); areas where none has patients, and every area without --registrations, go to the',
    'network of the nearest practice (from --small-area-centroids when given, else a point inside the area).',
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
      description:
        "Study area: GeoJSON (Multi)Polygon(s), dissolved. Omitted: the practices' convex hull plus a margin.",
    },
    {
      name: 'network-field',
      kind: OPTION_KIND.text,
      valueName: 'FIELD',
      description: 'Column/property of the practices file holding the network id, e.g. pcn_code.',
    },
    {
      name: 'assignment',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      description: 'CSV practice_code,network_id[,network_name] assigning practices to networks.',
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
      name: 'small-areas',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      description:
        'Footprints from small areas: GeoJSON polygons with a unique code (e.g. LSOAs, lsoa11cd); the study area is their union unless --boundary.',
    },
    {
      name: 'small-area-field',
      kind: OPTION_KIND.text,
      valueName: 'FIELD',
      description: "Property holding each small area's code (default: detected, e.g. lsoa11cd, lsoa21cd, code).",
    },
    {
      name: 'registrations',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      description:
        'NHS Digital registered patients by practice and LSOA (CSV: PRACTICE_CODE, LSOA_CODE, NUMBER_OF_PATIENTS): each small area goes to the network with most patients living there; also what --deprivation counts.',
    },
    DEPRIVATION_OPTION,
    {
      name: 'small-area-centroids',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      description:
        'Population-weighted centroids (CSV: code, longitude, latitude) the nearest-practice fallback measures from.',
    },
    {
      name: 'small-areas-out',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      description: 'Also write small_area_code,network_id,method,network_patients,all_patients.',
    },
    {
      name: 'within',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      description:
        'With --small-areas: hard boundaries (GeoJSON polygons); a small area only goes to a network of practices in its own area.',
    },
    {
      name: 'within-field',
      kind: OPTION_KIND.text,
      valueName: 'FIELD',
      description: 'Property naming the area of each --within feature (features with one value form one area).',
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
    POSTCODES_OPTION,
    CRS_OPTION,
    OUT_CRS_OPTION,
  ],
  examples: [
    'npm run pcn -- footprints --practices data/demo-practices.geojson --boundary data/demo-boundary.geojson \\',
    '    --network-field pcn_code --out networks.geojson --assignment-out assignment.csv',
    'npm run pcn -- footprints --practices data/demo-practices.csv --assignment data/demo-assignment.csv \\',
    '    --out networks.geojson --min 25000 --max 60000',
    'npm run pcn -- footprints --practices gm_practices.geojson --network-field pcn_code --small-areas gm_lsoa.geojson \\',
    '    --registrations gm_practice_lsoa.csv --out networks.geojson --small-areas-out small_areas.csv',
  ],
};

/** A usage error message, or null when the combination of options makes sense. */
function checkUsage(args: ParsedArgs, io: CliIO): string | null {
  const networkField = args.text.get('network-field');
  const assignment = args.text.get('assignment');
  if (networkField !== undefined && assignment !== undefined) {
    return 'give either --network-field or --assignment, not both (the assignment would be ambiguous)';
  }
  if (networkField === undefined && assignment === undefined) {
    return 'missing the assignment: give --network-field FIELD (a column of the practices file, e.g. pcn_code) or --assignment FILE (a CSV practice_code,network_id)';
  }
  const min = args.numbers.get('min')!;
  const max = args.numbers.get('max')!;
  if (min > max) return `--min ${min} is greater than --max ${max}`;
  const deprivation = deprivationUsage(args);
  if (deprivation) return deprivation;
  if (!args.text.has('small-areas')) {
    const needs = [
      'small-area-field',
      ...(args.text.has('deprivation') ? [] : ['registrations']),
      'small-area-centroids',
      'small-areas-out',
      'within',
    ].find((o) => args.text.has(o));
    if (needs) return `--${needs} needs --small-areas FILE (footprints from small areas)`;
  }
  if (args.text.has('within-field') && !args.text.has('within')) return '--within-field needs --within FILE';
  const outputs = ['out', 'assignment-out', 'small-areas-out'].filter((o) => args.text.has(o));
  const crs = crsArg(args);
  if ('usage' in crs) return crs.usage;
  const written = outCrsArg(args);
  if ('usage' in written) return written.usage;
  const inputs = [
    'practices',
    'boundary',
    'assignment',
    'small-areas',
    'registrations',
    'small-area-centroids',
    'within',
    'postcodes',
    'deprivation',
  ].filter((o) => args.text.has(o));
  return sameFileProblem(io, outputs, inputs, args.text) ?? outFormatProblem(args);
}

/**
 * With --assignment the practices file's own network column (pcn_code etc., detected
 * automatically) is not used, so its "no network" warnings would only mislead.
 */
function withoutNetworkWarnings(result: ReturnType<typeof parsePractices>): readonly Issue[] {
  const field = result.ok ? result.value.fields.network : undefined;
  if (field === undefined) return result.warnings;
  return result.warnings.filter((w) => w.field !== field && w.code !== 'noNetwork');
}

async function runFootprints(args: ParsedArgs, io: CliIO): Promise<ExitCode> {
  const usage = checkUsage(args, io);
  if (usage) {
    io.stderr(`footprints: ${usage}\nRun "npm run pcn -- footprints --help" for the options.\n`);
    return EXIT.usage;
  }
  const band: Band = { min: args.numbers.get('min')!, max: args.numbers.get('max')! };
  const networkField = args.text.get('network-field');
  const boundaryFile = args.text.get('boundary');
  const assignmentFile = args.text.get('assignment');

  // Read every file first, so one run reports every unreadable file at once.
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const stated = crsArg(args);
  const crs = 'crs' in stated ? stated.crs : undefined;
  const practicesRead = await readInput(io, args.text.get('practices')!, '--practices', warnings, crs);
  const boundaryRead =
    boundaryFile === undefined ? null : await readInput(io, boundaryFile, '--boundary', warnings, crs);
  const assignmentRead =
    assignmentFile === undefined ? null : await readInput(io, assignmentFile, '--assignment', warnings);
  const unreadable = readFailures(practicesRead, boundaryRead, assignmentRead);
  if (unreadable.length || !practicesRead.ok) return failInput(io, [], warnings, unreadable);
  const extra = await practiceOptions(io, args, practicesRead.value.text, warnings);
  if (!extra.ok) return failInput(io, extra.errors, warnings);

  const practicesResult = parsePractices(practicesRead.value.text, practicesRead.value.fileName, {
    ...extra.value,
    ...(networkField && { fields: { network: networkField } }),
  });
  warnings.push(...(assignmentFile === undefined ? practicesResult.warnings : withoutNetworkWarnings(practicesResult)));
  if (!practicesResult.ok) errors.push(...practicesResult.errors);
  let boundary = null;
  if (boundaryRead?.ok) {
    const boundaryResult = parseBoundary(boundaryRead.value.text, boundaryRead.value.fileName);
    warnings.push(...boundaryResult.warnings);
    if (boundaryResult.ok) boundary = boundaryResult.value;
    else errors.push(...boundaryResult.errors);
  }
  if (!practicesResult.ok || errors.length) return failInput(io, errors, warnings);

  const table = practicesResult.value;
  let practices = table.practices;
  let assignment: ReadonlyMap<PracticeCode, NetworkId>;
  let networks: readonly Network[];
  if (assignmentRead?.ok) {
    const assignmentResult = parseAssignment(assignmentRead.value.text, assignmentRead.value.fileName, practices);
    warnings.push(...assignmentResult.warnings);
    if (!assignmentResult.ok) return failInput(io, assignmentResult.errors, warnings);
    ({ assignment, networks } = assignmentResult.value);
    practices = withPracticeNames(practices, assignmentResult.value.practiceNames);
  } else {
    ({ assignment, networks } = assignmentFromTable(table));
  }

  let outside = 0;
  if (boundary) {
    warnings.push(...practicesOutsideBoundary(practices, boundary, practicesRead.value.fileName));
    const contains = boundaryContains(boundary);
    outside = practices.filter((p) => !contains(p.lon, p.lat)).length;
  } else {
    const far = farPracticeWarnings(practices, practicesRead.value.fileName);
    warnings.push(...far);
    outside = issueCount(far);
  }

  if (args.text.has('small-areas')) {
    const source =
      networkField !== undefined
        ? `--network-field ${networkField}`
        : `--assignment ${assignmentRead?.ok ? assignmentRead.value.fileName : ''}`;
    return runSmallAreaFootprints(args, io, {
      practices,
      practicesFile: practicesRead.value.fileName,
      networks,
      assignment,
      assignmentSource: source,
      boundary,
      boundaryFile: boundaryRead?.ok ? boundaryRead.value.fileName : null,
      band,
      warnings,
    });
  }
  const tessellation = buildTessellation(practices, boundary);
  const plan = evaluatePlan({ practices, networks, assignment, band }, tessellation);
  const failures: Issue[] = [];
  const deprivation = readDeprivationInputs(io, args, errors, warnings, failures);
  if (errors.length || failures.length) return failInput(io, errors, warnings, failures);
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
    outputs.push({ file: assignmentOut, text: toAssignmentCsv(practices, assignment, networks) });

  const totalPatients = practices.reduce((s, p) => s + p.listSize, 0);
  const source =
    networkField !== undefined
      ? `--network-field ${networkField}`
      : `--assignment ${assignmentRead?.ok ? assignmentRead.value.fileName : ''}`;
  const area = boundary
    ? `${boundaryRead?.ok ? boundaryRead.value.fileName : ''}, ${formatCount(tessellation.areaKm2)} km2`
    : `convex hull of the practices plus a margin (no --boundary given), ${formatCount(tessellation.areaKm2)} km2`;
  const lines = [
    `Practices: ${formatCount(practices.length)} (${plural(totalPatients, 'patient')}) at ${plural(tessellation.sites.length, 'site')}, from ${practicesRead.value.fileName}`,
    ...implausibleListSizeLines(practices),
    `Assignment: ${plural(networks.length, 'network')} from ${source}`,
    `Study area: ${area}${outside ? `; ${plural(outside, 'practice lies', 'practices lie')} outside it` : ''}`,
    ...planSummaryLines(plan, noFootprintReasonOf(plan)),
    ...(figures && deprivation ? deprivationSummaryLines(figures, deprivation) : []),
  ];
  return writeAndReport(io, warnings, outputs, lines, ' and ');
}

export const footprintsCommand: Command = { spec: footprintsSpec, run: runFootprints };
