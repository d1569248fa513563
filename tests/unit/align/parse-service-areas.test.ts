import { describe, expect, it } from 'vitest';
import { parseServiceAreas, parseSmallAreas } from '../../../src/core/align';
import { readData } from './helpers';

const square = (x: number, y: number, d = 0.01) => ({
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
});
const layer = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const feature = (properties: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties, geometry });
const messages = (r: ReturnType<typeof parseServiceAreas>) => (r.ok ? [] : r.errors.map((e) => e.message));

describe('parseServiceAreas', () => {
  it('detects the locality field of the Trafford localities', () => {
    const r = parseServiceAreas(readData('trafford_localities_2023.geojson'), 'trafford_localities_2023.geojson');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.field).toBe('locality');
    expect(r.value.areas.map((a) => a.name).sort()).toEqual(['Central', 'North', 'South', 'West']);
  });

  it('prefers the borough name over the code, and takes a named field', () => {
    const text = readData('gm_local_authorities_2023_bgc.geojson');
    const auto = parseServiceAreas(text, 'boroughs.geojson');
    expect(auto.ok && auto.value.field).toBe('lad23nm');
    expect(auto.ok && auto.value.candidateFields).toEqual(['lad23nm', 'lad23cd']);
    const named = parseServiceAreas(text, 'boroughs.geojson', 'lad23cd');
    expect(named.ok && named.value.areas.length).toBe(10);
    expect(named.ok && named.value.areas[0].name).toMatch(/^E0800/);
  });

  it('rejects non-polygon features, naming file and feature', () => {
    const r = parseServiceAreas(
      layer([feature({ name: 'A' }, square(0, 51)), feature({ name: 'B' }, { type: 'Point', coordinates: [0, 51] })]),
      's.geojson',
    );
    expect(messages(r)).toEqual(['s.geojson feature 1: geometry is Point; expected Polygon or MultiPolygon']);
  });

  it('rejects a missing and a duplicated area name', () => {
    const r = parseServiceAreas(
      layer([
        feature({ name: 'A' }, square(0, 51)),
        feature({ name: '' }, square(1, 51)),
        feature({ name: 'A' }, square(2, 51)),
      ]),
      's.geojson',
      'name',
    );
    expect(messages(r)).toEqual([
      's.geojson feature 1: has no area name in "name" (expected a non-empty text)',
      's.geojson feature 2: area name "A" is also the name of feature 0; each area must be one feature (join its parts into one MultiPolygon) or choose another field',
    ]);
    expect(!r.ok && r.errors[1].field).toBe('name');
  });

  it('rejects a field no feature has, listing the usable ones', () => {
    const r = parseServiceAreas(layer([feature({ team: 'A' }, square(0, 51))]), 's.geojson', 'locality');
    expect(messages(r)).toEqual(['s.geojson: no feature has the field "locality"; fields that name every area: team']);
  });

  it('says when no property names the areas', () => {
    const r = parseServiceAreas(layer([feature({}, square(0, 51))]), 's.geojson');
    expect(messages(r)[0]).toMatch(/no property names every area \(the features have no properties\)/);
  });

  it('recognises British National Grid metres and says how to fix them', () => {
    const bng = {
      type: 'Polygon',
      coordinates: [
        [
          [380000, 390000],
          [381000, 390000],
          [381000, 391000],
          [380000, 390000],
        ],
      ],
    };
    const r = parseServiceAreas(layer([feature({ name: 'A' }, bng)]), 'bng.geojson');
    expect(messages(r)).toEqual([
      'bng.geojson feature 0: coordinates 380000, 390000 look like British National Grid (EPSG:27700) metres but the file does not say so; if they are, say so (--crs EPSG:27700 on the command line, or confirm it in the import dialog), or re-export in WGS84 longitude/latitude (EPSG:4326)',
    ]);
  });

  it('rejects text that is not a polygon layer', () => {
    expect(messages(parseServiceAreas('{"type":"FeatureCollection","features":[]}', 'e.geojson'))[0]).toMatch(
      /has no service areas/,
    );
    expect(messages(parseServiceAreas('not json', 'e.geojson'))[0]).toMatch(/is not valid JSON/);
  });
});

describe('parseSmallAreas', () => {
  it('reads populations and rejects negative or missing ones', () => {
    const ok = parseSmallAreas(
      layer([feature({ pop: 10 }, square(0, 51)), feature({ pop: '20' }, square(1, 51))]),
      'lsoa.geojson',
      'pop',
    );
    expect(ok.ok && ok.value.map((s) => s.population)).toEqual([10, 20]);
    const bad = parseSmallAreas(
      layer([feature({ pop: -1 }, square(0, 51)), feature({}, square(1, 51))]),
      'lsoa.geojson',
      'pop',
    );
    expect(bad.ok ? [] : bad.errors.map((e) => e.message)).toEqual([
      'lsoa.geojson feature 0: pop -1 is not a number >= 0',
      'lsoa.geojson feature 1: has no "pop" (expected a number >= 0)',
    ]);
  });
});
