// `pcn align`: community-service areas against network footprints. Writes the service areas
// redrawn around the networks (GeoJSON) and the network x service-area overlap report (CSV).
import type { Boundary, Issue, Network } from '../core/model';
import { DEFAULT_BAND } from '../core/model';
import { buildTessellation } from '../core/geometry';
import { parseBoundary, parseNetworksGeoJSON, parsePractices } from '../core/io';
import { evaluatePlan, type PlanResult } from '../core/plan';
import {
  APPORTION_METHOD,
  DEFAULT_SPLIT_THRESHOLD,
  alignServices,
  footprintTiling,
  parseServiceAreas,
  parseSmallAreas,
  toAlignedGeoJSON,
  toOverlapCsv,
  type AlignResult,
  type ApportionMethod,
  type SmallArea,
} from '../core/align';
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
  collectInto,
  type CliIO,
  type ExitCode,
} from './io';
import { listIds } from './summary';
import { encodeFeatures } from '../core/io/write-output';

const alignSpec: CommandSpec = {
  name: 'align',
  summary: 'Compare community-service areas with network footprints and redraw them around the networks.',
  description: [
    "For every network and service area: the overlap in km2, the share of the network's area and the share of its",
    "population. Each network's home is the service area with most of its population; below --threshold it is",
    '"split". Each service area is then redrawn as the union of the footprints of the networks whose home it is',
    '(no gaps, no overlaps) and compared with the original: population and area before and after, and what changes hands.',
    '',
    'Population inside an overlap is an estimate. With --practices (the practice file the networks were built from)',
    "each practice's list size is spread evenly over its Voronoi cell; without it, each network's population is",
    'spread evenly over its whole footprint (coarser). With --small-areas (e.g. LSOAs with a resident count in',
    '--small-area-field) residents spread evenly over each small area decide the shares instead.',
  ],
  options: [
    {
      name: 'networks',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      required: true,
      description: 'Networks GeoJSON as written by `footprints` or `cluster` (see README "Output schema").',
    },
    {
      name: 'services',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      required: true,
      description: 'Service areas: GeoJSON (Multi)Polygon features, one per area.',
    },
    {
      name: 'service-field',
      kind: OPTION_KIND.text,
      valueName: 'FIELD',
      description: 'Property naming each service area (default: detected, e.g. locality, lad23nm, name).',
    },
    {
      name: 'threshold',
      kind: OPTION_KIND.text,
      valueName: 'SHARE',
      description: `A network with less than this share of its population in its home area is split (default ${DEFAULT_SPLIT_THRESHOLD}).`,
    },
    {
      name: 'practices',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      description: 'The practices the networks were built from: rebuilds the cells for cell-level apportionment.',
    },
    {
      name: 'boundary',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      description:
        'Study area for the rebuilt cells (default: the union of the network footprints). Needs --practices.',
    },
    {
      name: 'small-areas',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      description: 'Small areas (GeoJSON polygons) with residents, used to apportion population.',
    },
    {
      name: 'small-area-field',
      kind: OPTION_KIND.text,
      valueName: 'FIELD',
      description: 'Property of --small-areas holding the residents (required with --small-areas).',
    },
    {
      name: 'out',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      required: true,
      description: 'Where to write the aligned service areas GeoJSON (see README "Aligned service areas").',
    },
    {
      name: 'report',
      kind: OPTION_KIND.text,
      valueName: 'FILE',
      required: true,
      description: 'Where to write the overlap report CSV (see README "Overlap report").',
    },
    POSTCODES_OPTION,
    CRS_OPTION,
    OUT_CRS_OPTION,
  ],
  examples: [
    'npm run pcn -- align --networks networks.geojson --services localities.geojson --service-field locality \\',
    '    --out aligned.geojson --report overlap.csv',
    'npm run pcn -- align --networks networks.geojson --services boroughs.geojson --practices practices.csv \\',
    '    --threshold 0.9 --out aligned.geojson --report overlap.csv',
  ],
};

