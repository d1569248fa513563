// The geometry kernel's primitives on small hand-made cases (the golden fixtures and the CLI runs
// on the shared data cover them inside the engine).
import { describe, expect, it } from 'vitest';
import { clipPass } from '../../../src/core/geometry/clip-ring';
import { EdgeSites, meshAdjacency, sharedEdges } from '../../../src/core/geometry/edge-sites';
import { csrOf, floodFill } from '../../../src/core/geometry/flood-fill';
import {
  boundsOfPoints,
  convexHull,
  hypot,
  orient,
  ringSignedArea2,
  signedAreaOfPoints,
} from '../../../src/core/geometry/ring-math';

type XY = [number, number];

describe('clipPass (Sutherland-Hodgman)', () => {
  const square: XY[] = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
  ];
  const cutAtX =
    (x: number) =>
    (a: XY, b: XY): XY => [x, a[1] + ((x - a[0]) * (b[1] - a[1])) / (b[0] - a[0])];

  it('keeps the part inside one edge, starting at the closing edge cut', () => {
    const left = clipPass(square, (p) => p[0] <= 0.5, cutAtX(0.5));
    expect(left).toEqual([
      [0, 0],
      [0.5, 0],
      [0.5, 1],
      [0, 1],
    ]);
    expect(signedAreaOfPoints(left)).toBe(0.5);
    const right = clipPass(square, (p) => p[0] >= 0.5, cutAtX(0.5));
    expect(right).toEqual([
      [0.5, 0],
      [1, 0],
      [1, 1],
      [0.5, 1],
    ]);
  });

  it('gives nothing for a ring wholly outside and the ring itself for one wholly inside', () => {
    expect(clipPass(square, (p) => p[0] >= 2, cutAtX(2))).toEqual([]);
    expect(clipPass(square, (p) => p[0] <= 2, cutAtX(2))).toEqual(square);
  });
});

describe('edge map and adjacency', () => {
  // Two unit squares side by side over vertex ids 0-5: 0 (0,0) 1 (1,0) 2 (2,0) 3 (2,1) 4 (1,1) 5 (0,1).
  const xy = Float64Array.from([0, 0, 1, 0, 2, 0, 2, 1, 1, 1, 0, 1]);
  const cells = [[Int32Array.from([0, 1, 4, 5])], [Int32Array.from([1, 2, 3, 4])]];

  it('finds the cell holding each directed edge, and none for an outer edge reversed', () => {
    const edges = new EdgeSites(cells, 6);
    expect(edges.owner(1, 4)).toBe(0);
    expect(edges.owner(4, 1)).toBe(1);
    expect(edges.owner(1, 0)).toBeUndefined();
    expect(edges.get(4 * 6 + 1)).toBe(1);
  });

  it('gives each cell its neighbours and the shared length in metres', () => {
    const others: number[] = [];
    const lengths: number[] = [];
    sharedEdges(cells[0], 0, new EdgeSites(cells, 6), xy, others, lengths);
    expect(others).toEqual([1]);
    expect(lengths).toEqual([1]);
    const adjacency = meshAdjacency(cells, xy, 6);
    expect(adjacency.neighbours.map((n) => [...n])).toEqual([[1], [0]]);
    expect(adjacency.sharedEdgeMetres.map((m) => [...m])).toEqual([[1], [1]]);
  });
});

describe('floodFill', () => {
  // 0-1-2 a path, 3-4 a pair, 5 alone.
  const g = csrOf([[1], [0, 2], [1], [4], [3], []]);

  it('reaches every node of the start node component once', () => {
    const seen = new Uint8Array(6);
    seen[0] = 1;
    const enter = (v: number) => {
      if (seen[v]) return false;
      seen[v] = 1;
      return true;
    };
    expect(floodFill(g, 0, enter)).toBe(3);
    expect([...seen]).toEqual([1, 1, 1, 0, 0, 0]);
    seen[5] = 1;
    expect(floodFill(g, 5, enter)).toBe(1);
  });

  it('stops where the join rule refuses a node', () => {
    const seen = new Set([0]);
    const reached = floodFill(g, 0, (v) => v !== 1 && !seen.has(v) && seen.add(v) !== undefined);
    expect(reached).toBe(1);
  });
});

