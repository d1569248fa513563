import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { ringsCross } from '../../../src/core/io/ring-crossings';
import { ringSignedArea2 } from '../../../src/core/geometry/ring-math';
import { cleanPolygon, cleanRing, isCleanPolygon, orientRings } from '../../../src/core/io/rings';

const square = (x: number, y: number, s: number): Position[] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];

describe('ringsCross', () => {
  it('accepts valid rings: a square, a square with a hole, a concave ring', () => {
    expect(ringsCross([square(0, 0, 4)])).toBe(false);
    expect(ringsCross([square(0, 0, 4), square(1, 1, 2)])).toBe(false);
    expect(
      ringsCross([
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [2, 1],
          [0, 4],
          [0, 0],
        ],
      ]),
    ).toBe(false);
  });

  it('finds a bow-tie, a hole crossing the outer ring, and an edge folding back on itself', () => {
    expect(
      ringsCross([
        [
          [0, 0],
          [2, 2],
          [2, 0],
          [0, 2],
          [0, 0],
        ],
      ]),
    ).toBe(true);
    expect(ringsCross([square(0, 0, 4), square(3, 1, 2)])).toBe(true);
    expect(
      ringsCross([
        [
          [0, 0],
          [4, 0],
          [2, 0],
          [2, 2],
          [0, 0],
        ],
      ]),
    ).toBe(true);
  });

  it('finds a crossing among many segments (grid path)', () => {
    const n = 2000;
    const circle: Position[] = Array.from({ length: n }, (_, i) => [
      Math.cos((2 * Math.PI * i) / n),
      Math.sin((2 * Math.PI * i) / n),
    ]);
    circle.push(circle[0]);
    expect(ringsCross([circle])).toBe(false);
    const twisted = [...circle];
    [twisted[100], twisted[101]] = [twisted[101], twisted[100]];
    expect(ringsCross([twisted])).toBe(true);
  });
});

describe('ring hygiene', () => {
  it('cleanRing rounds, drops repeats, closes; null when it collapses', () => {
    expect(
      cleanRing(
        [
          [0.00000049, 0],
          [1, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ],
        6,
      ),
    ).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
    expect(
      cleanRing(
        [
          [0, 0],
          [1e-8, 0],
          [0, 1e-8],
          [0, 0],
        ],
        6,
      ),
    ).toBeNull();
  });

  it('orientRings winds the outer ring counter-clockwise and holes clockwise, without mutating', () => {
    const cwOuter = [...square(0, 0, 4)].reverse();
    const input = [cwOuter, square(1, 1, 2)];
    const before = structuredClone(input);
    const [outer, hole] = orientRings(input);
    expect(ringSignedArea2(outer)).toBeGreaterThan(0);
    expect(ringSignedArea2(hole)).toBeLessThan(0);
    expect(input).toEqual(before);
  });

  it('isCleanPolygon says when cleanPolygon would give the same rings back', () => {
    const hole = [...square(1, 1, 2)].reverse();
    const clean = [square(0, 0, 4), hole];
    expect(isCleanPolygon(clean, 6)).toBe(true);
    expect(cleanPolygon(clean, 6)).toEqual(clean);
    const unrounded = [square(0.0000001, 0, 4)];
    const repeated = [[...square(0, 0, 4).slice(0, 2), ...square(0, 0, 4).slice(1)]];
    const unclosed = [square(0, 0, 4).slice(0, -1)];
    for (const rings of [unrounded, repeated, unclosed, [hole], [square(0, 0, 4), square(1, 1, 2)]]) {
      expect(isCleanPolygon(rings, 6)).toBe(false);
      expect(cleanPolygon(rings, 6)).not.toEqual(rings);
    }
  });
});
