// Messages between the app and its workers carry large results as typed arrays; listing their
// buffers in postMessage's transfer list moves them without a copy (cloning them would cost the
// receiving main thread as much as the sender).

/** The distinct ArrayBuffers of every typed array in a plain value (objects and arrays, any depth). */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const visit = (v: unknown) => {
    if (v === null || typeof v !== 'object') return;
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) found.add(v.buffer);
      return;
    }
    if (v instanceof Map) {
      for (const x of v.values()) visit(x);
      return;
    }
    for (const x of Array.isArray(v) ? v : Object.values(v)) visit(x);
  };
  visit(value);
  return [...found];
}
