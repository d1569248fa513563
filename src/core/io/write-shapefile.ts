// FeatureCollection of (Multi)Polygons -> the files of an ESRI shapefile (.shp, .shx, .dbf, .prj,
// .cpg), zipped. DBF limits are met openly: property names longer than 10 characters get the
// short names below (or are cut and numbered) and `<layer>_fields.csv` in the zip maps each
// DBF field back to its property; text longer than 254 bytes (UTF-8) is cut in the DBF and
// written whole in `<layer>_long_values.csv`. The planner's shapefile reader applies both files,
// so a written zip reads back unchanged.
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { polygonsOf } from '../geometry/polygons';
import { csvField } from './csv-write';
import { ringSignedArea2 } from '../geometry/ring-math';
import { zipStore, type ZipEntry } from './zip-write';

/** Short DBF names for the planner's own long property names (README "Output schema", Output formats). */
const DBF_NAMES: Readonly<Record<string, string>> = {
  network_name: 'netwk_name',
  practice_count: 'prac_count',
  practice_codes: 'prac_codes',
  polsby_popper: 'polsby_pop',
  network_ids: 'netwk_ids',
  service_area: 'serv_area',
  original_area_km2: 'orig_km2',
  area_changed_km2: 'chg_km2',
  population_changed: 'pop_chg',
  small_area_code: 'sa_code',
};

const MAX_TEXT_BYTES = 254;
const enc = new TextEncoder();

type Value = string | number | boolean | null;

interface Field {
  readonly property: string;
  readonly name: string;
  readonly type: 'C' | 'N' | 'L';
  readonly length: number;
  readonly decimals: number;
}

const decimalsOf = (v: number) => {
  const s = String(v);
  const dot = s.indexOf('.');
  return dot < 0 || /e/i.test(s) ? 0 : Math.min(8, s.length - dot - 1);
};

function dbfNames(properties: readonly string[]): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const p of properties) {
    let name = (p.length <= 10 ? p : (DBF_NAMES[p] ?? p.slice(0, 10))).replace(/[^\x20-\x7e]/g, '_');
    for (let i = 1; used.has(name.toLowerCase()); i++) name = `${name.slice(0, 10 - String(i).length)}${i}`;
    used.add(name.toLowerCase());
    out.set(p, name);
  }
  return out;
}

function fieldsOf(rows: readonly Record<string, Value>[]): Field[] {
  const properties = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const names = dbfNames(properties);
  return properties.map((property) => {
    const values = rows.map((r) => r[property]).filter((v) => v !== null && v !== undefined);
    const name = names.get(property)!;
    if (values.length > 0 && values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      const decimals = Math.max(...values.map((v) => decimalsOf(v as number)));
      return {
        property,
        name,
        type: 'N',
        length: Math.min(19, Math.max(...values.map((v) => (v as number).toFixed(decimals).length))),
        decimals,
      };
    }
    if (values.length > 0 && values.every((v) => typeof v === 'boolean'))
      return { property, name, type: 'L', length: 1, decimals: 0 };
    const length = Math.min(MAX_TEXT_BYTES, Math.max(1, ...values.map((v) => enc.encode(String(v)).length)));
    return { property, name, type: 'C', length, decimals: 0 };
  });
}

/** The longest prefix of `text` that fits `max` UTF-8 bytes without cutting a character. */
function fitBytes(text: string, max: number): Uint8Array {
  let bytes = enc.encode(text);
  if (bytes.length <= max) return bytes;
  let cut = max;
  while (cut > 0 && (bytes[cut] & 0xc0) === 0x80) cut -= 1;
  bytes = bytes.subarray(0, cut);
  return bytes;
}

function dbf(rows: readonly Record<string, Value>[], fields: readonly Field[]): Uint8Array {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((s, f) => s + f.length, 0);
  const out = new Uint8Array(headerLength + recordLength * rows.length + 1);
  const view = new DataView(out.buffer);
  view.setUint8(0, 0x03);
  view.setUint8(1, 126);
  view.setUint8(2, 1);
  view.setUint8(3, 1);
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  fields.forEach((f, i) => {
    const at = 32 + 32 * i;
    out.set(enc.encode(f.name), at);
    out[at + 11] = f.type.charCodeAt(0);
    out[at + 16] = f.length;
    out[at + 17] = f.decimals;
  });
  out[headerLength - 1] = 0x0d;
  let at = headerLength;
  for (const row of rows) {
    out[at++] = 0x20;
    for (const f of fields) {
      out.fill(0x20, at, at + f.length);
      const v = row[f.property];
      if (v !== null && v !== undefined) {
        if (f.type === 'N') {
          const s = enc.encode((v as number).toFixed(f.decimals));
          out.set(s.subarray(0, f.length), at + Math.max(0, f.length - s.length));
        } else if (f.type === 'L') out[at] = v ? 0x54 : 0x46;
        else out.set(fitBytes(String(v), f.length), at);
      }
      at += f.length;
    }
  }
  out[at] = 0x1a;
  return out;
}