function checkUsage(args: ParsedArgs, io: CliIO): string | null {
  const threshold = args.text.get('threshold');
  if (threshold !== undefined && !(/^\s*(0?\.\d+|1(\.0*)?|0)\s*$/.test(threshold) && Number(threshold) > 0)) {
    return `--threshold must be a share greater than 0 and at most 1, e.g. 0.95, got "${threshold}"`;
  }
  if (args.text.has('boundary') && !args.text.has('practices'))
    return '--boundary needs --practices (it is the study area of the rebuilt cells)';
  if (args.text.has('small-areas') !== args.text.has('small-area-field'))
    return "--small-areas and --small-area-field go together (the field holds each small area's residents)";
  const crs = crsArg(args);
  if ('usage' in crs) return crs.usage;
  const written = outCrsArg(args);
  if ('usage' in written) return written.usage;
  if (args.text.has('postcodes') && !args.text.has('practices'))
    return '--postcodes needs --practices (it locates the practices by postcode)';
  const outputs = ['out', 'report'];
  const inputs = ['networks', 'services', 'practices', 'boundary', 'small-areas', 'postcodes'].filter((o) =>
    args.text.has(o),
  );
  return sameFileProblem(io, outputs, inputs, args.text) ?? outFormatProblem(args);
}

const METHOD_TEXT: Record<ApportionMethod, string> = {
  [APPORTION_METHOD.cells]: "each practice's list size spread evenly over its Voronoi cell (an approximation)",
  [APPORTION_METHOD.footprints]:
    "each network's population spread evenly over its whole footprint (no --practices given: a coarse approximation; give --practices for cell-level shares)",
  [APPORTION_METHOD.smallAreas]:
    'small-area residents spread evenly over each small area, applied to list sizes (an approximation)',
};

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The run's figures: method, split networks, what changes hands, one line per service area. */
function alignReportLines(r: AlignResult): string[] {
  const split = r.networks.filter((n) => n.split);
  return [
    `Population apportioned by ${METHOD_TEXT[r.method]}`,
    `Networks: ${formatCount(r.networks.length)}; split (home share < ${r.threshold}): ${formatCount(split.length)}${
      split.length
        ? ` (${listIds(
            split.map((n) => `${n.id} ${pct(n.homeShare)} in ${n.home}`),
            8,
          )})`
        : ''
    }`,
    `Changing hands if the areas follow the networks: ${formatCount(r.populationChangingHands)} patients, ${r.areaChangingHandsKm2.toFixed(2)} km2`,
    'Service areas (population before -> after, area km2 before -> after, changed: population, area):',
    ...r.serviceAreas.map(
      (a) =>
        `  ${a.name}: ${plural(a.networkIds.length, 'network')} (${formatCount(a.networksInside.length)} inside at the threshold, ${formatCount(a.networksSplit.length)} split touching it); ${formatCount(a.populationBefore)} -> ${formatCount(a.populationAfter)}; ${a.areaBeforeKm2.toFixed(2)} -> ${a.areaAfterKm2.toFixed(2)} km2; changed ${formatCount(a.populationChanged)} patients, ${a.areaChangedKm2.toFixed(2)} km2`,
    ),
  ];
}

