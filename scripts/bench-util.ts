// What every benchmark section shares: the real data in ../shared/data, timing, quantiles and the
// seeded random moves (the same sequence in every section, so figures compare run to run).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const sharedDataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/data');

export const readShared = (file: string) => readFileSync(path.join(sharedDataDir, file), 'utf8');

/** The q-quantile (0-1) of xs, by rank. */
export const quantile = (xs: readonly number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

/** f's value and how long it took, ms. */
export function time<T>(f: () => T): [T, number] {
  const s = performance.now();
  const v = f();
  return [v, performance.now() - s];
}

/** Park-Miller random numbers in (0, 1) from a seed (42 in every section). */
export function parkMiller(seed = 42): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

/** The first run (cold) and the median of `xs` (milliseconds), rounded to `digits` decimals. */
export function firstAndMedian(xs: readonly number[], digits = 1): { first: number; median: number } {
  const round = (x: number) => Math.round(x * 10 ** digits) / 10 ** digits;
  return { first: round(xs[0]), median: round(quantile(xs, 0.5)) };
}
