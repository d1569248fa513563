// Reads a small-area layer, a registrations or a deprivation file off the main thread: checksum (SHA-256, for the
// plan file), then parsing; registrations are decoded and read in 1 MB steps with progress.
import { DEFAULT_MAX_BYTES } from '../core/io';
import { parseDeprivation, type DeprivationTable } from '../core/deprivation';
import type { Result } from '../core/model';
import { parseSmallAreaLayer, RegistrationsReader, type Registrations, type SmallAreaLayer } from '../core/small-areas';

export interface SmallAreaFileRef {
  readonly name: string;
  readonly sha256: string;
  readonly bytes: number;
}

export type SmallAreaRequest =
  | { readonly kind: 'layer'; readonly file: Blob; readonly name: string; readonly field?: string }
  | { readonly kind: 'registrations'; readonly file: Blob; readonly name: string }
  | { readonly kind: 'deprivation'; readonly file: Blob; readonly name: string };

export type SmallAreaReply =
  | { readonly type: 'progress'; readonly fraction: number }
  | { readonly type: 'layer'; readonly result: Result<SmallAreaLayer>; readonly ref: SmallAreaFileRef }
  | { readonly type: 'registrations'; readonly result: Result<Registrations>; readonly ref: SmallAreaFileRef }
  | { readonly type: 'deprivation'; readonly result: Result<DeprivationTable>; readonly ref: SmallAreaFileRef };

const STEP_BYTES = 1 << 20;

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

function tooLarge(name: string, bytes: number): Result<never> {
  const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;
  return { ok: false, errors: [{ severity: 'error', file: name, message: `${name}: file is ${mb(bytes)}, larger than the ${mb(DEFAULT_MAX_BYTES)} limit` }], warnings: [] };
}

self.onmessage = async (e: MessageEvent<SmallAreaRequest>) => {
  const req = e.data;
  const bytes = new Uint8Array(await req.file.arrayBuffer());
  const ref = { name: req.name, sha256: hex(await crypto.subtle.digest('SHA-256', bytes)), bytes: bytes.length };
  const post = (m: SmallAreaReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);
  if (bytes.length > DEFAULT_MAX_BYTES) {
    post({ type: req.kind, result: tooLarge(req.name, bytes.length), ref } as SmallAreaReply);
    return;
  }
  if (req.kind === 'layer') {
    post({ type: 'layer', result: parseSmallAreaLayer(new TextDecoder().decode(bytes), req.name, req.field), ref });
    return;
  }
  if (req.kind === 'deprivation') {
    post({ type: 'deprivation', result: parseDeprivation(new TextDecoder().decode(bytes), req.name), ref });
    return;
  }
  const reader = new RegistrationsReader(req.name);
  const decoder = new TextDecoder();
  for (let at = 0; at < bytes.length; at += STEP_BYTES) {
    reader.push(decoder.decode(bytes.subarray(at, at + STEP_BYTES), { stream: true }));
    post({ type: 'progress', fraction: Math.min(1, (at + STEP_BYTES) / bytes.length) });
  }
  reader.push(decoder.decode());
  const result = reader.finish();
  const transfer = result.ok
    ? [result.value.practiceStart, result.value.byPracticeArea, result.value.byPracticeCount, result.value.areaStart, result.value.byAreaPractice, result.value.byAreaCount, result.value.practiceTotal].map((a) => a.buffer)
    : [];
  post({ type: 'registrations', result, ref }, transfer);
};