describe('ring math', () => {
  it('hypot gives exactly what Math.hypot gives, special values included', () => {
    const special = [0, -0, 1, -1, 3, 4, 5e-324, 1e-300, 1e308, -1e308, Infinity, -Infinity, NaN];
    for (const a of special) for (const b of special) expect(Object.is(hypot(a, b), Math.hypot(a, b))).toBe(true);
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    let mismatches = 0;
    for (let i = 0; i < 200_000; i++) {
      // Edge lengths in metres and degrees, from sub-millimetre to continental, either sign.
      const a = (random() - 0.5) * 10 ** Math.floor(random() * 14 - 6);
      const b = (random() - 0.5) * 10 ** Math.floor(random() * 14 - 6);
      if (!Object.is(hypot(a, b), Math.hypot(a, b))) mismatches++;
      if (!Object.is(hypot(a, a * (1 + 1e-15)), Math.hypot(a, a * (1 + 1e-15)))) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('convexHull gives exactly what the monotone chain over a comparator sort gives', () => {
    // The reference: Array.prototype.sort (stable) with a difference comparator, then the chain.
    const reference = (points: readonly XY[]): XY[] => {
      const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      if (pts.length < 3) return pts.map((p) => [p[0], p[1]]);
      const cross = (o: XY, a: XY, b: XY) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
      const chain = (list: XY[]) => {
        const out: XY[] = [];
        for (const p of list) {
          while (out.length >= 2 && cross(out[out.length - 2], out[out.length - 1], p) <= 0) out.pop();
          out.push(p);
        }
        return out.slice(0, -1);
      };
      return chain(pts)
        .concat(chain([...pts].reverse()))
        .map((p) => [p[0], p[1]]);
    };
    let seed = 11;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let trial = 0; trial < 300; trial++) {
      const n = trial < 10 ? trial : Math.floor(random() * 2000);
      // Coarse grids give repeated points, ties in x and collinear runs. The hull's lowest and
      // leftmost corners lie on 0, given as 0 or -0: which comes out shows the order of equal points.
      const step = [1, 0.5, 1e-3, 250][trial % 4];
      const points: XY[] = [];
      for (let i = 0; i < n; i++) {
        const x = Math.round(random() * 40) * step;
        const y = Math.round(random() * 40) * step;
        const sign = random() < 0.5 ? -1 : 1;
        points.push([x === 0 ? sign * 0 : x, y === 0 ? -sign * 0 : trial % 3 ? y : y + random() * 1e-9]);
      }
      const got = convexHull(points);
      const want = reference(points);
      expect(got.length).toBe(want.length);
      got.forEach((p, k) => {
        expect(Object.is(p[0], want[k][0]) && Object.is(p[1], want[k][1])).toBe(true);
      });
    }
  });

  it('orient says which side of a line a point lies on', () => {
    expect(orient(0, 0, 1, 0, 0, 1)).toBe(1);
    expect(orient(0, 0, 1, 0, 0, -1)).toBe(-1);
    expect(orient(0, 0, 1, 0, 2, 0)).toBe(0);
  });

  it('the trapezoid winding area keeps the sign of a tiny ring in degrees', () => {
    // A right triangle of 1e-7 degree legs in Manchester: twice its area is 1e-14 square degrees.
    const ring = [
      [-2.2426, 53.4808],
      [-2.2426 + 1e-7, 53.4808],
      [-2.2426, 53.4808 + 1e-7],
      [-2.2426, 53.4808],
    ];
    expect(ringSignedArea2(ring)).toBeGreaterThan(0);
    expect(Math.abs(ringSignedArea2(ring) - 1e-14) / 1e-14).toBeLessThan(0.01);
    expect(ringSignedArea2([...ring].reverse())).toBeLessThan(0);
  });

  it('boundsOfPoints is the extent of the points', () => {
    expect(
      boundsOfPoints([
        [1, 5],
        [-2, 3],
        [4, -1],
      ]),
    ).toEqual({ x0: -2, y0: -1, x1: 4, y1: 5 });
  });
});
