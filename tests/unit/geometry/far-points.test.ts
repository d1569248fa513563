// Practices far from the rest: none in the real national, GM and Trafford tables; a typo is found.
import { describe, expect, it } from 'vitest';
import { buildTessellation, farPoints } from '../../../src/core/geometry';
import { EARTH_RADIUS_METRES } from '../../../src/core/geometry/projection';
import { parsePractices } from '../../../src/core/io';
import { practiceCode } from '../../../src/core/model';
import { readShared, valueOf } from '../io/helpers';

const practicesOf = (file: string) => valueOf(parsePractices(readShared(file), file)).practices;

// The answer by sorting (medians and the 90th percentile read from sorted copies), to compare with.
function farBySorting(points: readonly { lon: number; lat: number }[]) {
  const sorted = (v: number[]) => Float64Array.from(v).sort();
  const median = (v: number[]) => {
    const s = sorted(v);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const rad = Math.PI / 180;
  const metres = (lon1: number, lat1: number, lon2: number, lat2: number) => {
    const a =
      Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
      Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
  };
  const lon0 = median(points.map((p) => p.lon));
  const lat0 = median(points.map((p) => p.lat));
  const distances = points.map((p) => metres(lon0, lat0, p.lon, p.lat));
  const s = sorted(distances);
  const typicalMetres = s[Math.min(s.length - 1, Math.floor(0.9 * s.length))];
  const limit = Math.max(100_000, 4 * typicalMetres);
  return { typicalMetres, far: distances.flatMap((d, index) => (d > limit ? [index] : [])), distances };
}

describe('farPoints', () => {
  it('gives exactly the medians and percentile a sort gives, on odd and even counts with ties', () => {
    let seed = 3;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let trial = 0; trial < 200; trial++) {
      const n = 3 + Math.floor(random() * (trial < 100 ? 20 : 3000));
      // Coarse steps give repeated values; a few points far outside the UK box.
      const step = [0.5, 0.01, 1e-6][trial % 3];
      const points = Array.from({ length: n }, () =>
        random() < 0.02
          ? { lon: 20 + random() * 100, lat: -40 + random() * 30 }
          : {
              lon: -5 + Math.round((random() * 6.7) / step) * step,
              lat: 50 + Math.round((random() * 5.5) / step) * step,
            },
      );
      const want = farBySorting(points);
      const got = farPoints(points);
      expect(got.typicalMetres).toBe(want.typicalMetres);
      const farByDistance = got.far.filter(
        (f) => !f.outsideUk || f.distanceMetres > Math.max(100_000, 4 * want.typicalMetres),
      );
      expect(farByDistance.map((f) => f.index)).toEqual(want.far);
      for (const f of got.far) expect(f.distanceMetres).toBe(want.distances[f.index]);
    }
  });

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
