import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import type { NetworkSummaryInput } from '../../../src/core/io/networks-schema';
import { parseNetworksGeoJSON } from '../../../src/core/io/parse-networks-geojson';
import { ringSignedArea2 } from '../../../src/core/geometry/ring-math';
import { toNetworksGeoJSON } from '../../../src/core/io/to-networks-geojson';
import { DEFAULT_BAND, networkId, practiceCode } from '../../../src/core/model';
import { errorsOf, messages, valueOf } from './helpers';

const codes = (...c: string[]) => c.map(practiceCode);

const north: NetworkSummaryInput = {
  id: networkId('N1'),
  name: 'North, "upper"',
  population: 41234,
  practiceCount: 3,
  practiceCodes: codes('P9', 'P1', 'P10'),
  areaKm2: 12.3456789,
  parts: 1,
  contiguous: true,
  polsbyPopper: 0.612345678,
  // Clockwise outer ring, counter-clockwise hole, unclosed-after-rounding repeats: all fixed on output.
  geometry: {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [-2.0000001, 53],
          [-2, 53.5],
          [-1.5, 53.5],
          [-1.5, 53],
          [-1.50000001, 53.00000001],
          [-2, 53],
        ],
        [
          [-1.9, 53.1],
          [-1.6, 53.1],
          [-1.6, 53.4],
          [-1.9, 53.4],
          [-1.9, 53.1],
        ],
      ],
    ],
  },
};
const south: NetworkSummaryInput = {
  id: networkId('N2'),
  name: 'South',
  population: 12000,
  practiceCount: 1,
  practiceCodes: codes('P2'),
  areaKm2: 0,
  parts: 0,
  contiguous: false,
  polsbyPopper: 0,
  geometry: null,
};

describe('toNetworksGeoJSON', () => {
  it('writes the issue 2 §4 schema exactly', () => {
    const fc = toNetworksGeoJSON([north, south], DEFAULT_BAND);
    expect(fc.type).toBe('FeatureCollection');
    expect(Object.keys(fc)).toEqual(['type', 'features']);
    const [f, g] = fc.features;
    expect(f.id).toBe('N1');
    expect(Object.keys(f.properties)).toEqual([
      'network_id',
      'network_name',
      'population',
      'practice_count',
      'practice_codes',
      'area_km2',
      'parts',
      'contiguous',
      'polsby_popper',
      'band',
      'band_min',
      'band_max',
    ]);
    expect(f.properties).toEqual({
      network_id: 'N1',
      network_name: 'North, "upper"',
      population: 41234,
      practice_count: 3,
      practice_codes: 'P1;P10;P9',
      area_km2: 12.3457,
      parts: 1,
      contiguous: true,
      polsby_popper: 0.6123,
      band: 'within',
      band_min: 30000,
      band_max: 50000,
    });
    expect(f.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [-2, 53],
          [-1.5, 53],
          [-1.5, 53.5],
          [-2, 53.5],
          [-2, 53],
        ],
        [
          [-1.9, 53.1],
          [-1.9, 53.4],
          [-1.6, 53.4],
          [-1.6, 53.1],
          [-1.9, 53.1],
        ],
      ],
    });
    const rings = (f.geometry as Polygon).coordinates;
    expect(ringSignedArea2(rings[0])).toBeGreaterThan(0);
    expect(ringSignedArea2(rings[1])).toBeLessThan(0);
    expect(g).toMatchObject({ id: 'N2', geometry: null, properties: { band: 'below', parts: 0 } });
  });

  it('takes any iterable (e.g. a Map of summaries) and a custom band', () => {
    const fc = toNetworksGeoJSON(new Map([['N2', south]]).values(), { min: 10000, max: 11000 });
    expect(fc.features[0].properties).toMatchObject({ band: 'above', band_min: 10000, band_max: 11000 });
  });

  it('does not mutate the summaries', () => {
    const before = structuredClone([north, south]);
    toNetworksGeoJSON([north, south], DEFAULT_BAND);
    expect([north, south]).toEqual(before);
  });
});

