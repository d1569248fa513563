// Practices far from the rest: none in the real national, GM and Trafford tables; a typo is found.
import { describe, expect, it } from 'vitest';
import { buildTessellation, farPoints } from '../../../src/core/geometry';
import { parsePractices } from '../../../src/core/io';
import { practiceCode } from '../../../src/core/model';
import { readShared, valueOf } from '../io/helpers';

const practicesOf = (file: string) => valueOf(parsePractices(readShared(file), file)).practices;

describe('farPoints', () => {
  it('finds nothing in real tables', () => {
    for (const file of [
      'england_practices_2022-01.csv',
      'gm_practices_2022-01.csv',
      'trafford_practices_2026-01.csv',
    ]) {
      expect(farPoints(practicesOf(file)).far).toEqual([]);
    }
  });

  it('finds a practice at 0, 0 and one just over the Channel among Greater Manchester practices', () => {
    const gm = practicesOf('gm_practices_2022-01.csv');
    const points = [...gm, { lon: 0, lat: 0 }, { lon: 1.85, lat: 50.95 }];
    const { far } = farPoints(points);
    expect(far.map((f) => [f.index, f.outsideUk])).toEqual([
      [gm.length, true],
      [gm.length + 1, true],
    ]);
    expect(far[0].distanceMetres).toBeGreaterThan(5_000_000);
  });

  it('keeps the no-boundary study area around the rest', () => {
    const gm = practicesOf('gm_practices_2022-01.csv');
    const typo = { code: practiceCode('ZZZ'), name: 'Typo', listSize: 5000, lon: 0, lat: 0 };
    const without = buildTessellation(gm).areaKm2;
    const t = buildTessellation([...gm, typo]);
    expect(t.areaKm2).toBeCloseTo(without, 0);
    expect(t.cellRings[t.siteOfPractice[gm.length]]).toEqual([]);
  });
});
