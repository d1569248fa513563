import { area, booleanPointInPolygon, point } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildTessellation, cellGeometry, dissolveSites } from '../../../src/core/geometry';
import { evaluatePlan } from '../../../src/core/plan';
import { DEFAULT_BAND } from '../../../src/core/model';
import { checkRfc7946, deepFreeze, plan, practice, square } from './helpers';

const box = square(-2.1, 53.4, -1.9, 53.5);
const sum = (xs: Iterable<number>) => [...xs].reduce((a, b) => a + b, 0);

describe('tessellation on hand-made cases', () => {
  it('gives one practice the whole area', () => {
    const t = buildTessellation([practice('A1', -2, 53.45)], box);
    expect(t.sites).toHaveLength(1);
    expect(t.cellAreaKm2[0]).toBeCloseTo(t.areaKm2, 6);
    expect(t.areaKm2).toBeCloseTo(area(box) / 1e6, 0);
    expect(t.neighbours[0]).toHaveLength(0);
  });

  it('splits the area between two practices along their bisector, and they are neighbours', () => {
    const t = buildTessellation([practice('A1', -2.05, 53.45), practice('A2', -1.95, 53.45)], box);
    expect(t.cellAreaKm2[0]).toBeCloseTo(t.cellAreaKm2[1], 0);
    expect([...t.neighbours[0]]).toEqual([1]);
    expect(t.sharedEdgeMetres[0][0]).toBeGreaterThan(10_000);
  });

  it('handles collinear practices as parallel strips', () => {
    const ps = [0, 1, 2, 3].map((i) => practice(`C${i}`, -2.08 + i * 0.05, 53.45));
    const t = buildTessellation(ps, box);
    expect(sum(t.cellAreaKm2)).toBeCloseTo(t.areaKm2, 6);
    expect([...t.neighbours[1]]).toEqual([0, 2]);
  });

  it('puts co-located practices on one site and reports them when networks differ', () => {
    const ps = [practice('A1', -2, 53.45, 9000), practice('A2', -2, 53.45, 4000), practice('B1', -1.95, 53.46)];
    const t = buildTessellation(ps, box);
    expect(t.sites).toHaveLength(2);
    expect(t.siteOfPractice[0]).toBe(t.siteOfPractice[1]);
    const r = evaluatePlan({ practices: ps, ...plan({ N1: ['A1'], N2: ['A2', 'B1'] }), band: DEFAULT_BAND }, t);
    expect(r.sharedSiteConflicts).toHaveLength(1);
    expect(r.sharedSiteConflicts[0].networks).toEqual(['N1', 'N2']);
    expect(r.networks.get('N1' as never)!.sites).toEqual([t.siteOfPractice[0]]);
    expect(r.networks.get('N2' as never)!.population).toBe(14_000);
  });

  it('gives a practice outside the boundary the part of the area nearest to it, or nothing', () => {
    const near = buildTessellation([practice('A1', -2, 53.45), practice('OUT', -1.85, 53.45)], box);
    expect(near.cellAreaKm2[1]).toBeGreaterThan(0);
    const far = buildTessellation(
      [practice('A1', -2, 53.45), practice('A2', -1.98, 53.45), practice('OUT', -1.0, 53.45)],
      box,
    );
    expect(far.cellRings[2]).toHaveLength(0);
    expect(cellGeometry(far, 2)).toBeNull();
    expect(sum(far.cellAreaKm2)).toBeCloseTo(far.areaKm2, 6);
  });

  it('keeps holes and islands of the boundary', () => {
    const withHole: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [
          box.coordinates[0],
          [
            [-2.02, 53.44],
            [-2.02, 53.46],
            [-1.98, 53.46],
            [-1.98, 53.44],
            [-2.02, 53.44],
          ],
        ],
        [
          [
            [-1.85, 53.44],
            [-1.83, 53.44],
            [-1.83, 53.46],
            [-1.85, 53.46],
            [-1.85, 53.44],
          ],
        ],
      ],
    };
    const ps = [practice('A1', -2.05, 53.45), practice('A2', -1.95, 53.48), practice('A3', -1.95, 53.42)];
    const t = buildTessellation(ps, withHole);
    expect(sum(t.cellAreaKm2)).toBeCloseTo(t.areaKm2, 6);
    expect(t.areaKm2).toBeCloseTo(area(withHole) / 1e6, 0);
    const all = dissolveSites(t, [0, 1, 2]);
    expect(all.parts).toBe(2);
    const g = all.geometry as MultiPolygon;
    expect(g.type).toBe('MultiPolygon');
    expect(g.coordinates.some((poly) => poly.length === 2)).toBe(true);
    expect(checkRfc7946(g)).toEqual([]);
    expect(booleanPointInPolygon(point([-2, 53.45]), g)).toBe(false);
  });

  it('works without a boundary (hull plus margin)', () => {
    const ps = [practice('A1', -2, 53.45), practice('A2', -1.9, 53.5), practice('A3', -2.1, 53.55)];
    const t = buildTessellation(ps);
    expect(t.areaKm2).toBeGreaterThan(50);
    expect(sum(t.cellAreaKm2)).toBeCloseTo(t.areaKm2, 6);
    for (let i = 0; i < ps.length; i++) {
      expect(booleanPointInPolygon(point([ps[i].lon, ps[i].lat]), cellGeometry(t, t.siteOfPractice[i])!)).toBe(true);
    }
  });
});

