// Parses a large practice file off the main thread; the main thread applies the result.
import { parsePractices, type ParsePracticesOptions } from '../core/io';

export interface ImportRequest {
  readonly text: string;
  readonly fileName: string;
  readonly opts: ParsePracticesOptions;
}

self.onmessage = (e: MessageEvent<ImportRequest>) => {
  const { text, fileName, opts } = e.data;
  self.postMessage(parsePractices(text, fileName, opts));
};
