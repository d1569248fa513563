import { describe, expect, it } from 'vitest';
import { jsonTooDeepAt, lineOfIndex } from '../../../src/core/io/json-depth';
import { parsePlanFile } from '../../../src/core/io/plan-file';
import { errorsOf } from './helpers';
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

it('a plan file nested 6,000 deep is an error, not a stack overflow', () => {
  const text = `{"format":"pcn-planner-plan","version":1,"practices":${'['.repeat(6000)}${']'.repeat(6000)}}`;
  expect(errorsOf(parsePlanFile(text, 'plan.json'))).toEqual([
    'plan.json: is nested more than 64 levels deep (line 1, character 117); a plan file needs about 12',
  ]);
});
