// The typed-array lookup tables behind the tessellation agree with a plain Map on every key.
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/core/cluster/prng';
import { EdgeSites } from '../../../src/core/geometry/edge-sites';
import { GridBins } from '../../../src/core/geometry/grid-bins';

describe('GridBins', () => {
  it('stores and replaces ids like a Map keyed by (column, row), through many growths', () => {
    const rand = createRandom(3);
    const bins = new GridBins();
    const reference = new Map<string, number>();
    for (let i = 0; i < 50_000; i++) {
      const gx = Math.floor((rand() - 0.5) * 2 ** 31),
        gy = Math.floor((rand() - 0.5) * 400);
      bins.set(gx, gy, i);
      reference.set(`${gx},${gy}`, i);
    }
    bins.set(7, -7, 1);
    bins.set(7, -7, 2);
    reference.set('7,-7', 2);
    for (const [key, id] of reference) {
      const [gx, gy] = key.split(',').map(Number);
      expect(bins.get(gx, gy)).toBe(id);
    }
    expect(bins.get(123_456_789, 1_000)).toBe(-1);
  });
});

describe('EdgeSites', () => {
  it('finds the site of every directed edge, and nothing for edges no ring holds', () => {
    // A 3 x 3 grid of square cells: vertex (i, j) has id i * 4 + j; cell (i, j) is site i * 3 + j.
    const v = (i: number, j: number) => i * 4 + j;
    const rings = Array.from({ length: 9 }, (_, s) => {
      const i = Math.floor(s / 3),
        j = s % 3;
      return [Int32Array.of(v(i, j), v(i + 1, j), v(i + 1, j + 1), v(i, j + 1))];
    });
    const edges = new EdgeSites(rings, 16);
    const reference = new Map<number, number>();
    rings.forEach(([r], s) => r.forEach((a, k) => reference.set(a * 16 + r[(k + 1) % 4], s)));
    for (const [key, site] of reference) {
      expect(edges.get(key)).toBe(site);
      expect(edges.owner(Math.floor(key / 16), key % 16)).toBe(site);
    }
    expect(edges.owner(v(0, 0), v(0, 1))).toBeUndefined();
    expect(edges.get(-1)).toBeUndefined();
    expect(edges.get(16 * 16)).toBeUndefined();
  });
});
