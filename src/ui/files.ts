// Reading the user's files (with progress for large ones) and offering downloads.
import { DEFAULT_MAX_BYTES } from '../core/io';

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The file's text; rejects a file over the input limit before reading any of it. */
export async function readFileText(file: File, onProgress?: (fraction: number) => void): Promise<string> {
  if (file.size > DEFAULT_MAX_BYTES)
    throw new Error(`is ${megabytes(file.size)}, larger than the ${megabytes(DEFAULT_MAX_BYTES)} limit`);
  if (!onProgress || file.size < 2_000_000) return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(`could not read ${file.name}`));
    reader.readAsText(file);
  });
}

/** The file's bytes (decoded by core's prepareInput: encodings, zipped shapefiles); same limit. */
export async function readFileBytes(file: File, onProgress?: (fraction: number) => void): Promise<Uint8Array> {
  if (file.size > DEFAULT_MAX_BYTES)
    throw new Error(`is ${megabytes(file.size)}, larger than the ${megabytes(DEFAULT_MAX_BYTES)} limit`);
  if (!onProgress || file.size < 2_000_000) return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(`could not read ${file.name}`));
    reader.readAsArrayBuffer(file);
  });
}

export function download(content: Blob | string | Uint8Array, fileName: string, type = 'application/octet-stream') {
  const blob = content instanceof Blob ? content : new Blob([content as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
