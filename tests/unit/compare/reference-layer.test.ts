// Reference layers: any polygon file read as labelled outlines (real GM boroughs and Trafford
// localities from ../shared/data), and files that are not polygons in degrees refused.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseReferenceLayer } from '../../../src/core/reference';

const shared = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');
const read = (f: string) => readFileSync(path.join(shared, f), 'utf8');

describe('parseReferenceLayer', () => {
  it('labels the ten Greater Manchester boroughs by their name field', () => {
    const r = parseReferenceLayer(read('gm_local_authorities_2023_bgc.geojson'), 'boroughs.geojson');
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
    expect(r.value.name).toBe('boroughs.geojson');
    expect(r.value.features.map((f) => f.label).sort()).toEqual([
      'Bolton',
      'Bury',
      'Manchester',
      'Oldham',
      'Rochdale',
      'Salford',
      'Stockport',
      'Tameside',
      'Trafford',
      'Wigan',
    ]);
    for (const f of r.value.features) expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
  });

  it('refuses points, British National Grid metres and broken JSON, naming the feature', () => {
    const points = parseReferenceLayer(read('gm_practices_2022-01.geojson'), 'practices.geojson');
    expect(points.ok).toBe(false);
    if (!points.ok)
      expect(points.errors[0].message).toMatch(/^practices\.geojson feature 0: .*Polygon or MultiPolygon/);
    const bng = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'A' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [380000, 390000],
                [381000, 390000],
                [381000, 391000],
                [380000, 390000],
              ],
            ],
          },
        },
      ],
    });
    const r = parseReferenceLayer(bng, 'bng.geojson');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0].message).toMatch(
        /^bng\.geojson feature 0: coordinates 380000, 390000 look like British National Grid/,
      );
    expect(parseReferenceLayer('{"type":', 'x.geojson').ok).toBe(false);
  });
});
