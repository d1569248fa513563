// One definition of contiguity: a footprint is one polygon, not counting parts that are whole
// islands of the study area holding no practice (no network could reach them over land).
import type { MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildTessellation, dissolveSites } from '../../../src/core/geometry';
import { evaluatePlan } from '../../../src/core/plan';
import { DEFAULT_BAND } from '../../../src/core/model';
import { plan, practice, square } from './helpers';
import { polygonValidityErrors } from './validity';

const mainland = square(-2.1, 53.4, -1.9, 53.5).coordinates;
const islandEast = square(-1.87, 53.44, -1.85, 53.46).coordinates;
const area: MultiPolygon = { type: 'MultiPolygon', coordinates: [mainland, islandEast] };

describe('contiguous', () => {
  it('ignores an island without practices that lies in one cell', () => {
    const ps = [practice('A1', -2.05, 53.45), practice('A2', -1.95, 53.45)];
    const t = buildTessellation(ps, area);
    const f = dissolveSites(t, [1]);
    expect(f.parts).toBe(2);
    expect(f.contiguous).toBe(true);
    expect(polygonValidityErrors(f.geometry)).toEqual([]);
    const r = evaluatePlan({ practices: ps, ...plan({ N1: ['A1'], N2: ['A2'] }), band: DEFAULT_BAND }, t);
    expect(r.nonContiguous).toEqual([]);
    expect(r.networks.get('N2' as never)).toMatchObject({ parts: 2, contiguous: true });
  });

  it('gives an island without practices that several cells reach to one cell, whole', () => {
    const ps = [practice('B1', -1.95, 53.42), practice('B2', -1.95, 53.48), practice('B0', -2.05, 53.45)];
    const t = buildTessellation(ps, area);
    const owners = [0, 1].filter((s) => dissolveSites(t, [s]).parts === 2);
    expect(owners).toHaveLength(1);
    for (const s of [0, 1, 2]) {
      const f = dissolveSites(t, [s]);
      expect(f.contiguous).toBe(true);
      expect(polygonValidityErrors(f.geometry)).toEqual([]);
    }
    expect([...t.neighbours[0]]).toEqual([1, 2]);
  });

  it('counts an island holding a practice, and mainland pieces apart, as not contiguous', () => {
    const ps = [practice('A1', -2.05, 53.45), practice('A2', -1.95, 53.45), practice('I1', -1.86, 53.45)];
    const t = buildTessellation(ps, area);
    const r = evaluatePlan({ practices: ps, ...plan({ N1: ['A1', 'I1'], N2: ['A2'] }), band: DEFAULT_BAND }, t);
    expect(r.networks.get('N1' as never)).toMatchObject({ parts: 2, contiguous: false });
    expect(r.nonContiguous).toEqual(['N1']);
  });

  it('calls a network with no footprint neither contiguous nor split', () => {
    const ps = [practice('A1', -2.05, 53.45), practice('FAR', 0, 53.45)];
    const t = buildTessellation(ps, area);
    const r = evaluatePlan({ practices: ps, ...plan({ N1: ['A1'], N2: ['FAR'] }), band: DEFAULT_BAND }, t);
    expect(r.networks.get('N2' as never)).toMatchObject({ parts: 0, contiguous: false });
    expect(r.nonContiguous).toEqual([]);
  });
});
