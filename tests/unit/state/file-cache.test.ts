// This browser's copies of small-area files, against an in-memory key-value store: written once per
// checksum, found by checksum and size only, bounded to the open plan's files plus the most recent few,
// and a store that fails (over quota) only produces a notice.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  cachedFile,
  FILE_INDEX_KEY,
  FILE_KEY_PREFIX,
  keepFile,
  RECENT_FILES,
  type FileStore,
} from '../../../src/state/file-cache';
import { openHardAreas } from '../../../src/ui/load-small-areas';
import { gmSmallAreaStore, readData } from '../small-areas/helpers';

function memoryStore(fail?: (key: string) => boolean) {
  const memory = new Map<string, unknown>();
  const writes: string[] = [];
  const kv: FileStore = {
    get: async (k) => memory.get(k),
    set: async (k, v) => {
      if (fail?.(k)) throw new Error('QuotaExceededError: the quota has been exceeded');
      writes.push(k);
      memory.set(k, v);
    },
    del: async (k) => {
      memory.delete(k);
    },
  };
  return { kv, memory, writes };
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
function file(text: string, name = `${text}.csv`) {
  return { name, sha256: sha(text), bytes: Buffer.byteLength(text), blob: new Blob([text]) };
}

describe("this browser's copies of small-area files", () => {
  it('keeps a file under its checksum once, and finds it by checksum and size only', async () => {
    const { kv, memory, writes } = memoryStore();
    const a = file('code,decile\nE01000001,3\n', 'imd.csv');
    await keepFile(kv, a, []);
    await keepFile(kv, { ...a, name: 'imd copy.csv' }, []);
    expect(writes.filter((k) => k === `${FILE_KEY_PREFIX}${a.sha256}`)).toHaveLength(1);
    expect(memory.get(FILE_INDEX_KEY)).toEqual([a.sha256]);

    const found = await cachedFile(kv, { name: 'renamed.csv', sha256: a.sha256, bytes: a.bytes });
    expect(found?.name).toBe('renamed.csv');
    expect(await found?.blob.text()).toBe('code,decile\nE01000001,3\n');
    expect(await cachedFile(kv, { name: 'imd.csv', sha256: sha('other'), bytes: a.bytes })).toBeNull();
    expect(await cachedFile(kv, { name: 'imd.csv', sha256: a.sha256, bytes: a.bytes + 1 })).toBeNull();
    memory.set(`${FILE_KEY_PREFIX}${a.sha256}`, 'not a kept file');
    expect(await cachedFile(kv, a)).toBeNull();
    const broken: FileStore = { ...kv, get: () => Promise.reject(new Error('IndexedDB is closed')) };
    expect(await cachedFile(broken, a)).toBeNull();
  });

  it('keeps the files the open plan names plus the most recently opened few', async () => {
    const { kv, memory } = memoryStore();
    const files = Array.from({ length: RECENT_FILES + 3 }, (_, i) => file(`file ${i}`));
    const named = files[0].sha256;
    for (const f of files) await keepFile(kv, f, [named]);
    const kept = files.filter((f) => memory.has(`${FILE_KEY_PREFIX}${f.sha256}`));
    expect(kept.map((f) => f.name)).toEqual([files[0], ...files.slice(-RECENT_FILES)].map((f) => f.name));
    expect(memory.get(FILE_INDEX_KEY)).toEqual(
      [...files.slice(-RECENT_FILES).reverse(), files[0]].map((f) => f.sha256),
    );
    // Files opened together (layer and registrations at once) are all indexed.
    const together = [file('layer'), file('registrations')];
    await Promise.all(together.map((f) => keepFile(kv, f, [])));
    expect((memory.get(FILE_INDEX_KEY) as string[]).slice(0, 2)).toEqual(together.map((f) => f.sha256).reverse());
    // Opening an old file again makes it the most recent.
    await keepFile(kv, files[0], []);
    expect((memory.get(FILE_INDEX_KEY) as string[])[0]).toBe(named);
    expect(memory.has(`${FILE_KEY_PREFIX}${files[files.length - RECENT_FILES].sha256}`)).toBe(false);
  });

  it('rejects when the store is over quota, which the Small areas tab turns into a notice with the plan kept', async () => {
    const { kv } = memoryStore((k) => k.startsWith(FILE_KEY_PREFIX));
    await expect(keepFile(kv, file('x'), [])).rejects.toThrow(/quota/);

    const store = gmSmallAreaStore();
    const name = 'gm_local_authorities_2023_bgc.geojson';
    const boroughs = new File([readData(name)], name);
    expect(await openHardAreas(store, boroughs, kv)).toBe(true);
    expect(store.getState().smallAreas?.hardAreas?.file.name).toBe(name);
    const notices = store.getState().notices.map((n) => n.text);
    expect(notices).toContain(`Loaded ${name}.`);
    expect(notices.join('\n')).toMatch(
      /could not keep a copy of gm_local_authorities_2023_bgc\.geojson \(QuotaExceededError.*open it again in the Small areas tab/,
    );
  });

  it('keeps a copy of hard areas opened in the tab, under their SHA-256', async () => {
    const { kv } = memoryStore();
    const store = gmSmallAreaStore();
    const name = 'gm_local_authorities_2023_bgc.geojson';
    const text = readData(name);
    expect(await openHardAreas(store, new File([text], name), kv)).toBe(true);
    const ref = store.getState().smallAreas!.hardAreas!.file;
    expect(ref.sha256).toBe(sha(text));
    expect(await (await cachedFile(kv, ref))?.blob.text()).toBe(text);
  });
});
