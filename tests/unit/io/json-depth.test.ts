import { describe, expect, it } from 'vitest';
import { jsonTooDeepAt, lineOfIndex } from '../../../src/core/io/json-depth';
import { readShared } from './helpers';

describe('jsonTooDeepAt', () => {
  it('finds the first bracket past the limit and ignores brackets inside strings', () => {
    expect(jsonTooDeepAt('[[[1]]]', 2)).toBe(2);
    expect(jsonTooDeepAt('[[1]]', 2)).toBe(-1);
    expect(jsonTooDeepAt('{"a":"[[[[\\"[[[["}', 2)).toBe(-1);
    expect(jsonTooDeepAt(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBe(64);
  });

  it('lets real GeoJSON through (the national LSOA layer)', () => {
    expect(jsonTooDeepAt(readShared('england_lsoa2011_bsc.geojson'))).toBe(-1);
  });

  it('gives 1-based lines', () => {
    expect(lineOfIndex('a\nb\nc', 0)).toBe(1);
    expect(lineOfIndex('a\nb\nc', 4)).toBe(3);
  });
});
