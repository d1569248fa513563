// This browser's copies of the small-area files a planner opened (layer, registrations, hard areas,
// deprivation), kept in IndexedDB by SHA-256 so a restored autosave or a reopened plan file can read
// the same files again: browsers cannot reopen a file by its path. Bounded: the files the open plan
// names are kept, and of the others only the most recently opened few.
import type { KeyValueStore } from './autosave';
import type { FileRef } from './small-areas';

/** A key-value store that can also delete (idb-keyval's get/set/del in the app). */
export interface FileStore extends KeyValueStore {
  del(key: string): Promise<void>;
}

/** A kept file: what the plan file records of it, and its bytes. */
export interface CachedFile extends FileRef {
  readonly blob: Blob;
}

export const FILE_KEY_PREFIX = 'pcn-planner:file:';
/** The kept files' checksums, most recently opened first. */
export const FILE_INDEX_KEY = 'pcn-planner:files';
/** Files kept besides the ones the open plan names. */
export const RECENT_FILES = 4;

/** The last write to each store, so writes to its index follow one another. */
const queues = new WeakMap<FileStore, Promise<void>>();

const fileKey = (sha256: string) => `${FILE_KEY_PREFIX}${sha256}`;

async function readIndex(kv: FileStore): Promise<string[]> {
  const raw = await kv.get(FILE_INDEX_KEY).catch(() => undefined);
  return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
}

/** The kept copy of `ref` if there is one with the same checksum and size; null if none (or unreadable). */
export async function cachedFile(kv: FileStore, ref: FileRef): Promise<CachedFile | null> {
  let raw: unknown;
  try {
    raw = await kv.get(fileKey(ref.sha256));
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const o = raw as Partial<CachedFile>;
  if (o.sha256 !== ref.sha256 || !(o.blob instanceof Blob) || o.blob.size !== ref.bytes) return null;
  return { name: ref.name, sha256: ref.sha256, bytes: ref.bytes, blob: o.blob };
}

/**
 * Keeps `file` (written once per checksum) as the most recently opened, then deletes kept files
 * beyond the `RECENT_FILES` most recent unless `keep` (checksums the open plan names) holds them.
 * Rejects when the store does (over quota): the caller says so; nothing else depends on it.
 * Example: `await keepFile(kv, { name, sha256, bytes, blob: file }, [sha256])`.
 */
export function keepFile(kv: FileStore, file: CachedFile, keep: readonly string[]): Promise<void> {
  // One at a time per store: the index is read, changed and written back.
  const done = (queues.get(kv) ?? Promise.resolve()).then(() => keepNow(kv, file, keep));
  queues.set(
    kv,
    done.catch(() => undefined),
  );
  return done;
}

async function keepNow(kv: FileStore, file: CachedFile, keep: readonly string[]): Promise<void> {
  const known = await cachedFile(kv, file);
  if (!known)
    await kv.set(fileKey(file.sha256), { name: file.name, sha256: file.sha256, bytes: file.bytes, blob: file.blob });
  const index = [file.sha256, ...(await readIndex(kv)).filter((x) => x !== file.sha256)];
  const kept = index.filter((sha, i) => i < RECENT_FILES || keep.includes(sha));
  await kv.set(FILE_INDEX_KEY, kept);
  for (const sha of index) if (!kept.includes(sha)) await kv.del(fileKey(sha)).catch(() => undefined);
}