/** Shapefile rings: outer clockwise, holes counter-clockwise (the reverse of RFC 7946). */
function shapeRings(g: Polygon | MultiPolygon | null): Position[][] {
  if (!g) return [];
  return polygonsOf(g).flatMap((rings) =>
    rings.map((ring, i) => (ringSignedArea2(ring) > 0 === (i === 0) ? [...ring].reverse() : ring)),
  );
}

type Box = [number, number, number, number];

function boxOf(rings: readonly Position[][]): Box {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings)
    for (const [x, y] of r) {
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
  return b;
}

function shpAndShx(geometries: readonly (Polygon | MultiPolygon | null)[]): { shp: Uint8Array; shx: Uint8Array } {
  const shapes = geometries.map(shapeRings);
  const contentBytes = shapes.map((rings) =>
    rings.length === 0 ? 4 : 44 + 4 * rings.length + 16 * rings.reduce((s, r) => s + r.length, 0),
  );
  const shpLength = 100 + contentBytes.reduce((s, c) => s + 8 + c, 0);
  const shp = new DataView(new ArrayBuffer(shpLength));
  const shx = new DataView(new ArrayBuffer(100 + 8 * shapes.length));
  const all = shapes.filter((r) => r.length > 0);
  const box = all.length ? boxOf(all.flat()) : [0, 0, 0, 0];
  for (const [view, length] of [
    [shp, shpLength],
    [shx, 100 + 8 * shapes.length],
  ] as const) {
    view.setInt32(0, 9994);
    view.setInt32(24, length / 2);
    view.setInt32(28, 1000, true);
    view.setInt32(32, 5, true);
    box.forEach((v, i) => view.setFloat64(36 + 8 * i, v, true));
  }
  let at = 100;
  shapes.forEach((rings, i) => {
    shx.setInt32(100 + 8 * i, at / 2);
    shx.setInt32(104 + 8 * i, contentBytes[i] / 2);
    shp.setInt32(at, i + 1);
    shp.setInt32(at + 4, contentBytes[i] / 2);
    at += 8;
    if (rings.length === 0) {
      shp.setInt32(at, 0, true);
      at += 4;
      return;
    }
    shp.setInt32(at, 5, true);
    boxOf(rings).forEach((v, k) => shp.setFloat64(at + 4 + 8 * k, v, true));
    const points = rings.reduce((s, r) => s + r.length, 0);
    shp.setInt32(at + 36, rings.length, true);
    shp.setInt32(at + 40, points, true);
    let start = 0;
    rings.forEach((r, k) => {
      shp.setInt32(at + 44 + 4 * k, start, true);
      start += r.length;
    });
    let p = at + 44 + 4 * rings.length;
    for (const r of rings)
      for (const [x, y] of r) {
        shp.setFloat64(p, x, true);
        shp.setFloat64(p + 8, y, true);
        p += 16;
      }
    at = p;
  });
  return { shp: new Uint8Array(shp.buffer), shx: new Uint8Array(shx.buffer) };
}

const csvBytes = (rows: readonly (readonly string[])[]) =>
  enc.encode(rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n');

/**
 * Example: `shapefileZip(networks, 'networks', BNG_PRJ)` -> the bytes of networks.zip holding
 * networks.shp/.shx/.dbf/.prj/.cpg and networks_fields.csv. Coordinates are written as given
 * (reproject first for British National Grid). Throws on a geometry that is not a (Multi)Polygon.
 */
export function shapefileZip(fc: FeatureCollection, layer: string, prj: string): Uint8Array {
  const geometries = fc.features.map((f: Feature, i) => {
    const g = f.geometry;
    if (g !== null && g.type !== 'Polygon' && g.type !== 'MultiPolygon')
      throw new Error(`feature ${i} is a ${g.type}; shapefile output holds polygons`);
    return g;
  });
  const rows = fc.features.map((f) => ({ ...(f.properties ?? {}) }) as Record<string, Value>);
  const fields = fieldsOf(rows);
  const { shp, shx } = shpAndShx(geometries);
  const entries: ZipEntry[] = [
    { name: `${layer}.shp`, bytes: shp },
    { name: `${layer}.shx`, bytes: shx },
    { name: `${layer}.dbf`, bytes: dbf(rows, fields) },
    { name: `${layer}.prj`, bytes: enc.encode(prj) },
    { name: `${layer}.cpg`, bytes: enc.encode('UTF-8') },
  ];
  if (fields.some((f) => f.name !== f.property)) {
    entries.push({
      name: `${layer}_fields.csv`,
      bytes: csvBytes([['dbf_field', 'property'], ...fields.map((f) => [f.name, f.property])]),
    });
  }
  const long: string[][] = [];
  rows.forEach((row, i) => {
    for (const f of fields) {
      const v = row[f.property];
      if (f.type === 'C' && v !== null && v !== undefined && enc.encode(String(v)).length > MAX_TEXT_BYTES)
        long.push([String(i), f.property, String(v)]);
    }
  });
  if (long.length)
    entries.push({ name: `${layer}_long_values.csv`, bytes: csvBytes([['feature', 'property', 'value'], ...long]) });
  return zipStore(entries);
}
