// Reading the files a command names: bytes through core's prepareInput (zipped shapefiles,
// encodings, a CRS the user states with --crs), and the postcode lookup (--postcodes), streamed
// so the 1.4 GB ONS Postcode Directory never has to fit in memory.
import { createReadStream } from 'node:fs';
import type { ParsePracticesOptions } from '../core/io';
import { CRS, crsFromName, type Crs } from '../core/io/crs';
import { PostcodeLookupReader, practicePostcodes, type PostcodeLookup } from '../core/io/postcodes';
import { prepareInput } from '../core/io/prepare-input';
import { OUTPUT_FORMAT, outputFormat } from '../core/io/write-output';
import type { Issue, Result } from '../core/model';
import { OPTION_KIND, type OptionSpec, type ParsedArgs } from './args';
import { readInputBytes, resolvePath, unreadable, type CliIO, type ReadOutcome } from './io';

export const CRS_OPTION: OptionSpec = {
  name: 'crs',
  kind: OPTION_KIND.text,
  valueName: 'EPSG:27700',
  description:
    'Inputs that state no CRS of their own and hold metres are British National Grid (EPSG:27700) and are reprojected.',
};

export const POSTCODES_OPTION: OptionSpec = {
  name: 'postcodes',
  kind: OPTION_KIND.text,
  valueName: 'FILE',
  description:
    'Postcode lookup (ONS Postcode Directory or NSPL CSV: pcds/pcd2/pcd, lat/long or oseast1m/osnrth1m, doterm) locating practices by postcode.',
};

export const OUT_CRS_OPTION: OptionSpec = {
  name: 'out-crs',
  kind: OPTION_KIND.text,
  valueName: 'EPSG:27700',
  description:
    'Write --out in British National Grid (GeoJSON with the crs member ONS uses; shapefile .prj). Default WGS84; KML is always WGS84.',
};

/** The --out-crs value (default WGS84), or a usage error; KML cannot be written in BNG. */
export function outCrsArg(args: ParsedArgs): { readonly crs: Crs } | { readonly usage: string } {
  const raw = args.text.get('out-crs');
  if (raw === undefined) return { crs: CRS.wgs84 };
  const crs = crsFromName(raw);
  if (crs === null)
    return { usage: `--out-crs must be EPSG:27700 (British National Grid) or EPSG:4326 (WGS84), got "${raw}"` };
  const out = args.text.get('out') ?? '';
  if (crs === CRS.bng && outputFormat(out) === OUTPUT_FORMAT.kml)
    return { usage: `--out-crs EPSG:27700 cannot apply to ${out}: KML is always WGS84 longitude/latitude` };
  return { crs };
}

/** --out's extension is one the planner writes, or a usage error. */
export function outFormatProblem(args: ParsedArgs): string | null {
  const out = args.text.get('out');
  if (out === undefined || outputFormat(out) !== null) return null;
  return `--out ${out}: the extension picks the format: .geojson or .json (GeoJSON), .zip (zipped shapefile) or .kml`;
}

/** The --crs value, or a usage error. */
export function crsArg(args: ParsedArgs): { readonly crs?: Crs } | { readonly usage: string } {
  const raw = args.text.get('crs');
  if (raw === undefined) return {};
  const crs = crsFromName(raw);
  if (crs === CRS.bng) return { crs };
  if (crs === CRS.wgs84) return {};
  return { usage: `--crs must be EPSG:27700 (British National Grid; WGS84 needs no option), got "${raw}"` };
}

/** One input through prepareInput; a failure reads like readInputFile's (`--services x.zip: …`). */
export async function readInput(
  io: CliIO,
  file: string,
  label: string,
  warnings: Issue[],
  crs?: Crs,
): Promise<ReadOutcome> {
  const read = readInputBytes(io, file, label);
  if (!read.ok) return read;
  const { bytes, fileName, path } = read.value;
  const prepared = await prepareInput(bytes, fileName, { crs });
  warnings.push(...prepared.warnings);
  if (!prepared.ok) return unreadable(prepared.errors.map((e) => e.message).join('; '));
  return { ok: true, value: { text: prepared.value, fileName, path }, warnings: [] };
}

/** Streams a postcode lookup, keeping only `wanted` postcodes. */
async function readPostcodeLookup(
  io: CliIO,
  file: string,
  wanted: ReadonlySet<string>,
): Promise<Result<PostcodeLookup>> {
  const full = resolvePath(io, file);
  const reader = new PostcodeLookupReader(file.split(/[\\/]/).pop() ?? file, wanted);
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of createReadStream(full, { highWaterMark: 1 << 20 }))
      reader.push(decoder.decode(chunk as Buffer, { stream: true }));
  } catch (e) {
    const code = (e as { code?: string }).code;
    return unreadable(
      `--postcodes ${file}: ${code === 'ENOENT' ? 'no such file or directory' : code === 'EISDIR' ? 'is a directory, expected a file' : e instanceof Error ? e.message : String(e)}`,
    );
  }
  reader.push(decoder.decode());
  return reader.finish();
}

/**
 * parsePractices options from --crs and --postcodes for a practice file already read. On a
 * lookup failure returns the errors (or the lookup's `unreadable` error) to report.
 */
export async function practiceOptions(
  io: CliIO,
  args: ParsedArgs,
  practicesText: string,
  warnings: Issue[],
): Promise<Result<Pick<ParsePracticesOptions, 'crs' | 'postcodes'>>> {
  const stated = crsArg(args);
  const crs = 'crs' in stated ? stated.crs : undefined;
  const file = args.text.get('postcodes');
  if (file === undefined) return { ok: true, value: { crs }, warnings: [] };
  const lookup = await readPostcodeLookup(io, file, practicePostcodes(practicesText));
  if (!lookup.ok) return { ok: false, errors: lookup.errors, warnings: [] };
  warnings.push(...lookup.warnings);
  return { ok: true, value: { crs, postcodes: lookup.value }, warnings: [] };
}

/** The CRS to write --out in (checkUsage has already refused a bad value). */
export function outCrs(args: ParsedArgs): Crs {
  const r = outCrsArg(args);
  return 'crs' in r ? r.crs : CRS.wgs84;
}
