// Reads a small-area layer, a registrations or a deprivation file off the main thread: checksum
// (SHA-256, for the plan file), then parsing. The layer goes through core's prepareInput like every
// input (zipped shapefiles, encodings, a stated British National Grid); the CSVs are decoded like
// every CSV (UTF-8, or Windows-1252 with a warning), the registrations read in 1 MB steps with progress.
import { DEFAULT_MAX_BYTES } from '../core/io';
import { parseDeprivation, type DeprivationTable } from '../core/deprivation';
import type { Crs } from '../core/io/crs';
import { decodeText } from '../core/io/decode-text';
import { buildSmallAreaMesh } from '../core/geometry/small-area-mesh';
import {
  flattenSmallAreaMesh,
  withInsidePoints,
  type FlatSmallAreaMesh,
} from '../core/geometry/small-area-mesh-transfer';
import { hasUnlabelledMetres, prepareInput } from '../core/io/prepare-input';
import type { Issue, Result } from '../core/model';
import { parseSmallAreaLayer, RegistrationsReader, type Registrations, type SmallAreaLayer } from '../core/small-areas';

export interface SmallAreaFileRef {
  readonly name: string;
  readonly sha256: string;
  readonly bytes: number;
}

export type SmallAreaRequest =
  | { readonly kind: 'layer'; readonly file: Blob; readonly name: string; readonly field?: string; readonly crs?: Crs }
  | { readonly kind: 'registrations'; readonly file: Blob; readonly name: string }
  | { readonly kind: 'deprivation'; readonly file: Blob; readonly name: string };

export type SmallAreaReply =
  | { readonly type: 'progress'; readonly fraction: number }
  /**
   * unlabelledMetres: the layer is in metres and states no CRS; asked again with `crs` if the user says BNG.
   * mesh: the layer's mesh with a point inside every area, built here so the page never does (flattened, transferred).
   */
  | {
      readonly type: 'layer';
      readonly result: Result<SmallAreaLayer>;
      readonly ref: SmallAreaFileRef;
      readonly unlabelledMetres?: boolean;
      readonly mesh?: FlatSmallAreaMesh;
    }
  | { readonly type: 'registrations'; readonly result: Result<Registrations>; readonly ref: SmallAreaFileRef }
  | { readonly type: 'deprivation'; readonly result: Result<DeprivationTable>; readonly ref: SmallAreaFileRef };

const STEP_CHARS = 1 << 20;

/** The reading notes (encoding, reprojection) ahead of the parser's own warnings. */
function withWarnings<T>(result: Result<T>, notes: readonly Issue[]): Result<T> {
  return { ...result, warnings: [...notes, ...result.warnings] };
}

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

function tooLarge(name: string, bytes: number): Result<never> {
  const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;
  return {
    ok: false,
    errors: [
      {
        severity: 'error',
        code: 'unreadable',
        file: name,
        message: `${name}: file is ${mb(bytes)}, larger than the ${mb(DEFAULT_MAX_BYTES)} limit`,
      },
    ],
    warnings: [],
  };
}

self.onmessage = async (e: MessageEvent<SmallAreaRequest>) => {
  const req = e.data;
  const bytes = new Uint8Array(await req.file.arrayBuffer());
  const ref = { name: req.name, sha256: hex(await crypto.subtle.digest('SHA-256', bytes)), bytes: bytes.length };
  const post = (m: SmallAreaReply, transfer: Transferable[] = []) =>
    (self as unknown as Worker).postMessage(m, transfer);
  if (bytes.length > DEFAULT_MAX_BYTES) {
    post({ type: req.kind, result: tooLarge(req.name, bytes.length), ref } as SmallAreaReply);
    return;
  }
  if (req.kind === 'layer') {
    const prepared = await prepareInput(bytes, req.name, { crs: req.crs });
    if (!prepared.ok) {
      post({ type: 'layer', result: prepared, ref });
      return;
    }
    const parsed = parseSmallAreaLayer(prepared.value, req.name, req.field);
    const result = withWarnings(parsed, prepared.warnings);
    if (!parsed.ok) {
      post({ type: 'layer', result, ref, unlabelledMetres: !req.crs && hasUnlabelledMetres(prepared.value) });
      return;
    }
    post({ type: 'progress', fraction: 0.5 });
    const { flat, transfer } = flattenSmallAreaMesh(withInsidePoints(buildSmallAreaMesh(parsed.value.polygons)));
    post({ type: 'layer', result, ref, mesh: flat }, transfer);
    return;
  }
  const decoded = decodeText(bytes, req.name);
  if (!decoded.ok) {
    post({ type: req.kind, result: decoded, ref } as SmallAreaReply);
    return;
  }
  if (req.kind === 'deprivation') {
    post({
      type: 'deprivation',
      result: withWarnings(parseDeprivation(decoded.value, req.name), decoded.warnings),
      ref,
    });
    return;
  }
  const reader = new RegistrationsReader(req.name);
  const text = decoded.value;
  for (let at = 0; at < text.length; at += STEP_CHARS) {
    reader.push(text.slice(at, at + STEP_CHARS));
    post({ type: 'progress', fraction: Math.min(1, (at + STEP_CHARS) / text.length) });
  }
  const result = withWarnings(reader.finish(), decoded.warnings);
  const transfer = result.ok
    ? [
        result.value.practiceStart,
        result.value.byPracticeArea,
        result.value.byPracticeCount,
        result.value.areaStart,
        result.value.byAreaPractice,
        result.value.byAreaCount,
        result.value.practiceTotal,
      ].map((a) => a.buffer)
    : [];
  post({ type: 'registrations', result, ref }, transfer);
};