async function runAlign(args: ParsedArgs, io: CliIO): Promise<ExitCode> {
  const usage = checkUsage(args, io);
  if (usage) {
    io.stderr(`align: ${usage}\nRun "npm run pcn -- align --help" for the options.\n`);
    return EXIT.usage;
  }
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const stated = crsArg(args);
  const crs = 'crs' in stated ? stated.crs : undefined;
  const optional = async (name: string) => {
    const file = args.text.get(name);
    return file === undefined ? null : readInput(io, file, `--${name}`, warnings, crs);
  };
  const networksRead = await readInput(io, args.text.get('networks')!, '--networks', warnings, crs);
  const servicesRead = await readInput(io, args.text.get('services')!, '--services', warnings, crs);
  const practicesRead = await optional('practices');
  const boundaryRead = await optional('boundary');
  const smallRead = await optional('small-areas');
  const unreadable = readFailures(networksRead, servicesRead, practicesRead, boundaryRead, smallRead);
  if (unreadable.length || !networksRead.ok || !servicesRead.ok) return failInput(io, [], warnings, unreadable);
  const extra = practicesRead?.ok ? await practiceOptions(io, args, practicesRead.value.text, warnings) : null;
  if (extra && !extra.ok) return failInput(io, extra.errors, warnings);
  const take = collectInto(errors, warnings);
  const networksFile = take(parseNetworksGeoJSON(networksRead.value.text, networksRead.value.fileName));
  const services = take(
    parseServiceAreas(servicesRead.value.text, servicesRead.value.fileName, args.text.get('service-field')),
  );
  const practicesResult = practicesRead?.ok
    ? parsePractices(practicesRead.value.text, practicesRead.value.fileName, extra?.ok ? extra.value : {})
    : null;
  // The networks file holds the assignment; the practice file's own network column is not used.
  const practices = practicesResult
    ? take({ ...practicesResult, warnings: practicesResult.warnings.filter((w) => w.code !== 'noNetwork') })
    : null;
  const boundary: Boundary | null = boundaryRead?.ok
    ? take(parseBoundary(boundaryRead.value.text, boundaryRead.value.fileName))
    : null;
  const smallAreas: SmallArea[] | null = smallRead?.ok
    ? take(parseSmallAreas(smallRead.value.text, smallRead.value.fileName, args.text.get('small-area-field')!))
    : null;
  if (networksFile && networksFile.networks.length === 0) {
    const file = networksRead.value.fileName;
    errors.push({
      severity: 'error',
      code: 'nothingInside',
      file,
      message: `${file}: contains no networks (no features); nothing to compare the service areas with`,
    });
  }
  if (errors.length || !networksFile || !services) return failInput(io, errors, warnings);

  const threshold = args.text.has('threshold') ? Number(args.text.get('threshold')) : DEFAULT_SPLIT_THRESHOLD;
  let plan: PlanResult | undefined;
  if (practices) {
    const known = new Set(practices.practices.map((p) => p.code as string));
    const missing = [...networksFile.assignment.keys()].filter((c) => !known.has(c));
    if (missing.length) {
      const file = practicesRead!.ok ? practicesRead!.value.fileName : '';
      warnings.push({
        severity: 'warning',
        code: 'practiceSet',
        file,
        message: `${file}: ${plural(missing.length, 'practice')} of the networks file not found (${listIds(missing)}); their population is left out of the cell apportionment`,
      });
    }
    const networks: Network[] = networksFile.networks.map((n) => ({ id: n.id, name: n.name }));
    const area = boundary ?? footprintTiling(networksFile.networks).areaGeometry;
    const t = buildTessellation(practices.practices, area);
    plan = evaluatePlan(
      {
        practices: practices.practices,
        networks,
        assignment: networksFile.assignment,
        band: networksFile.band ?? DEFAULT_BAND,
      },
      t,
    );
  }
  const result = alignServices({
    serviceAreas: services.areas,
    serviceFileName: services.fileName,
    threshold,
    plan,
    networks: networksFile.networks,
    smallAreas,
  });
  if (!result.ok) return failInput(io, result.errors, [...warnings, ...result.warnings]);
  warnings.push(...result.warnings);

  const outputs = [
    {
      file: args.text.get('out')!,
      text: encodeFeatures(toAlignedGeoJSON(result.value), args.text.get('out')!, outCrs(args)),
    },
    { file: args.text.get('report')!, text: toOverlapCsv(result.value) },
  ];
  const lines = [
    `Networks: ${plural(networksFile.networks.length, 'network')} from ${networksRead.value.fileName}; service areas: ${plural(services.areas.length, 'area')} of ${services.fileName} (field ${services.field})`,
    ...alignReportLines(result.value),
  ];
  return writeAndReport(io, warnings, outputs, lines);
}

export const alignCommand: Command = { spec: alignSpec, run: runAlign };
