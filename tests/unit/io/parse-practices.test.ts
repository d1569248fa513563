import { describe, expect, it } from 'vitest';
import { detectFields } from '../../../src/core/io/fields';
import { parsePractices } from '../../../src/core/io/parse-practices';
import { readPracticeHeaders } from '../../../src/core/io/read-practice-headers';
import { errorsOf, messages, readFixture, valueOf } from './helpers';

const HEADER = 'practice_code,practice_name,registered_patients,longitude,latitude';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const fc = (...features: object[]) => JSON.stringify({ type: 'FeatureCollection', features });
const pt = (props: object, coordinates: unknown = [-2.3, 53.4]) => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'Point', coordinates },
});

describe('detectFields', () => {
  it('finds the usual names case-insensitively, most specific first', () => {
    const f = detectFields(['ODS_Code', 'Name', 'Patients', 'X', 'Y', 'PCN']);
    expect(f).toMatchObject({
      code: 'ODS_Code',
      name: 'Name',
      listSize: 'Patients',
      lon: 'X',
      lat: 'Y',
      network: 'PCN',
    });
    expect(f.missing).toEqual([]);
    expect(detectFields(['practice_code', 'code', 'Longitude', 'lon']).code).toBe('practice_code');
    expect(detectFields(['practice_code', 'code', 'Longitude', 'lon']).lon).toBe('Longitude');
  });

  it('reports required fields that are missing', () => {
    expect(detectFields(['practice_code', 'latitude']).missing).toEqual(['listSize', 'lon']);
  });

  it('lets the caller name fields, and reports names not in the file', () => {
    const f = detectFields(['org', 'size', 'lon', 'lat', 'locality'], {
      code: 'ORG',
      listSize: 'size',
      network: 'Locality',
      name: 'nope',
    });
    expect(f).toMatchObject({ code: 'org', listSize: 'size', network: 'locality' });
    expect(f.name).toBeUndefined();
    expect(f.notFound).toEqual([{ field: 'name', name: 'nope' }]);
  });
});

