// `pcn footprints --small-areas`: footprints as unions of small areas (LSOAs), each area given to
// the network with the most registered patients living there (or the nearest practice's network).
import type { HardArea } from '../core/cluster';
import { parseHardAreas } from '../core/cluster';
import type { Band, Boundary, Issue, Network, NetworkId, Practice, PracticeCode } from '../core/model';
import { toAssignmentCsv, toNetworksGeoJSON } from '../core/io';
import {
  AREA_METHOD,
  buildSmallAreaContext,
  evaluateSmallAreaPlan,
  layerWithin,
  parseCentroids,
  parseSmallAreaLayer,
  readRegistrations,
  toSmallAreasCsv,
  type Registrations,
  type SmallAreaLayer,
} from '../core/small-areas';
import type { ParsedArgs } from './args';
import { crsArg, readInput } from './read-input';
import {
  failInput,
  formatCount,
  plural,
  writeAndReport,
  readFailures,
  collectInto,
  type CliIO,
  type ExitCode,
  type OutputFile,
} from './io';
import { planSummaryLines } from './summary';
import { encodeFeatures } from '../core/io/write-output';
import { outCrs } from './read-input';
import { deprivationSummaryLines, planDeprivation, readDeprivationInputs, withDeprivation } from './deprivation';

/** What footprints.ts has already read and checked. */
export interface PlanSoFar {
  readonly practices: readonly Practice[];
  readonly practicesFile: string;
  readonly networks: readonly Network[];
  readonly assignment: ReadonlyMap<PracticeCode, NetworkId>;
  readonly assignmentSource: string;
  readonly boundary: Boundary | null;
  readonly boundaryFile: string | null;
  readonly band: Band;
  readonly warnings: readonly Issue[];
}

export interface SmallAreaFiles {
  readonly layer: SmallAreaLayer;
  readonly registrations: Registrations | null;
  readonly centroids: ReadonlyMap<string, readonly [number, number]> | null;
  readonly hardAreas: HardArea[] | null;
  readonly hardFile: string | null;
}

/**
 * Reads and parses the small-area inputs: the files' `unreadable` errors when any cannot be read,
 * else the parsed files, or null when they had errors (which go to `errors`, warnings to `warnings`).
 */
export async function readSmallAreaFiles(
  args: ParsedArgs,
  io: CliIO,
  errors: Issue[],
  warnings: Issue[],
): Promise<SmallAreaFiles | Issue[] | null> {
  const opt = (name: string) => args.text.get(name);
  // Through core's prepareInput like every input: zipped shapefiles, encodings, --crs.
  const stated = crsArg(args);
  const crs = 'crs' in stated ? stated.crs : undefined;
  const read = async (name: string) =>
    opt(name) === undefined ? null : readInput(io, opt(name)!, `--${name}`, warnings, crs);
  const layerRead = (await read('small-areas'))!;
  const regRead = await read('registrations');
  const centroidRead = await read('small-area-centroids');
  const withinRead = await read('within');
  const failures = readFailures(layerRead, regRead, centroidRead, withinRead);
  if (failures.length || !layerRead.ok) return failures;
  const take = collectInto(errors, warnings);
  const layer = take(parseSmallAreaLayer(layerRead.value.text, layerRead.value.fileName, opt('small-area-field')));
  const registrations = regRead?.ok ? take(readRegistrations(regRead.value.text, regRead.value.fileName)) : null;
  const centroids = centroidRead?.ok
    ? take(parseCentroids(centroidRead.value.text, centroidRead.value.fileName))
    : null;
  const hardAreas = withinRead?.ok
    ? take(parseHardAreas(withinRead.value.text, withinRead.value.fileName, opt('within-field')))
    : null;
  if (!layer || errors.length) return null;
  return { layer, registrations, centroids, hardAreas, hardFile: withinRead?.ok ? withinRead.value.fileName : null };
}

const percent = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a');

