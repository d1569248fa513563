// Reads a networks GeoJSON written by toNetworksGeoJSON (or a tool following the same schema).
import type { Band, BandStatus, NetworkId, PracticeCode, Result } from '../model';
import { BAND_STATUS, bandStatus, networkId, practiceCode } from '../model';
import { pointProblem } from './coordinates';
import { IssueLog } from './issues';
import type { NetworkRecord } from './networks-schema';
import { readPolygons } from './read-polygons';
import { polygonsToGeometry } from './rings';
import { DEFAULT_MAX_BYTES, checkText, isRecord, parseJson } from './text-input';
import { parseWholeNumber, quoteValue } from './values';

export interface NetworksFile {
  /** In file order. */
  readonly networks: NetworkRecord[];
  /** band_min / band_max of the first feature; null for an empty file. */
  readonly band: Band | null;
  /** Practice -> network from every feature's practice_codes. */
  readonly assignment: Map<PracticeCode, NetworkId>;
}

export interface ParseNetworksOptions {
  readonly maxBytes?: number;
}

const BANDS = new Set<string>(Object.values(BAND_STATUS));

// Reads one property with the check it needs, logging "<field> "<value>" is not …" otherwise.
function reader(props: Record<string, unknown>, where: string, log: IssueLog) {
  const fail = (field: string, expected: string) => {
    const raw = props[field];
    const text =
      raw === undefined ? `${field} is missing (expected ${expected})` : `${field} ${quoteValue(raw)} is not ${expected}`;
    log.error('property errors', { where, field }, text);
    return null;
  };
  return {
    text(field: string): string | null {
      const v = props[field];
      if (typeof v === 'string' && v.trim() !== '') return v.trim();
      if (typeof v === 'number' && Number.isFinite(v)) return String(v);
      return fail(field, 'a non-empty string');
    },
    whole(field: string): number | null {
      const v = props[field];
      const n = typeof v === 'number' ? parseWholeNumber(v) : null;
      return n ?? fail(field, 'a whole number >= 0');
    },
    number(field: string, min: number, max: number): number | null {
      const v = props[field];
      return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max
        ? v
        : fail(field, max === Infinity ? `a number >= ${min}` : `a number from ${min} to ${max}`);
    },
    band(field: string): BandStatus | null {
      const v = props[field];
      return typeof v === 'string' && BANDS.has(v) ? (v as BandStatus) : fail(field, '"below", "within" or "above"');
    },
  };
}

/**
 * Example: `parseNetworksGeoJSON(JSON.stringify(toNetworksGeoJSON(summaries, band)), 'n.geojson')`
 * gives back the same networks. Errors: not a FeatureCollection, wrong property types, repeated
 * network ids, a practice in two networks, practice_count not matching practice_codes, wrong geometry.
 */
export function parseNetworksGeoJSON(text: string, fileName: string, opts: ParseNetworksOptions = {}): Result<NetworksFile> {
  const log = new IssueLog(fileName);
  const body = checkText(text, log, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (body === null) return log.fail();
  const doc = parseJson(body, log);
  if (doc === undefined) return log.fail();
  if (!isRecord(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    log.error('file errors', {}, 'is not a GeoJSON FeatureCollection of networks');
    return log.fail();
  }

  const networks: NetworkRecord[] = [];
  const assignment = new Map<PracticeCode, NetworkId>();
  const firstOfId = new Map<string, string>();
  let band: Band | null = null;
  doc.features.forEach((f: unknown, i: number) => {
    let where = `feature ${i}`;
    if (!isRecord(f) || f.type !== 'Feature' || !isRecord(f.properties)) {
      log.error('property errors', { where }, 'is not a GeoJSON Feature with properties');
      return;
    }
    const id = reader(f.properties, where, log).text('network_id');
    if (id !== null) {
      where = `feature ${i}, network ${id}`;
      if (f.id !== undefined && String(f.id) !== id)
        log.error('property errors', { where, field: 'id' }, `Feature id "${String(f.id)}" differs from network_id "${id}"`);
      const first = firstOfId.get(id);
      if (first) log.error('repeated networks', { where, field: 'network_id' }, `network_id ${id} appears again (first at ${first})`);
      else firstOfId.set(id, `feature ${i}`);
    }
    // Later messages name the network as well as the feature.
    const r = reader(f.properties, where, log);
    const name = typeof f.properties.network_name === 'string' ? f.properties.network_name : r.text('network_name');
    const population = r.whole('population');
    const practiceCount = r.whole('practice_count');
    const parts = r.whole('parts');
    const areaKm2 = r.number('area_km2', 0, Infinity);
    const polsbyPopper = r.number('polsby_popper', 0, 1);
    const status = r.band('band');
    const bandMin = r.number('band_min', 0, Infinity);
    const bandMax = r.number('band_max', 0, Infinity);
    const codesText = f.properties.practice_codes;
    if (typeof codesText !== 'string') log.error('property errors', { where, field: 'practice_codes' }, 'practice_codes is not a string of ";"-separated codes');
    const codes = typeof codesText === 'string' ? codesText.split(';').map((c) => c.trim()).filter(Boolean) : [];
    if (practiceCount !== null && typeof codesText === 'string' && codes.length !== practiceCount) {
      log.error('property errors', { where, field: 'practice_count' }, `practice_count ${practiceCount} but practice_codes lists ${codes.length}`);
    }
    if (bandMin !== null && bandMax !== null) {
      if (bandMin > bandMax) log.error('property errors', { where, field: 'band_min' }, `band_min ${bandMin} is above band_max ${bandMax}`);
      else if (!band) band = { min: bandMin, max: bandMax };
      else if (band.min !== bandMin || band.max !== bandMax)
        log.warning('band differences', { where, field: 'band_min' }, `band ${bandMin}-${bandMax} differs from ${band.min}-${band.max} in feature 0`);
      if (population !== null && status !== null && bandStatus(population, { min: bandMin, max: bandMax }) !== status)
        log.warning('band differences', { where, field: 'band' }, `band "${status}" does not match population ${population} and band ${bandMin}-${bandMax}`);
    }
    const polygons = readPolygons(f.geometry, where, log, true);
    const bad = polygons.flat(2).find(([lon, lat]) => pointProblem(lon, lat) !== null);
    if (bad) log.error('geometry errors', { where }, pointProblem(bad[0], bad[1]) as string);
    if (id === null) return;
    for (const c of codes) {
      const other = assignment.get(practiceCode(c));
      if (other !== undefined) log.error('practices in two networks', { where, practiceCode: c }, `practice ${c} is also in network ${other}`);
      else assignment.set(practiceCode(c), networkId(id));
    }
    if (name === null || population === null || practiceCount === null || parts === null || areaKm2 === null || polsbyPopper === null || status === null) return;
    networks.push({
      id: networkId(id),
      name,
      population,
      practiceCount,
      practiceCodes: codes.map(practiceCode),
      areaKm2,
      parts,
      polsbyPopper,
      band: status,
      geometry: polygonsToGeometry(polygons),
    });
  });
  return log.result(() => ({ networks, band, assignment }));
}
