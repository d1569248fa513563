import { describe, expect, it } from 'vitest';
import { parseHardAreas } from '../../../src/core/cluster';

const square = (x: number) => [
  [
    [x, 0],
    [x + 1, 0],
    [x + 1, 1],
    [x, 1],
    [x, 0],
  ],
];
const layer = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('parseHardAreas', () => {
  it('groups features by the named field', () => {
    const text = layer([
      { type: 'Feature', properties: { lad: 'A' }, geometry: { type: 'Polygon', coordinates: square(0) } },
      { type: 'Feature', properties: { lad: 'B' }, geometry: { type: 'Polygon', coordinates: square(2) } },
      { type: 'Feature', properties: { lad: 'A' }, geometry: { type: 'Polygon', coordinates: square(4) } },
    ]);
    const res = parseHardAreas(text, 'areas.geojson', 'lad');
    if (!res.ok) throw new Error(res.errors.map((e) => e.message).join());
    expect(res.value.map((a) => [a.name, a.geometry.type])).toEqual([
      ['A', 'MultiPolygon'],
      ['B', 'Polygon'],
    ]);
  });

  it('makes every feature an area when no field is named', () => {
    const text = layer([
      { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square(0) } },
      { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square(2) } },
    ]);
    const res = parseHardAreas(text, 'areas.geojson');
    expect(res.ok && res.value.length).toBe(2);
  });

  it('says clearly when the layer has no polygons or the field is missing', () => {
    const empty = parseHardAreas(layer([]), 'areas.geojson');
    expect(!empty.ok && empty.errors[0].message).toContain('areas.geojson: the hard-boundary layer has no polygons');
    const points = parseHardAreas(
      layer([{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } }]),
      'areas.geojson',
    );
    expect(points.ok).toBe(false);
    const noField = parseHardAreas(
      layer([{ type: 'Feature', properties: { name: 'x' }, geometry: { type: 'Polygon', coordinates: square(0) } }]),
      'areas.geojson',
      'lad',
    );
    expect(!noField.ok && noField.errors.map((e) => e.message).join('\n')).toContain(
      'no feature has the field "lad"; fields present: name',
    );
  });
});