describe('parseNetworksGeoJSON', () => {
  it('reads back what toNetworksGeoJSON writes', () => {
    const text = JSON.stringify(toNetworksGeoJSON([north, south], DEFAULT_BAND));
    const r = parseNetworksGeoJSON(text, 'n.geojson');
    const v = valueOf(r);
    expect(r.warnings).toEqual([]);
    expect(v.band).toEqual(DEFAULT_BAND);
    expect(v.networks.map((n) => n.id)).toEqual(['N1', 'N2']);
    expect(v.networks[0]).toMatchObject({
      name: 'North, "upper"',
      population: 41234,
      practiceCount: 3,
      practiceCodes: ['P1', 'P10', 'P9'],
      areaKm2: 12.3457,
      parts: 1,
      polsbyPopper: 0.6123,
      band: 'within',
    });
    expect(v.networks[1].geometry).toBeNull();
    expect([...v.assignment]).toEqual([
      ['P1', 'N1'],
      ['P10', 'N1'],
      ['P9', 'N1'],
      ['P2', 'N2'],
    ]);
    // Writing what was read gives the same text: the schema is a fixed point.
    expect(JSON.stringify(toNetworksGeoJSON(v.networks, v.band ?? DEFAULT_BAND))).toBe(text);
  });

  it('reports wrong types, repeated ids, practices in two networks, mismatched counts', () => {
    const fc = toNetworksGeoJSON([north, south], DEFAULT_BAND);
    const bad = JSON.parse(JSON.stringify(fc));
    bad.features[0].properties.population = -3;
    bad.features[0].properties.polsby_popper = 1.5;
    bad.features[0].properties.practice_count = 2;
    delete bad.features[0].properties.band;
    bad.features[1].properties.network_id = 'N1';
    bad.features[1].id = 'N1';
    bad.features[1].properties.practice_codes = 'P1';
    bad.features[1].geometry = { type: 'Point', coordinates: [0, 0] };
    expect(errorsOf(parseNetworksGeoJSON(JSON.stringify(bad), 'n.geojson'))).toEqual([
      'n.geojson feature 0, network N1: population "-3" is not a whole number >= 0',
      'n.geojson feature 0, network N1: polsby_popper "1.5" is not a number from 0 to 1',
      'n.geojson feature 0, network N1: band is missing (expected "below", "within" or "above")',
      'n.geojson feature 0, network N1: practice_count 2 but practice_codes lists 3',
      'n.geojson feature 1, network N1: geometry is Point; expected Polygon or MultiPolygon',
      'n.geojson feature 1, network N1: network_id N1 appears again (first at feature 0)',
      'n.geojson feature 1, network N1 (P1): practice P1 is also in network N1',
    ]);
  });

  it('warns when band does not match population and bounds', () => {
    const fc = toNetworksGeoJSON([south], DEFAULT_BAND);
    const edited = JSON.parse(JSON.stringify(fc));
    edited.features[0].properties.band = 'within';
    expect(messages(parseNetworksGeoJSON(JSON.stringify(edited), 'n.geojson').warnings)).toEqual([
      'n.geojson feature 0, network N2: band "within" does not match population 12000 and band 30000-50000',
    ]);
  });

  it('errors on files that are not networks', () => {
    expect(errorsOf(parseNetworksGeoJSON('{"type":"Polygon","coordinates":[]}', 'n.geojson'))).toEqual([
      'n.geojson: is not a GeoJSON FeatureCollection of networks',
    ]);
    expect(
      errorsOf(
        parseNetworksGeoJSON(
          JSON.stringify({
            type: 'FeatureCollection',
            features: [{ type: 'Feature', properties: {}, geometry: null }],
          }),
          'n.geojson',
        ),
      )[0],
    ).toBe('n.geojson feature 0: network_id is missing (expected a non-empty string)');
  });
});