describe('footprints', () => {
  // A 3x3 grid of practices: cells are (near) squares.
  const grid = [0, 1, 2].flatMap((r) =>
    [0, 1, 2].map((c) => practice(`G${r}${c}`, -2.08 + c * 0.08, 53.41 + r * 0.04)),
  );
  const t = buildTessellation(grid, square(-2.12, 53.39, -1.8, 53.51));

  it('dissolves neighbours into one polygon with no inner edges', () => {
    const f = dissolveSites(t, [0, 1, 3, 4]);
    expect(f.parts).toBe(1);
    expect((f.geometry as Polygon).coordinates).toHaveLength(1);
    expect(area(f.geometry!) / 1e6).toBeCloseTo(f.areaKm2, 0);
    expect(checkRfc7946(f.geometry!)).toEqual([]);
  });

  it('counts cells touching only at a corner as two parts, and is not adjacency', () => {
    expect([...t.neighbours[0]]).not.toContain(4);
    const f = dissolveSites(t, [0, 4]);
    expect(f.parts).toBe(2);
    expect(f.geometry!.type).toBe('MultiPolygon');
  });

  it('counts cells that are apart as two parts', () => {
    expect(dissolveSites(t, [0, 8]).parts).toBe(2);
  });

  it('reports a ring-shaped network with its hole', () => {
    const f = dissolveSites(t, [0, 1, 2, 3, 5, 6, 7, 8]);
    expect(f.parts).toBe(1);
    expect((f.geometry as Polygon).coordinates).toHaveLength(2);
    expect(checkRfc7946(f.geometry!)).toEqual([]);
  });

  it('flags non-contiguous networks and computes Polsby-Popper in 0-1', () => {
    const r = evaluatePlan(
      {
        practices: grid,
        ...plan({ A: ['G00', 'G11'], B: ['G01', 'G02', 'G10', 'G12', 'G20', 'G21', 'G22'] }),
        band: DEFAULT_BAND,
      },
      t,
    );
    expect(r.nonContiguous).toEqual(['A']);
    for (const s of r.networks.values()) {
      expect(s.polsbyPopper).toBeGreaterThan(0);
      expect(s.polsbyPopper).toBeLessThanOrEqual(1);
    }
    expect(r.networks.get('A' as never)!.band).toBe('below');
    expect(r.networks.get('B' as never)!.band).toBe('above');
  });

  it('does not mutate its inputs', () => {
    const ps = deepFreeze(grid.map((p) => ({ ...p })));
    const b = deepFreeze(square(-2.12, 53.39, -1.8, 53.51));
    const input = deepFreeze({ practices: ps, ...plan({ A: ['G00', 'G01'] }), band: DEFAULT_BAND });
    const before = JSON.stringify([ps, b, [...input.assignment]]);
    const tt = buildTessellation(ps, b);
    evaluatePlan(input, tt);
    expect(JSON.stringify([ps, b, [...input.assignment]])).toBe(before);
  });
});
