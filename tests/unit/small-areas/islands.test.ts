// Contiguity of small-area footprints follows the footprint-integrity rule: a part on an island of
// the layer that holds no practice does not make a network non-contiguous.
import { describe, expect, it } from 'vitest';
import { networkId, practiceCode, DEFAULT_BAND } from '../../../src/core/model';
import { buildSmallAreaContext, evaluateSmallAreaPlan, parseSmallAreaLayer } from '../../../src/core/small-areas';
import { ok } from './helpers';

const square = (code: string, x: number, y: number, d = 0.01) => ({
  type: 'Feature',
  properties: { lsoa11cd: code },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + d, y],
        [x + d, y + d],
        [x, y + d],
        [x, y],
      ],
    ],
  },
});
// Two mainland squares side by side, and an island square offshore.
const layer = ok(
  parseSmallAreaLayer(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [square('E01000001', -2.0, 53.0), square('E01000002', -1.99, 53.0), square('E01000003', -1.95, 53.0)],
    }),
    'lsoa.geojson',
  ),
);
const practice = (code: string, lon: number) => ({
  code: practiceCode(code),
  name: code,
  listSize: 5000,
  lon,
  lat: 53.005,
});

describe('small-area contiguity and islands', () => {
  it('a practice-free island does not break a network; an island with a practice of another network does', () => {
    const networks = [{ id: networkId('N1'), name: 'One' }];
    const alone = [practice('P1', -1.995)];
    const plan = evaluateSmallAreaPlan(
      { practices: alone, networks, assignment: new Map([[alone[0].code, networks[0].id]]), band: DEFAULT_BAND },
      buildSmallAreaContext({ layer, practices: alone }).context,
    );
    const n1 = plan.networks.get(networkId('N1'))!;
    expect(n1.parts).toBe(2);
    expect(n1.contiguous).toBe(true);
    expect(plan.nonContiguous).toEqual([]);

    const withIslander = [...alone, practice('P2', -1.945)];
    const both = evaluateSmallAreaPlan(
      {
        practices: withIslander,
        networks,
        assignment: new Map(withIslander.map((p) => [p.code, networks[0].id])),
        band: DEFAULT_BAND,
      },
      buildSmallAreaContext({ layer, practices: withIslander }).context,
    );
    expect(both.networks.get(networkId('N1'))!.contiguous).toBe(false);
  });
});
