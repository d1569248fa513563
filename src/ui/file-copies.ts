// This browser's copies of small-area files (src/state/file-cache.ts), handed to the panels that
// open or reopen them; none in tests that render without it (nothing is kept).
import { createContext } from 'preact';
import type { SmallAreaRecord } from '../core/io';
import type { FileStore } from '../state/file-cache';
import type { PlannerStore } from '../state/store';

export const FileCopiesContext = createContext<FileStore | null>(null);

/**
 * Reopens the small-area files a restored autosave or an opened plan names from `files` (the code
 * that reads them is fetched on first use, with the Small areas tab's).
 */
export async function reopenRecorded(
  store: PlannerStore,
  record: SmallAreaRecord,
  files: FileStore | null,
  origin: { fileName: string; autosave: boolean },
): Promise<boolean> {
  const { reopenSmallAreaFiles } = await import('./reopen-small-areas');
  return reopenSmallAreaFiles(store, record, files, origin);
}
