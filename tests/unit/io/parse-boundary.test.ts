import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { parseBoundary } from '../../../src/core/io/parse-boundary';
import { polygonsOf } from '../../../src/core/geometry/polygons';
import { ringSignedArea2 } from '../../../src/core/geometry/ring-math';
import type { Boundary } from '../../../src/core/model';
import { errorsOf, messages, readFixture, valueOf } from './helpers';

/** Planar area in square degrees: outer rings minus holes. */
const planarArea = (b: Boundary) =>
  polygonsOf(b).reduce(
    (sum, rings) => sum + rings.reduce((s, r, i) => s + ((i === 0 ? 1 : -1) * Math.abs(ringSignedArea2(r))) / 2, 0),
    0,
  );

const expectRfc7946 = (b: Boundary) => {
  for (const rings of polygonsOf(b)) {
    rings.forEach((ring: Position[], i) => {
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(ringSignedArea2(ring) > 0).toBe(i === 0);
    });
  }
};

const json = (v: unknown) => JSON.stringify(v);
const square = (x: number, y: number, s: number): Position[] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];

describe('parseBoundary', () => {
  it('dissolves a FeatureCollection, keeping the hole and the island, winding per RFC 7946', () => {
    const r = parseBoundary(readFixture('boundary-holes-islands.geojson'), 'b.geojson');
    const b = valueOf(r);
    expect(r.warnings).toEqual([]);
    expect(b.type).toBe('MultiPolygon');
    const polys = polygonsOf(b);
    expect(polys).toHaveLength(2);
    expect(polys.map((p) => p.length).sort()).toEqual([1, 2]);
    expect(planarArea(b)).toBeCloseTo(20 - 4 + 1, 9);
    expectRfc7946(b);
  });

  it('takes a bare Polygon, a Feature and a MultiPolygon as they are (rings re-wound, clockwise input)', () => {
    const cw = [
      [
        [0, 0],
        [0, 1],
        [1, 1],
        [1, 0],
        [0, 0],
      ],
    ];
    const poly = valueOf(parseBoundary(json({ type: 'Polygon', coordinates: cw }), 'b.geojson'));
    expect(poly).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    });
    const feature = valueOf(
      parseBoundary(
        json({ type: 'Feature', properties: null, geometry: { type: 'Polygon', coordinates: cw } }),
        'b.geojson',
      ),
    );
    expect(feature).toEqual(poly);
    const multi = valueOf(
      parseBoundary(json({ type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(3, 0, 1)]] }), 'b.geojson'),
    );
    expect(multi).toEqual({ type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(3, 0, 1)]] });
  });

  it('repairs a self-crossing (bow-tie) ring and says so', () => {
    const r = parseBoundary(
      json({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [2, 2],
            [2, 0],
            [0, 2],
            [0, 0],
          ],
        ],
      }),
      'b.geojson',
    );
    const b = valueOf(r);
    expect(messages(r.warnings)).toEqual([
      'b.geojson: rings cross themselves or each other (invalid polygon); repaired by re-noding them',
    ]);
    expect(planarArea(b)).toBeCloseTo(2, 9);
    expectRfc7946(b);
  });

  it('closes an unclosed ring, with a warning', () => {
    const r = parseBoundary(
      json({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [0, 0],
                  [1, 0],
                  [1, 1],
                  [0, 1],
                ],
              ],
            },
          },
        ],
      }),
      'b.geojson',
    );
    expect(valueOf(r)).toEqual({ type: 'Polygon', coordinates: [square(0, 0, 1)] });
    expect(messages(r.warnings)).toEqual([
      'b.geojson feature 0: a ring was not closed (first point repeated at the end); closed it',
    ]);
  });

  it('errors: wrong geometry types, missing geometry, bad coordinates, all collected', () => {
    const features = [
      { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square(0, 0, 1)] } },
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } },
      { type: 'Feature', properties: {}, geometry: null },
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              ['a', 1],
            ],
          ],
        },
      },
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        },
      },
    ];
    expect(errorsOf(parseBoundary(json({ type: 'FeatureCollection', features }), 'b.geojson'))).toEqual([
      'b.geojson feature 1: geometry is Point; expected Polygon or MultiPolygon',
      'b.geojson feature 2: has no geometry; expected Polygon or MultiPolygon',
      'b.geojson feature 3: polygon coordinates are not lists of [longitude, latitude] numbers',
      'b.geojson feature 4: a polygon has an outer ring with fewer than 3 distinct points',
    ]);
  });

  it('errors: British National Grid metres, out-of-range degrees', () => {
    const bng = [
      [
        [383000, 398000],
        [390000, 398000],
        [390000, 405000],
        [383000, 398000],
      ],
    ];
    expect(errorsOf(parseBoundary(json({ type: 'Polygon', coordinates: bng }), 'b.geojson'))).toEqual([
      'b.geojson: coordinates look like British National Grid (EPSG:27700) metres but the file does not say so; if they are, say so (--crs EPSG:27700 on the command line, or confirm it in the import dialog), or re-export in WGS84 longitude/latitude (EPSG:4326) (4 of 4 positions, e.g. geometry: 383000, 398000)',
    ]);
    const far = {
      type: 'FeatureCollection',
      features: [0, 1, 2].map((i) => ({
        type: 'Feature',
        properties: {},
        geometry: { type: 'Polygon', coordinates: [square(i * 10, 0, 1)] },
      })),
    };
    far.features[2].geometry.coordinates[0][1] = [200, 0];
    expect(errorsOf(parseBoundary(json(far), 'b.geojson'))).toEqual([
      'b.geojson feature 2: position 200, 0 is not longitude -180..180, latitude -90..90',
    ]);
  });

  it('errors: not JSON, not GeoJSON, no polygons, empty, too large', () => {
    expect(errorsOf(parseBoundary('practice_code,x\n', 'b.csv'))[0]).toMatch(/^b\.csv: is not valid JSON \(/);
    expect(errorsOf(parseBoundary('[1,2]', 'b.json'))).toEqual([
      'b.json: is not GeoJSON (expected a Polygon, MultiPolygon, Feature or FeatureCollection)',
    ]);
    expect(errorsOf(parseBoundary(json({ type: 'FeatureCollection', features: [] }), 'b.geojson'))).toEqual([
      'b.geojson: is an empty FeatureCollection; expected Polygon or MultiPolygon features',
    ]);
    expect(errorsOf(parseBoundary('  ', 'b.geojson'))).toEqual(['b.geojson: file is empty']);
    expect(errorsOf(parseBoundary('{}', 'b.geojson', { maxBytes: 1 }))).toEqual([
      'b.geojson: file is 2 bytes, larger than the 1 bytes limit',
    ]);
  });
});
