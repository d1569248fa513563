// Parses a large practice file off the main thread; the main thread applies the result.
import { parsePractices, type FieldNames } from '../core/io';

export interface ImportRequest {
  readonly text: string;
  readonly fileName: string;
  readonly fields?: FieldNames;
}

self.onmessage = (e: MessageEvent<ImportRequest>) => {
  const { text, fileName, fields } = e.data;
  self.postMessage(parsePractices(text, fileName, { fields }));
};
