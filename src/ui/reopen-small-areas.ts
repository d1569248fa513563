// Reopening the small-area files a restored autosave or an opened plan file names, from this
// browser's copies (src/state/file-cache.ts): read through the same worker, progress bar and checks
// as the Small areas tab, and applied all at once (layer, registrations, hard areas, deprivation,
// then the footprint source) only when every one reads, so the footprints are the ones saved.
import type { SmallAreaRecord } from '../core/io';
import { cachedFile, type CachedFile, type FileStore } from '../state/file-cache';
import type { DeprivationSource } from '../state/deprivation';
import type { SmallAreaHardAreas, SmallAreaSource } from '../state/small-areas';
import type { PlannerStore } from '../state/store';
import {
  changedCopy,
  fileTextAndChecksum,
  layerSource,
  readHardAreas,
  readSmallAreaFile,
  warnMissingImd,
  type SmallAreaFileKind,
} from './load-small-areas';

type Kind = SmallAreaFileKind | 'hardAreas';

/** A recorded file: which kind, and for hard areas the property naming each area. */
interface Recorded {
  readonly kind: Kind;
  readonly name: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly field?: string | null;
}

/** Where the record came from: the autosave (the page was reloaded) or a plan file opened by the user. */
export interface RecordOrigin {
  readonly fileName: string;
  readonly autosave: boolean;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const list = (names: readonly string[]) =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** The record's files in the order they are applied. */
function recordedFiles(r: SmallAreaRecord): Recorded[] {
  return [
    { kind: 'layer' as const, ...r.layer },
    ...(r.registrations ? [{ kind: 'registrations' as const, ...r.registrations }] : []),
    ...(r.hardAreas ? [{ kind: 'hardAreas' as const, ...r.hardAreas }] : []),
    ...(r.deprivation ? [{ kind: 'deprivation' as const, ...r.deprivation }] : []),
  ];
}

/** The sentence when some files have no copy here: which to open, and what the footprints are meanwhile. */
/** What the footprints are while the recorded files are not open (only said when they differ from the record). */
function shownMeanwhile(store: PlannerStore, r: SmallAreaRecord, lead = 'Until then the'): string {
  if (r.footprints !== 'smallAreas') return '';
  const s = store.getState();
  return s.footprintSource === 'smallAreas' && s.smallAreas
    ? ` ${lead} footprints shown are from the small areas already open (${s.smallAreas.layerFile.name}).`
    : ` ${lead} footprints shown are from practice cells, not small areas.`;
}

function missingNotice(
  r: SmallAreaRecord,
  missing: readonly string[],
  origin: RecordOrigin,
  meanwhile: string,
): string {
  const from = r.footprints === 'smallAreas' ? 'small areas' : 'practice cells';
  const head = `${origin.autosave ? capitalised(origin.fileName) : origin.fileName} was made with footprints from ${from} and the small-area files ${list(recordedFiles(r).map((f) => f.name))}${r.hardAreas?.field ? ` (hard areas by ${r.hardAreas.field})` : ''}`;
  const none = missing.length === recordedFiles(r).length && missing.length > 1;
  const open = `this browser has no copy of ${none ? 'them' : list(missing)}: open ${missing.length === 1 ? 'it' : 'them'} in the Small areas tab to see the same footprints`;
  return `${head}; ${open}.${meanwhile}`;
}

/** Whether the open files are already the recorded ones (same checksums, same area field). */
function alreadyOpen(store: PlannerStore, r: SmallAreaRecord): boolean {
  const s = store.getState();
  const sa = s.smallAreas;
  const same = (a: { sha256: string } | null | undefined, b: { sha256: string } | null | undefined) =>
    (a?.sha256 ?? null) === (b?.sha256 ?? null);
  return (
    !!sa &&
    same(sa.layerFile, r.layer) &&
    same(sa.registrationsFile, r.registrations) &&
    same(sa.hardAreas?.file, r.hardAreas) &&
    (sa.hardAreas?.field ?? null) === (r.hardAreas?.field ?? null) &&
    (!r.deprivation || same(s.deprivation?.file, r.deprivation))
  );
}

interface Read {
  source: SmallAreaSource;
  deprivation: DeprivationSource | null;
}

/** Reads every copy in order; null (problems listed) as soon as one fails or is not the recorded file. */
async function readCopies(store: PlannerStore, copies: readonly (CachedFile & Recorded)[]): Promise<Read | null> {
  let source: SmallAreaSource | null = null;
  let hardAreas: SmallAreaHardAreas | null = null;
  let deprivation: DeprivationSource | null = null;
  for (const c of copies) {
    const title = `${c.name} (this browser's copy)`;
    if (c.kind === 'hardAreas') {
      const read = await fileTextAndChecksum(c.blob);
      if (read.sha256 !== c.sha256) {
        store.getState().reportProblem({
          title: `${title} was not loaded; the plan is unchanged`,
          issues: [changedCopy(c.name, c.sha256)],
        });
        return null;
      }
      hardAreas = readHardAreas(store, { name: c.name, ...read }, c.field ?? undefined, title);
      if (!hardAreas) return null;
      continue;
    }
    const reply = await readSmallAreaFile(store, c.blob, c.name, c.kind, {
      verb: 'Reopening',
      title,
      sha256: c.sha256,
      // A layer in metres stating no CRS was only opened after the planner said it is British National Grid.
      confirmBng: () => Promise.resolve(true),
    });
    if (!reply) return null;
    if (reply.type === 'layer') source = layerSource(reply);
    else if (reply.type === 'registrations' && source) {
      const layer: SmallAreaSource = source;
      source = { ...layer, registrations: reply.result.value, registrationsFile: reply.ref };
    } else if (reply.type === 'deprivation') deprivation = { table: reply.result.value, file: reply.ref };
  }
  return source && { source: { ...source, hardAreas }, deprivation };
}

/**
 * Reopens the files `record` names from `files` when every one has a copy with the same checksum,
 * and restores its footprint source; otherwise says which files to open (and, for a restored
 * autosave, that the footprints are from practice cells meanwhile). Nothing is applied unless every
 * file reads, nor when the planner opened other small-area files or another plan meanwhile. Returns
 * true when reopened.
 */
export async function reopenSmallAreaFiles(
  store: PlannerStore,
  record: SmallAreaRecord,
  files: FileStore | null,
  origin: RecordOrigin,
): Promise<boolean> {
  const s = () => store.getState();
  if (alreadyOpen(store, record)) {
    s().setFootprintSource(record.footprints);
    return true;
  }
  // Until the files are open, the autosave and a saved plan keep naming them.
  s().setUnopenedSmallAreas(record);
  const wanted = recordedFiles(record);
  const found = await Promise.all(wanted.map((f) => (files ? cachedFile(files, f) : Promise.resolve(null))));
  const missing = wanted.filter((_, i) => !found[i]).map((f) => f.name);
  if (missing.length > 0) {
    s().notify(missingNotice(record, missing, origin, shownMeanwhile(store, record)), 'warning');
    return false;
  }
  const read = await readCopies(
    store,
    found.map((c, i) => ({ ...wanted[i], blob: c!.blob })),
  );
  if (!read) {
    s().notify(
      `The small-area files of ${origin.fileName} were not reopened (see Problems).${shownMeanwhile(store, record, 'The')}`,
      'warning',
    );
    return false;
  }
  // Small-area files, a new plan or another plan were opened meanwhile (each clears or replaces the record).
  if (s().unopenedSmallAreas !== record) {
    s().notify(
      `The small-area files of ${origin.fileName} were not reopened: other files or another plan were opened meanwhile.`,
      'warning',
    );
    return false;
  }
  s().setSmallAreas(read.source);
  if (record.deprivation) s().setDeprivation(read.deprivation);
  s().setFootprintSource(record.footprints);
  warnMissingImd(store);
  const from = record.footprints === 'smallAreas' ? 'small areas' : 'practice cells';
  s().notify(
    `Reopened ${list(wanted.map((f) => f.name))} from this browser's copy: footprints from ${from}, as in ${origin.fileName}.`,
  );
  return true;
}
