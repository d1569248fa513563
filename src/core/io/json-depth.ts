// How deeply JSON text nests, found by scanning the text (no recursion, no parse tree), so
// hostile input (a list nested 6,000 deep) is refused before any recursive code can overflow.

/** GeoJSON needs about 10 levels (a GeometryCollection of MultiPolygons in a Feature about 12). */
export const MAX_JSON_DEPTH = 64;

/**
 * The character index where nesting first goes deeper than `max`, or -1 when it never does.
 * Brackets inside strings are skipped. Example: `jsonTooDeepAt('[[[1]]]', 2)` -> 2.
 */
export function jsonTooDeepAt(text: string, max = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > max) return i;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return -1;
}

/** 1-based line of a character index, for messages. */
export function lineOfIndex(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}
