// Reading numbers out of cells and properties, strictly enough to catch broken exports.

/** Network ids meaning "no network": empty, or pcn_code "U", NHS Digital's "Unallocated" bucket (any case). */
const NO_NETWORK = new Set(['', 'U']);

/** True when a network id cell leaves the practice unassigned: empty or "U" / "u". */
export const isNoNetwork = (id: string): boolean => NO_NETWORK.has(id.toUpperCase());

const GROUPED_THOUSANDS = /^\d{1,3}(,\d{3})+$/;
const PLAIN_WHOLE = /^\+?\d+(\.0*)?$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A list size: a whole number >= 0, from a JSON number or text such as "8152", "8,152" or "8152.0".
 * Returns null for anything else ("-3", "12.5", "abc").
 */
export function parseWholeNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 0 ? raw : null;
  if (typeof raw !== 'string') return null;
  let s = raw.trim();
  if (GROUPED_THOUSANDS.test(s)) s = s.replace(/,/g, '');
  if (!PLAIN_WHOLE.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

/** A finite decimal number from a JSON number or text; null otherwise. */
export function parseDecimal(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  if (!DECIMAL.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** True for "" / null / undefined / whitespace. */
export function isMissing(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

/** How a raw value is quoted in messages: `"-3"`. */
export function quoteValue(raw: unknown): string {
  const s = typeof raw === 'string' ? raw : JSON.stringify(raw);
  const short = s.length > 40 ? `${s.slice(0, 37)}...` : s;
  return `"${short.replace(/[\r\n]+/g, ' ')}"`;
}

/** 1000000 -> "1,000,000", the same on every machine (no locale lookup). */
export const formatWhole = (n: number) =>
  Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
