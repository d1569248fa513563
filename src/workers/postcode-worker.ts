// Streams a postcode lookup File (the whole ONS Postcode Directory is 1.4 GB) keeping only the
// postcodes of the practice file being opened, with progress, off the main thread.
import { PostcodeLookupReader } from '../core/io/postcodes';

export interface PostcodeRequest {
  readonly file: File;
  readonly wanted: readonly string[];
}

self.onmessage = async (e: MessageEvent<PostcodeRequest>) => {
  const { file, wanted } = e.data;
  const reader = new PostcodeLookupReader(file.name, new Set(wanted));
  const decoder = new TextDecoder('utf-8');
  const stream = file.stream().getReader();
  let read = 0;
  let lastPost = 0;
  for (;;) {
    const { done, value } = await stream.read();
    if (done) break;
    read += value.byteLength;
    reader.push(decoder.decode(value, { stream: true }));
    if (read - lastPost > 8_000_000) {
      lastPost = read;
      self.postMessage({ progress: read / Math.max(1, file.size) });
    }
  }
  reader.push(decoder.decode());
  self.postMessage({ result: reader.finish() });
};
