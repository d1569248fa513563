// --deprivation on footprints and compare: Core20 and IMD figures per network from the
// registrations (where each practice's patients live) and an IMD table by LSOA.
import type { FeatureCollection, Geometry } from 'geojson';
import {
  deprivationByNetwork,
  deprivationProperties,
  deprivationSpread,
  parseDeprivation,
  practiceDeprivation,
  type DeprivationFigures,
  type PracticeDeprivation,
} from '../core/deprivation';
import type { ExtraColumns } from '../core/compare';
import type { Issue, NetworkId } from '../core/model';
import type { PlanInput } from '../core/plan';
import { readRegistrations, type Registrations } from '../core/small-areas';
import { OPTION_KIND, type OptionSpec, type ParsedArgs } from './args';
import { formatCount, readInputFile, type CliIO } from './io';

export const DEPRIVATION_OPTION: OptionSpec = {
  name: 'deprivation',
  kind: OPTION_KIND.text,
  valueName: 'FILE',
  description:
    'Deprivation by LSOA (CSV: lsoa11cd or lsoa21cd, and imd_decile and/or imd_score, e.g. IMD 2019): Core20 share, mean IMD score and patients by decile per network. Needs --registrations.',
};

/** A usage problem with --deprivation / --registrations, or null. */
export function deprivationUsage(args: ParsedArgs): string | null {
  if (args.text.has('deprivation') && !args.text.has('registrations'))
    return "--deprivation needs --registrations FILE (where each practice's patients live)";
  return null;
}

export interface DeprivationInputs {
  readonly profile: PracticeDeprivation;
  readonly fileName: string;
}

/**
 * Reads --deprivation (and --registrations unless already read) into a practice profile. Problems
 * go to `errors`/`warnings`, unreadable files to the returned failures; null when not asked for.
 */
export function readDeprivationInputs(
  io: CliIO,
  args: ParsedArgs,
  errors: Issue[],
  warnings: Issue[],
  failures: Issue[],
  registrations?: Registrations | null,
): DeprivationInputs | null {
  const file = args.text.get('deprivation');
  if (file === undefined) return null;
  const read = readInputFile(io, file, '--deprivation');
  let reg = registrations ?? null;
  if (registrations === undefined) {
    const regRead = readInputFile(io, args.text.get('registrations')!, '--registrations');
    if (!regRead.ok) failures.push(...regRead.errors);
    else {
      const parsed = readRegistrations(regRead.value.text, regRead.value.fileName);
      warnings.push(...parsed.warnings);
      if (parsed.ok) reg = parsed.value;
      else errors.push(...parsed.errors);
    }
  }
  if (!read.ok) {
    failures.push(...read.errors);
    return null;
  }
  const table = parseDeprivation(read.value.text, read.value.fileName);
  warnings.push(...table.warnings);
  if (!table.ok) {
    errors.push(...table.errors);
    return null;
  }
  if (!reg) return null;
  const profile = practiceDeprivation(reg, table.value);
  if (profile.missingAreaPatients > 0) {
    const examples = profile.missingAreaCodes.slice(0, 3).join(', ');
    warnings.push({
      severity: 'warning',
      code: 'noImdValue',
      file: read.value.fileName,
      message: `${read.value.fileName}: ${formatCount(profile.missingAreaPatients)} registered patients live in ${formatCount(profile.missingAreaCodes.length)} areas with no IMD value (e.g. ${examples}; Welsh LSOAs have none in the English indices): counted apart as no_imd_patients`,
    });
  }
  return { profile, fileName: read.value.fileName };
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(1)}%`);

/** Summary lines: the spread of Core20 shares, the networks holding most Core20 patients, patients without IMD. */
export function deprivationSummaryLines(
  figures: ReadonlyMap<NetworkId, DeprivationFigures>,
  inputs: DeprivationInputs,
): string[] {
  const s = deprivationSpread(figures);
  const p = inputs.profile;
  return [
    `Deprivation (${inputs.fileName}): Core20 share by network min ${pct(s.minShare)}, median ${pct(s.medianShare)}, max ${pct(s.maxShare)}; ` +
      `plan-wide ${pct(s.imdPatients > 0 ? s.core20Patients / s.imdPatients : null)} (${formatCount(s.core20Patients)} of ${formatCount(s.imdPatients)} patients with an IMD value)`,
    `Most Core20 patients: ${s.mostCore20.length ? s.mostCore20.map((n) => `${n.id} (${formatCount(n.core20Patients)})`).join(', ') : 'none'}`,
    `Patients with no IMD value: ${formatCount(s.noImdPatients)} in networks (all practices: ${formatCount(p.noLsoaPatients)} with no known LSOA, ${formatCount(p.missingAreaPatients)} in areas the IMD file lacks)`,
  ];
}

/** Figures for every network of a plan. */
export const planDeprivation = (inputs: DeprivationInputs, plan: PlanInput) =>
  deprivationByNetwork(inputs.profile, plan);

/** The networks GeoJSON with the population health properties added to each network. */
export function withDeprivation<F extends FeatureCollection<Geometry | null>>(
  fc: F,
  figures: ReadonlyMap<NetworkId, DeprivationFigures>,
): F {
  return {
    ...fc,
    features: fc.features.map((f) => {
      const d = figures.get(String(f.id) as NetworkId);
      return d ? { ...f, properties: { ...f.properties, ...deprivationProperties(d) } } : f;
    }),
  };
}

/** Population health columns of compare's networks CSV: each figure before and after (empty where the network is not in that plan). */
export function deprivationChangeColumns(
  before: ReadonlyMap<NetworkId, DeprivationFigures>,
  after: ReadonlyMap<NetworkId, DeprivationFigures>,
): ExtraColumns {
  const fields = (f: DeprivationFigures | undefined) => (f ? deprivationProperties(f) : null);
  const names = ['core20_patients', 'core20_share', 'imd_score_mean'] as const;
  return {
    header: names.flatMap((n) => [`${n}_before`, `${n}_after`]),
    row: (id) => {
      const b = fields(before.get(id));
      const a = fields(after.get(id));
      return names.flatMap((n) => [b?.[n] ?? '', a?.[n] ?? '']);
    },
  };
}

/** Compare's stdout lines: the spread of Core20 shares before and after, and the largest changes per network. */
export function deprivationCompareLines(
  before: ReadonlyMap<NetworkId, DeprivationFigures>,
  after: ReadonlyMap<NetworkId, DeprivationFigures>,
): string[] {
  const b = deprivationSpread(before);
  const a = deprivationSpread(after);
  const spread = (s: typeof a) => `min ${pct(s.minShare)}, median ${pct(s.medianShare)}, max ${pct(s.maxShare)}`;
  const changes = [...after]
    .flatMap(([id, f]) => {
      const was = before.get(id)?.core20Share;
      return was == null || f.core20Share === null ? [] : [{ id, delta: f.core20Share - was }];
    })
    .filter((c) => Math.abs(c.delta) >= 0.0005)
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || (x.id < y.id ? -1 : 1));
  const points = (d: number) => `${d > 0 ? '+' : ''}${(100 * d).toFixed(1)} points`;
  return [
    `Core20 share by network: before ${spread(b)}; after ${spread(a)}`,
    `Core20 share changed in ${formatCount(changes.length)} networks${
      changes.length
        ? `; most: ${changes
            .slice(0, 5)
            .map((c) => `${c.id} ${points(c.delta)}`)
            .join(', ')}`
        : ''
    }`,
  ];
}