describe('parsePractices: good input', () => {
  it('reads CSV with quoted names, networks, "U" as no network, zero list size as a warning', () => {
    const r = parsePractices(readFixture('practices-small.csv'), 'practices.csv');
    const t = valueOf(r);
    expect(t.practices.map((p) => p.code)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(t.practices[1]).toEqual({
      code: 'P2',
      name: 'Smith, Jones "&" Partners',
      listSize: 12000,
      lon: -2.25,
      lat: 53.45,
    });
    expect(t.networkField).toBe('pcn_code');
    expect([...(t.networkOf ?? [])]).toEqual([
      ['P1', { id: 'N1', name: 'North PCN' }],
      ['P2', { id: 'N1', name: 'North PCN' }],
      ['P3', { id: 'N2', name: 'South PCN' }],
    ]);
    expect(messages(r.warnings)).toEqual([
      'practices.csv line 4 (P3): list size is 0',
      'practices.csv line 5 (P4): no network (pcn_code is "U", unallocated)',
    ]);
    expect(r.warnings[0]).toMatchObject({
      severity: 'warning',
      file: 'practices.csv',
      where: 'line 4',
      practiceCode: 'P3',
      field: 'registered_patients',
    });
  });

  it('reads the same table from GeoJSON, coordinates from the Points', () => {
    const fromJson = valueOf(parsePractices(readFixture('practices-small.geojson'), 'practices.geojson'));
    const fromCsv = valueOf(parsePractices(readFixture('practices-small.csv'), 'practices.csv'));
    expect(fromJson.practices).toEqual(fromCsv.practices);
    expect(fromJson.networkOf).toEqual(fromCsv.networkOf);
  });

  it('handles BOM, CRLF, blank and trailing lines, spaces, semicolons and thousands separators', () => {
    const text =
      '\ufeffPractice_Code;Name;List_Size;Lon;Lat\r\n\r\nP1 ; A ;"8,152";-2.3;53.4\r\nP2;B;10;-2.2;53.5\r\n\r\n\r\n';
    const t = valueOf(parsePractices(text, 'p.csv'));
    expect(t.practices).toEqual([
      { code: 'P1', name: 'A', listSize: 8152, lon: -2.3, lat: 53.4 },
      { code: 'P2', name: 'B', listSize: 10, lon: -2.2, lat: 53.5 },
    ]);
    expect(t.networkOf).toBeUndefined();
  });

  it('counts line breaks inside quoted names when numbering lines', () => {
    const r = parsePractices(csv('P1,"two\nlines",1,-2,53', 'P2,x,-3,-2,53'), 'p.csv');
    expect(errorsOf(r)).toEqual(['p.csv line 4 (P2): list size "-3" is not a whole number >= 0']);
  });

  it('refuses two columns with the same recognised name, naming both (any case)', () => {
    expect(errorsOf(parsePractices('code,name,Name,patients,lon,lat\nP1,First,Second,5,-2,53\n', 'p.csv'))).toEqual([
      'p.csv: columns 2 and 3 are both named "name", so the practice name is ambiguous; rename or remove all but one',
    ]);
  });

  it('uses the code as the name when there is no name field, and caller-named fields', () => {
    const text = 'org,size,east,north,locality\nP1,5,-2,53,South\nP2,6,-2.1,53.1,\n';
    const r = parsePractices(text, 'p.csv', {
      fields: { code: 'org', listSize: 'size', lon: 'east', lat: 'north', network: 'locality' },
    });
    const t = valueOf(r);
    expect(t.practices[0]).toEqual({ code: 'P1', name: 'P1', listSize: 5, lon: -2, lat: 53 });
    expect([...(t.networkOf ?? [])]).toEqual([['P1', { id: 'South', name: 'South' }]]);
    expect(messages(r.warnings)).toEqual(['p.csv line 3 (P2): no network (locality is empty)']);
  });

  it('does not mutate the options it is given', () => {
    const opts = Object.freeze({ fields: Object.freeze({ code: 'practice_code' }) });
    expect(() => parsePractices(readFixture('practices-small.csv'), 'p.csv', opts)).not.toThrow();
    expect(opts).toEqual({ fields: { code: 'practice_code' } });
  });
});

describe('parsePractices: errors name file, place, practice, field and what was expected', () => {
  it('list sizes: negative, non-numeric, fractional, missing', () => {
    const r = parsePractices(
      csv('B82005,A,-3,-2,53', 'B82006,B,abc,-2,53', 'B82007,C,12.5,-2,53', 'B82008,D,,-2,53'),
      'p.csv',
    );
    expect(errorsOf(r)).toEqual([
      'p.csv line 2 (B82005): list size "-3" is not a whole number >= 0',
      'p.csv line 3 (B82006): list size "abc" is not a whole number >= 0',
      'p.csv line 4 (B82007): list size "12.5" is not a whole number >= 0',
      'p.csv line 5 (B82008): list size (registered_patients) is missing',
    ]);
    if (!r.ok)
      expect(r.errors[0]).toMatchObject({
        severity: 'error',
        where: 'line 2',
        practiceCode: 'B82005',
        field: 'registered_patients',
      });
  });

  it('GeoJSON feature indexes are 0-based, as in the brief', () => {
    const features = Array.from({ length: 18 }, (_, i) => pt({ practice_code: `X${i}`, registered_patients: 10 }));
    features[17] = pt({ practice_code: 'B82005', registered_patients: -3 });
    expect(errorsOf(parsePractices(fc(...features), 'practices.geojson'))).toEqual([
      'practices.geojson feature 17 (B82005): list size "-3" is not a whole number >= 0',
    ]);
  });

  it('missing and duplicate practice codes', () => {
    expect(errorsOf(parsePractices(csv('P1,A,1,-2,53', ',B,1,-2,53', 'P1,C,1,-2,53'), 'p.csv'))).toEqual([
      'p.csv line 3: practice code (practice_code) is missing',
      'p.csv line 4 (P1): practice code P1 appears again (first at line 2)',
    ]);
  });

  it('wrong geometry types and missing geometry', () => {
    const line = {
      type: 'Feature',
      properties: { practice_code: 'P2', registered_patients: 1 },
      geometry: {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      },
    };
    const none = { type: 'Feature', properties: { practice_code: 'P3', registered_patients: 1 }, geometry: null };
    const r = parsePractices(
      fc(
        pt({ practice_code: 'P1', registered_patients: 1 }),
        line,
        none,
        pt({ practice_code: 'P4', registered_patients: 1 }, ['a', 1]),
      ),
      'p.geojson',
    );
    expect(errorsOf(r)).toEqual([
      'p.geojson feature 1: geometry is LineString; expected a Point',
      'p.geojson feature 2: has no geometry; expected a Point',
      'p.geojson feature 3: Point coordinates are not [longitude, latitude] numbers',
    ]);
  });

  it('not a FeatureCollection, unreadable JSON, empty file', () => {
    expect(errorsOf(parsePractices('{"type":"Point","coordinates":[0,0]}', 'p.geojson'))).toEqual([
      'p.geojson: is a GeoJSON Point, not a GeoJSON FeatureCollection of Point features',
    ]);
    expect(errorsOf(parsePractices('{"type": "FeatureCollection", "features": [', 'p.geojson'))[0]).toMatch(
      /^p\.geojson: is not valid JSON \(.+\)$/,
    );
    expect(errorsOf(parsePractices('', 'p.csv'))).toEqual(['p.csv: file is empty']);
    expect(errorsOf(parsePractices('\ufeff \n\r\n', 'p.csv'))).toEqual(['p.csv: file is empty']);
    expect(errorsOf(parsePractices(HEADER + '\n', 'p.csv'))).toEqual(['p.csv: contains no practices (no rows)']);
  });

  it('unreadable CSV: unclosed quote, rows with too many fields, binary content', () => {
    expect(errorsOf(parsePractices(csv('P1,"A,1,-2,53'), 'p.csv'))).toContain(
      'p.csv line 2: is not readable as CSV: a quoted field is never closed (a stray " character?)',
    );
    expect(errorsOf(parsePractices(csv('P1,Smith, Jones,1,-2,53'), 'p.csv'))).toEqual([
      'p.csv line 2: has 6 fields but the header has 5 (a comma inside an unquoted value?)',
    ]);
    expect(errorsOf(parsePractices('PK\u0003\u0004\u0000\u0000binary', 'p.xlsx'))).toEqual([
      'p.xlsx: is not a text file (binary content, for example a spreadsheet); save it as CSV (UTF-8) or GeoJSON',
    ]);
  });

  it('missing columns list what was expected and what was found', () => {
    expect(errorsOf(parsePractices('id,size\nP1,3\n', 'p.csv'))).toEqual([
      'p.csv: no practice code column; expected one of practice_code, code, ods_code, org_code (found: id, size)',
      'p.csv: no list size column; expected one of registered_patients, list_size, patients, population, number_of_patients (found: id, size)',
      'p.csv: no longitude column; expected one of longitude, lon, lng, long, x, oseast1m, easting, eastings (found: id, size)',
      'p.csv: no latitude column; expected one of latitude, lat, y, osnrth1m, northing, northings (found: id, size)',
    ]);
    expect(
      errorsOf(parsePractices(readFixture('practices-small.csv'), 'p.csv', { fields: { listSize: 'List' } })),
    ).toEqual([
      'p.csv: no column "List" for the list size (columns: practice_code, practice_name, registered_patients, longitude, latitude, pcn_code, pcn_name)',
    ]);
  });

  it('coordinates that are missing, not numbers, or out of range', () => {
    const r = parsePractices(
      csv(
        'P1,A,1,,53',
        'P2,B,1,-2,north',
        'P3,C,1,-2,53',
        'P4,D,1,200,53',
        'P5,E,1,-2,195',
        'P6,F,1,53,-100',
        'P7,G,1,-2,53',
      ),
      'p.csv',
    );
    expect(errorsOf(r)).toEqual([
      'p.csv line 2 (P1): longitude (longitude) is missing',
      'p.csv line 3 (P2): latitude "north" is not a number',
      'p.csv line 5 (P4): longitude 200 is not between -180 and 180',
      'p.csv line 6 (P5): latitude 195 is not between -90 and 90',
      'p.csv line 7 (P6): latitude -100 is not between -90 and 90 (longitude and latitude swapped?)',
    ]);
  });

  it('coordinates in British National Grid metres: one message saying how to fix it', () => {
    expect(errorsOf(parsePractices(readFixture('practices-bng.csv'), 'practices-bng.csv'))).toEqual([
      'practices-bng.csv: coordinates look like British National Grid (EPSG:27700) metres but the file does not say so; if they are, say so (--crs EPSG:27700 on the command line, or confirm it in the import dialog), or re-export in WGS84 longitude/latitude (EPSG:4326) (3 of 3 rows, e.g. line 2: 383000, 398000)',
    ]);
  });

  it('Easting/Northing columns state British National Grid: reprojected, with a warning', () => {
    // Ordnance Survey's worked example (Caister water tower): E 651409.903, N 313177.270 is
    // ETRS89 (= WGS84 within a metre or so) 52°39'28.8282"N 1°42'57.8663"E; the Helmert
    // transformation is good to about 5 m.
    const r = parsePractices('ODS_CODE,Patients,Easting,Northing\nP1,100,651409.903,313177.270\n', 'p.csv');
    const p = valueOf(r).practices[0];
    expect(Math.abs(p.lon - 1.716074) * 67_500).toBeLessThan(5);
    expect(Math.abs(p.lat - 52.6580078) * 111_200).toBeLessThan(5);
    expect(messages(r.warnings)).toEqual([
      'p.csv: columns Easting and Northing are British National Grid (EPSG:27700) eastings and northings; reprojected 1 points to WGS84 longitude/latitude',
    ]);
  });

  it('one BNG point among WGS84 points is addressed on its own line', () => {
    expect(errorsOf(parsePractices(csv('P1,A,1,-2,53', 'P2,B,1,-2.1,53.1', 'P3,C,1,383000,398000'), 'p.csv'))).toEqual([
      'p.csv line 4 (P3): coordinates 383000, 398000 look like British National Grid (EPSG:27700) metres but the file does not say so; if they are, say so (--crs EPSG:27700 on the command line, or confirm it in the import dialog), or re-export in WGS84 longitude/latitude (EPSG:4326)',
    ]);
  });

  it('latitude/longitude swapped (GeoJSON written [lat, lon])', () => {
    const r = parsePractices(
      fc(pt({ code: 'P1', population: 5 }, [53.4, -2.3]), pt({ code: 'P2', population: 5 }, [53.5, -2.2])),
      'p.geojson',
    );
    expect(errorsOf(r)).toEqual([
      'p.geojson: coordinates look swapped (latitude given as longitude); put longitude (east-west, about -6 to 2 in England) first / in the longitude column (2 of 2 features, e.g. feature 0: 53.4, -2.3)',
    ]);
  });

  it('refuses text over maxBytes before reading it', () => {
    expect(errorsOf(parsePractices('x'.repeat(3 * 1024 * 1024), 'big.csv', { maxBytes: 2 * 1024 * 1024 }))).toEqual([
      'big.csv: file is 3 MB, larger than the 2 MB limit',
    ]);
  });

  it('collects every error up to a cap, then says how many more', () => {
    const rows = Array.from({ length: 130 }, (_, i) => `P${i},N,-1,-2,53`);
    const errors = errorsOf(parsePractices(csv(...rows), 'p.csv'));
    expect(errors).toHaveLength(21);
    expect(errors[0]).toBe('p.csv line 2 (P0): list size "-1" is not a whole number >= 0');
    expect(errors[20]).toBe('p.csv: …and 110 more list size errors');
  });

  it('lists issues of different kinds in file order', () => {
    expect(errorsOf(parsePractices(csv('P1,A,-1,-2,53', ',B,1,-2,53', 'P3,C,x,-2,53'), 'p.csv'))).toEqual([
      'p.csv line 2 (P1): list size "-1" is not a whole number >= 0',
      'p.csv line 3: practice code (practice_code) is missing',
      'p.csv line 4 (P3): list size "x" is not a whole number >= 0',
    ]);
  });

  it('caps per kind, so one noisy kind does not hide another', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `P${i},N,0,-2,53,U`);
    const r = parsePractices(['practice_code,name,list_size,lon,lat,pcn_code', ...rows].join('\n'), 'p.csv');
    const warnings = messages(r.warnings);
    expect(warnings.filter((w) => w.includes('list size is 0'))).toHaveLength(20);
    expect(warnings.filter((w) => /: no network \(/.test(w))).toHaveLength(20);
    expect(warnings.slice(-2)).toEqual([
      'p.csv: …and 10 more zero list sizes',
      'p.csv: …and 10 more practices with no network',
    ]);
  });
});

