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
      raw === undefined
        ? `${field} is missing (expected ${expected})`
        : `${field} ${quoteValue(raw)} is not ${expected}`;
    log.error('property', { where, field }, text);
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

interface FeatureRead {
  readonly id: string | null;
  readonly where: string;
  readonly codes: readonly string[];
  readonly range: Band | null;
  /** Null when any property needed for a NetworkRecord was unusable (errors logged). */
  readonly record: NetworkRecord | null;
}

// One feature's own checks; checks across features (ids, codes, band) are the caller's.
function readFeature(
  f: Record<string, unknown>,
  props: Record<string, unknown>,
  i: number,
  log: IssueLog,
): FeatureRead {
  const id = reader(props, `feature ${i}`, log).text('network_id');
  // Later messages name the network as well as the feature.
  const where = id === null ? `feature ${i}` : `feature ${i}, network ${id}`;
  if (id !== null && f.id !== undefined && String(f.id) !== id) {
    log.error('property', { where, field: 'id' }, `Feature id "${String(f.id)}" differs from network_id "${id}"`);
  }
  const r = reader(props, where, log);
  const name = typeof props.network_name === 'string' ? props.network_name : r.text('network_name');
  const population = r.whole('population');
  const practiceCount = r.whole('practice_count');
  const parts = r.whole('parts');
  const contiguous = props.contiguous === undefined ? parts === 1 : props.contiguous;
  if (typeof contiguous !== 'boolean') {
    log.error(
      'property',
      { where, field: 'contiguous' },
      `contiguous is ${JSON.stringify(contiguous)}; expected true or false`,
    );
  }
  const areaKm2 = r.number('area_km2', 0, Infinity);
  const polsbyPopper = r.number('polsby_popper', 0, 1);
  const status = r.band('band');
  const bandMin = r.number('band_min', 0, Infinity);
  const bandMax = r.number('band_max', 0, Infinity);

  const codesText = props.practice_codes;
  const codes =
    typeof codesText === 'string'
      ? codesText
          .split(';')
          .map((c) => c.trim())
          .filter(Boolean)
      : [];
  if (typeof codesText !== 'string') {
    log.error('property', { where, field: 'practice_codes' }, 'practice_codes is not a string of ";"-separated codes');
  } else if (practiceCount !== null && codes.length !== practiceCount) {
    const text = `practice_count ${practiceCount} but practice_codes lists ${codes.length}`;
    log.error('property', { where, field: 'practice_count' }, text);
  }

  let range: Band | null = null;
  if (bandMin !== null && bandMax !== null) {
    if (bandMin > bandMax) {
      log.error('property', { where, field: 'band_min' }, `band_min ${bandMin} is above band_max ${bandMax}`);
    } else {
      range = { min: bandMin, max: bandMax };
      if (population !== null && status !== null && bandStatus(population, range) !== status) {
        const text = `band "${status}" does not match population ${population} and band ${bandMin}-${bandMax}`;
        log.warning('bandDiffers', { where, field: 'band' }, text);
      }
    }
  }

  const polygons = readPolygons(f.geometry, where, log, true);
  const bad = polygons.flat(2).find(([lon, lat]) => pointProblem(lon, lat) !== null);
  if (bad) log.error('geometry', { where }, pointProblem(bad[0], bad[1]) as string);

  const complete =
    id !== null &&
    name !== null &&
    population !== null &&
    practiceCount !== null &&
    parts !== null &&
    areaKm2 !== null &&
    polsbyPopper !== null &&
    status !== null &&
    typeof contiguous === 'boolean';
  const record: NetworkRecord | null = complete
    ? {
        id: networkId(id),
        name,
        population,
        practiceCount,
        practiceCodes: codes.map(practiceCode),
        areaKm2,
        parts,
        contiguous: contiguous as boolean,
        polsbyPopper,
        band: status,
        geometry: polygonsToGeometry(polygons),
      }
    : null;
  return { id, where, codes, range, record };
}

/**
 * Example: `parseNetworksGeoJSON(JSON.stringify(toNetworksGeoJSON(summaries, band)), 'n.geojson')`
 * gives back the same networks. Errors: not a FeatureCollection, wrong property types, repeated
 * network ids, a practice in two networks, practice_count not matching practice_codes, wrong geometry.
 */
export function parseNetworksGeoJSON(
  text: string,
  fileName: string,
  opts: ParseNetworksOptions = {},
): Result<NetworksFile> {
  const log = new IssueLog(fileName);
  const body = checkText(text, log, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (body === null) return log.fail();
  const doc = parseJson(body, log);
  if (doc === undefined) return log.fail();
  if (!isRecord(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    log.error('file', {}, 'is not a GeoJSON FeatureCollection of networks');
    return log.fail();
  }

  const networks: NetworkRecord[] = [];
  const assignment = new Map<PracticeCode, NetworkId>();
  const firstOfId = new Map<string, string>();
  let band: { range: Band; where: string } | null = null;
  doc.features.forEach((f: unknown, i: number) => {
    if (!isRecord(f) || f.type !== 'Feature' || !isRecord(f.properties)) {
      log.error('property', { where: `feature ${i}` }, 'is not a GeoJSON Feature with properties');
      return;
    }
    const { id, where, codes, range, record } = readFeature(f, f.properties, i, log);
    if (range && !band) band = { range, where: `feature ${i}` };
    else if (range && band && (band.range.min !== range.min || band.range.max !== range.max)) {
      const text = `band ${range.min}-${range.max} differs from ${band.range.min}-${band.range.max} at ${band.where}`;
      log.warning('bandDiffers', { where, field: 'band_min' }, text);
    }
    if (id === null) return;
    const first = firstOfId.get(id);
    if (first)
      log.error(
        'repeatedNetwork',
        { where, field: 'network_id' },
        `network_id ${id} appears again (first at ${first})`,
      );
    else firstOfId.set(id, `feature ${i}`);
    for (const c of codes) {
      const other = assignment.get(practiceCode(c));
      if (other !== undefined) {
        log.error('practiceInTwoNetworks', { where, practiceCode: c }, `practice ${c} is also in network ${other}`);
      } else assignment.set(practiceCode(c), networkId(id));
    }
    if (record) networks.push(record);
  });
  const found = band as { range: Band } | null;
  return log.result(() => ({ networks, band: found ? found.range : null, assignment }));
}
