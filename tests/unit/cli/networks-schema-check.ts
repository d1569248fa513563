// Checks a networks GeoJSON and an assignment CSV against the output schema of issue 2 §4
// (documented in README "Output schema"). Returns a list of problems; empty means valid.
import type { Geometry, Position } from 'geojson';
import { polygonValidityErrors } from '../geometry/validity';

const PROPERTY_KEYS = [
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
] as const;

export const ASSIGNMENT_HEADER = 'practice_code,practice_name,population,network_id,network_name';

const isWhole = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const decimals = (v: number) => (String(v).split('.')[1] ?? '').length;

function signedArea2(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s;
}

function checkPolygon(rings: unknown, where: string, problems: string[]): void {
  if (!Array.isArray(rings) || rings.length === 0) {
    problems.push(`${where}: polygon has no rings`);
    return;
  }
  rings.forEach((ring: Position[], r) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (ring.length < 4 || first[0] !== last[0] || first[1] !== last[1])
      problems.push(`${where} ring ${r}: not a closed ring of >= 4 positions`);
    if (ring.some((p) => p.length !== 2 || decimals(p[0]) > 6 || decimals(p[1]) > 6))
      problems.push(`${where} ring ${r}: more than 6 decimals`);
    const area = signedArea2(ring);
    if (r === 0 && area <= 0) problems.push(`${where}: outer ring is not counter-clockwise`);
    if (r > 0 && area >= 0) problems.push(`${where}: hole ${r} is not clockwise`);
  });
}

export function checkNetworksGeoJSON(fc: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return ['not a FeatureCollection'];
  const ids = new Set<string>();
  (fc.features as Record<string, unknown>[]).forEach((f, i) => {
    const where = `feature ${i}`;
    const p = f.properties as Record<string, unknown>;
    if (f.type !== 'Feature' || !p) {
      problems.push(`${where}: not a Feature with properties`);
      return;
    }
    const keys = Object.keys(p);
    if (keys.join() !== PROPERTY_KEYS.join())
      problems.push(`${where}: properties ${keys.join()} != ${PROPERTY_KEYS.join()}`);
    if (typeof p.network_id !== 'string' || f.id !== p.network_id)
      problems.push(`${where}: id must equal network_id (string)`);
    if (ids.has(String(p.network_id))) problems.push(`${where}: duplicate network_id`);
    ids.add(String(p.network_id));
    if (typeof p.network_name !== 'string') problems.push(`${where}: network_name not a string`);
    if (typeof p.contiguous !== 'boolean') problems.push(`${where}: contiguous not a boolean`);
    if (p.contiguous === true && !isWhole(p.parts)) problems.push(`${where}: contiguous but parts not a whole number`);
    if (p.contiguous === true && (p.parts as number) < 1) problems.push(`${where}: contiguous without a footprint`);
    if (p.parts === 1 && p.contiguous !== true) problems.push(`${where}: one polygon but not contiguous`);
    for (const k of ['population', 'practice_count', 'parts', 'band_min', 'band_max'] as const) {
      if (!isWhole(p[k])) problems.push(`${where}: ${k} not a whole number`);
    }
    const codes = String(p.practice_codes).split(';');
    if (typeof p.practice_codes !== 'string' || codes.length !== p.practice_count)
      problems.push(`${where}: practice_codes does not hold practice_count codes`);
    if ([...codes].sort().join(';') !== p.practice_codes) problems.push(`${where}: practice_codes not sorted`);
    if (typeof p.area_km2 !== 'number' || p.area_km2 < 0) problems.push(`${where}: area_km2 not a number >= 0`);
    if (typeof p.polsby_popper !== 'number' || p.polsby_popper < 0 || p.polsby_popper > 1)
      problems.push(`${where}: polsby_popper not in 0-1`);
    const pop = p.population as number;
    const expected = pop < (p.band_min as number) ? 'below' : pop > (p.band_max as number) ? 'above' : 'within';
    if (p.band !== expected) problems.push(`${where}: band ${String(p.band)} but population ${pop} gives ${expected}`);
    const g = f.geometry as { type: string; coordinates: unknown } | null;
    if (g === null) {
      if (p.parts !== 0) problems.push(`${where}: null geometry but parts ${String(p.parts)}`);
    } else if (g.type === 'Polygon') {
      checkPolygon(g.coordinates, where, problems);
      if (p.parts !== 1) problems.push(`${where}: Polygon but parts ${String(p.parts)}`);
    } else if (g.type === 'MultiPolygon') {
      const polys = g.coordinates as unknown[];
      polys.forEach((poly, k) => checkPolygon(poly, `${where} part ${k}`, problems));
      if (p.parts !== polys.length) problems.push(`${where}: ${polys.length} polygons but parts ${String(p.parts)}`);
    } else problems.push(`${where}: geometry type ${g.type}`);
    problems.push(...polygonValidityErrors(g as Geometry | null, where));
  });
  return problems;
}