export async function runSmallAreaFootprints(args: ParsedArgs, io: CliIO, plan: PlanSoFar): Promise<ExitCode> {
  const errors: Issue[] = [];
  const warnings: Issue[] = [...plan.warnings];
  const files = await readSmallAreaFiles(args, io, errors, warnings);
  if (Array.isArray(files)) return failInput(io, [], warnings, files);
  if (!files) return failInput(io, errors, warnings);
  const layer = plan.boundary ? layerWithin(files.layer, plan.boundary) : files.layer;
  if (layer.codes.length === 0) {
    return failInput(
      io,
      [
        {
          severity: 'error',
          code: 'nothingInside',
          file: files.layer.fileName,
          message: `${files.layer.fileName}: no small area lies inside ${plan.boundaryFile}`,
        },
      ],
      warnings,
    );
  }
  const { context, warnings: linkWarnings } = buildSmallAreaContext({
    layer,
    practices: plan.practices,
    registrations: files.registrations,
    centroids: files.centroids,
    hardAreas: files.hardAreas,
  });
  warnings.push(...linkWarnings);
  const result = evaluateSmallAreaPlan(
    { practices: plan.practices, networks: plan.networks, assignment: plan.assignment, band: plan.band },
    context,
  );
  const failures: Issue[] = [];
  const deprivation = readDeprivationInputs(io, args, errors, warnings, failures, files.registrations);
  if (errors.length || failures.length) return failInput(io, errors, warnings, failures);
  const figures = deprivation ? planDeprivation(deprivation, result.input) : null;
  const networksFc = toNetworksGeoJSON([...result.networks.values()], plan.band);

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
    outputs.push({ file: assignmentOut, text: toAssignmentCsv(plan.practices, plan.assignment, plan.networks) });
  const areasOut = args.text.get('small-areas-out');
  if (areasOut !== undefined) outputs.push({ file: areasOut, text: toSmallAreasCsv(result) });
  const summary = [
    ...summaryLines(plan, files, layer, context.centroidCount, result),
    ...(figures && deprivation ? deprivationSummaryLines(figures, deprivation) : []),
  ];
  return writeAndReport(io, warnings, outputs, summary);
}

function summaryLines(
  plan: PlanSoFar,
  files: SmallAreaFiles,
  layer: SmallAreaLayer,
  centroidCount: number,
  result: ReturnType<typeof evaluateSmallAreaPlan>,
): string[] {
  const totalPatients = plan.practices.reduce((s, p) => s + p.listSize, 0);
  let areaKm2 = 0;
  for (const s of result.networks.values()) areaKm2 += s.areaKm2;
  const counts = [0, 0, 0];
  result.method.forEach((m) => counts[m]++);
  const r = files.registrations;
  const lines = [
    `Practices: ${formatCount(plan.practices.length)} (${plural(totalPatients, 'patient')}), from ${plan.practicesFile}`,
    `Assignment: ${plural(plan.networks.length, 'network')} from ${plan.assignmentSource}`,
    `Small areas: ${formatCount(layer.codes.length)} from ${files.layer.fileName} (code ${layer.codeField})` +
      (plan.boundaryFile ? `, those inside ${plan.boundaryFile}` : ', study area their union') +
      (files.hardAreas ? `, within ${plural(files.hardAreas.length, 'hard area')} of ${files.hardFile}` : ''),
    r
      ? `Registrations: ${formatCount(r.rowCount)} rows, ${formatCount(r.practiceCodes.length)} practices, ${plural(r.totalPatients, 'patient')} from ${r.fileName}`
      : 'Registrations: none (every small area goes to the network of its nearest practice)',
    `Small areas by registrations: ${formatCount(counts[AREA_METHOD.registrations])}; by nearest practice: ${formatCount(counts[AREA_METHOD.nearest])}` +
      ` (from ${centroidCount === layer.codes.length ? 'population-weighted centroids' : centroidCount > 0 ? `${formatCount(centroidCount)} centroids, the rest points inside the areas` : 'points inside the areas'})` +
      (counts[AREA_METHOD.none] ? `; with no network: ${formatCount(counts[AREA_METHOD.none])}` : '') +
      `; assigned area ${formatCount(areaKm2)} km2`,
    ...planSummaryLines(
      result,
      r ? 'no small area has most of its patients' : 'no small area is nearest to one of its practices',
    ),
  ];
  if (r) {
    lines.push(
      `Patients living in their own network's footprint: ${percent(result.residentPatients, result.knownPatients)} (${formatCount(result.residentPatients)} of ${formatCount(result.knownPatients)} with a known LSOA)`,
    );
  }
  return lines;
}