describe('readPracticeHeaders (for the field-mapping dialog)', () => {
  it('lists CSV headers and what detection could not find', () => {
    const v = valueOf(readPracticeHeaders('ods,size,x,y\nP1,oops,-2,53\n', 'p.csv'));
    expect(v).toMatchObject({ format: 'csv', headers: ['ods', 'size', 'x', 'y'], coordinatesFromGeometry: false });
    expect(v.fields).toMatchObject({ lon: 'x', lat: 'y', missing: ['code', 'listSize'] });
  });

  it('lists GeoJSON property names; coordinates are not asked for', () => {
    const v = valueOf(readPracticeHeaders(readFixture('practices-small.geojson'), 'p.geojson'));
    expect(v.headers).toEqual(['practice_code', 'practice_name', 'registered_patients', 'pcn_code', 'pcn_name']);
    expect(v.fields.missing).toEqual([]);
    expect(v.coordinatesFromGeometry).toBe(true);
  });

  it('fails only on unreadable files', () => {
    expect(errorsOf(readPracticeHeaders('{"type":', 'p.geojson'))[0]).toMatch(/^p\.geojson: is not valid JSON/);
    expect(errorsOf(readPracticeHeaders('', 'p.csv'))).toEqual(['p.csv: file is empty']);
  });
});
