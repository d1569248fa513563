// The overlap arithmetic against plain polygon clipping, on seeded random shapes in metres.
import { intersect } from '@turf/turf';
import fc from 'fast-check';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { boxOf, geometryArea, intersectionArea, isConvex, type PlanarGeometry } from '../../../src/core/align/planar';

/** A star-shaped (usually non-convex) ring around (cx, cy), counter-clockwise. */
function star(cx: number, cy: number, radii: readonly number[]): Float64Array {
  const n = radii.length;
  const r = new Float64Array(n * 2);
  radii.forEach((rad, i) => {
    const a = (2 * Math.PI * i) / n;
    r[i * 2] = cx + rad * Math.cos(a);
    r[i * 2 + 1] = cy + rad * Math.sin(a);
  });
  return r;
}

function regular(cx: number, cy: number, radius: number, n: number): Float64Array {
  return star(
    cx,
    cy,
    Array.from({ length: n }, () => radius),
  );
}

const asFeature = (g: PlanarGeometry): Feature<Polygon> => ({
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: g[0].map((r) => {
      const o: number[][] = [];
      for (let i = 0; i < r.length; i += 2) o.push([r[i], r[i + 1]]);
      o.push([r[0], r[1]]);
      return o;
    }),
  },
});

function reference(a: PlanarGeometry, b: PlanarGeometry): number {
  const r = intersect({ type: 'FeatureCollection', features: [asFeature(a), asFeature(b)] });
  if (!r) return 0;
  const polys = r.geometry.type === 'Polygon' ? [r.geometry.coordinates] : r.geometry.coordinates;
  let area = 0;
  for (const rings of polys)
    rings.forEach((ring, k) => {
      let s = 0;
      for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
      area += (k === 0 ? 1 : -1) * Math.abs(s / 2);
    });
  return area;
}

describe('intersectionArea', () => {
  it('matches polygon clipping for a convex cell against non-convex areas, with holes (seeded)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 200, max: 1000, noNaN: true }), { minLength: 5, maxLength: 14 }),
        fc.double({ min: -800, max: 800, noNaN: true }),
        fc.double({ min: -800, max: 800, noNaN: true }),
        fc.integer({ min: 3, max: 9 }),
        fc.boolean(),
        (radii, dx, dy, sides, withHole) => {
          const outer = star(0, 0, radii);
          const hole = withHole
            ? star(
                0,
                0,
                radii.map((r) => r / 5),
              ).reverse()
            : null;
          const area: PlanarGeometry = [hole ? [outer, reorder(hole)] : [outer]];
          const cell: PlanarGeometry = [[regular(dx, dy, 500, sides)]];
          expect(isConvex(cell)).toBe(true);
          const got = intersectionArea(cell, boxOf(cell), area, boxOf(area));
          const want = reference(cell, area);
          expect(Math.abs(got - want)).toBeLessThan(1e-6 * Math.max(1, geometryArea(cell)));
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });

  it('takes the containment shortcut and gives 0 for disjoint boxes', () => {
    const big: PlanarGeometry = [[regular(0, 0, 5000, 12)]];
    const small: PlanarGeometry = [[star(100, 100, [300, 200, 300, 150, 250])]];
    expect(intersectionArea(small, boxOf(small), big, boxOf(big))).toBeCloseTo(geometryArea(small), 6);
    const far: PlanarGeometry = [[regular(50_000, 0, 100, 6)]];
    expect(intersectionArea(far, boxOf(far), big, boxOf(big))).toBe(0);
  });

  it('non-convex against non-convex goes through polygon clipping and agrees with it', () => {
    const a: PlanarGeometry = [[star(0, 0, [900, 300, 900, 300, 900, 300, 900, 300])]];
    const b: PlanarGeometry = [[star(400, 100, [700, 250, 700, 250, 700, 250])]];
    expect(intersectionArea(a, boxOf(a), b, boxOf(b))).toBeCloseTo(reference(a, b), 3);
  });
});

/** Float64Array.reverse reverses numbers, not points: put the [x, y] pairs back in order. */
function reorder(reversed: Float64Array): Float64Array {
  const out = new Float64Array(reversed.length);
  for (let i = 0; i < reversed.length; i += 2) {
    out[i] = reversed[i + 1];
    out[i + 1] = reversed[i];
  }
  return out;
}
