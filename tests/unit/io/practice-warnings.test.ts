import { describe, expect, it } from 'vitest';
import { parseBoundary } from '../../../src/core/io/parse-boundary';
import { practiceWarnings } from '../../../src/core/io/practice-warnings';
import { boundaryContains, practicesOutsideBoundary } from '../../../src/core/io/practices-outside-boundary';
import { networkId, practiceCode, type Practice } from '../../../src/core/model';
import { messages, readFixture, valueOf } from './helpers';

const boundary = valueOf(parseBoundary(readFixture('boundary-holes-islands.geojson'), 'b.geojson'));
const at = (code: string, lon: number, lat: number): Practice => ({
  code: practiceCode(code),
  name: `Name ${code}`,
  listSize: 10,
  lon,
  lat,
});

describe('boundaryContains', () => {
  it('is true on land, false in the hole, true on the island, false at sea', () => {
    const inside = boundaryContains(boundary);
    expect(inside(0.5, 0.5)).toBe(true);
    expect(inside(2, 2)).toBe(false);
    expect(inside(4.5, 2)).toBe(true);
    expect(inside(6.5, 0.5)).toBe(true);
    expect(inside(5.5, 0.5)).toBe(false);
    expect(inside(-1, -1)).toBe(false);
  });
});

describe('practicesOutsideBoundary / practiceWarnings', () => {
  const practices = [at('P1', 0.5, 0.5), at('P2', 2, 2), at('P3', 6.5, 0.5), at('P4', 9, 9)];

  it('warns for each practice outside, naming it and where it is', () => {
    expect(messages(practicesOutsideBoundary(practices, boundary, 'p.csv'))).toEqual([
      'p.csv (P2): practice P2 (Name P2) at 2, 2 lies outside the boundary',
      'p.csv (P4): practice P4 (Name P4) at 9, 9 lies outside the boundary',
    ]);
  });

  it('adds practices with no network, and mutates nothing', () => {
    const assignment = new Map([
      [practiceCode('P1'), networkId('N1')],
      [practiceCode('P2'), networkId('N1')],
    ]);
    const before = structuredClone({ practices, boundary, assignment });
    expect(messages(practiceWarnings(practices, boundary, assignment, 'p.csv'))).toEqual([
      'p.csv (P2): practice P2 (Name P2) at 2, 2 lies outside the boundary',
      'p.csv (P4): practice P4 (Name P4) at 9, 9 lies outside the boundary',
      'p.csv (P3): practice P3 (Name P3) has no network',
      'p.csv (P4): practice P4 (Name P4) has no network',
    ]);
    expect(messages(practiceWarnings(practices, null, assignment, 'p.csv'))).toHaveLength(2);
    expect({ practices, boundary, assignment }).toEqual(before);
  });
});
