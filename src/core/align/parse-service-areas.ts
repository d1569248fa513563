// Reads a service-area layer: a GeoJSON FeatureCollection of (Multi)Polygons, one feature per
// area, with a property naming each area (given, or detected). Every problem is collected and
// addressed by file, feature index and field; on any error nothing is returned.
import { degreesProblem, readFeatureLayer } from '../io/feature-layer';
import { IssueLog } from '../io/issues';
import { readPolygons } from '../io/read-polygons';
import { repairSelfTouching } from '../io/repair-self-touching';
import { polygonsToGeometry } from '../io/rings';
import { isRecord } from '../io/text-input';
import type { Boundary, Result } from '../model';
import type { ServiceArea, ServiceAreas } from './types';

/** Field names that usually name an area, best first (matched case-insensitively, whole name or suffix). */
const NAME_HINTS = [
  /^service_?area$/,
  /^locality$/,
  /^area_?name$/,
  /^team$/,
  /^district$/,
  /nm$/,
  /_?name$/,
  /^name$/,
  /area/,
  /locality/,
];

const asName = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;

/** Properties with a usable name in every feature, the likeliest area-naming field first. */
export function candidateNameFields(features: readonly unknown[]): string[] {
  const props = features.map((f) => (isRecord(f) && isRecord(f.properties) ? f.properties : {}));
  if (props.length === 0) return [];
  const keys = Object.keys(props[0]).filter((k) => props.every((p) => asName(p[k]) !== null));
  const unique = (k: string) => new Set(props.map((p) => asName(p[k]))).size === props.length;
  const textual = (k: string) => props.some((p) => typeof p[k] === 'string' && !/^[\d.]+$/.test(String(p[k])));
  const rank = (k: string) => {
    const hint = NAME_HINTS.findIndex((h) => h.test(k.toLowerCase()));
    return (unique(k) ? 0 : 100) + (textual(k) ? 0 : 50) + (hint === -1 ? NAME_HINTS.length : hint);
  };
  return keys
    .map((k, i) => ({ k, r: rank(k), i }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.k);
}

/**
 * Example: `parseServiceAreas(text, 'localities.geojson')` detects `locality` and returns the four
 * Trafford localities; `parseServiceAreas(text, 'boroughs.geojson', 'lad23nm')` uses that field.
 */
export function parseServiceAreas(text: string, fileName: string, field?: string): Result<ServiceAreas> {
  const log = new IssueLog(fileName);
  const features = readFeatureLayer(
    text,
    log,
    'has no service areas: expected a GeoJSON FeatureCollection of Polygon or MultiPolygon features',
  );
  if (!features) return log.fail();
  const candidateFields = candidateNameFields(features);
  const chosen = field ?? candidateFields[0];
  if (chosen === undefined) {
    const first = features.find(isRecord);
    const keys = first && isRecord(first.properties) ? Object.keys(first.properties) : [];
    log.error(
      'field',
      {},
      `no property names every area${keys.length ? ` (properties present: ${keys.join(', ')})` : ' (the features have no properties)'}; add a name property to every feature or choose the field`,
    );
  } else if (
    field !== undefined &&
    !features.some((f) => isRecord(f) && isRecord(f.properties) && field in f.properties)
  ) {
    log.error(
      'field',
      { field },
      `no feature has the field "${field}"${candidateFields.length ? `; fields that name every area: ${candidateFields.join(', ')}` : ''}`,
    );
    return log.fail();
  }

  const areas: ServiceArea[] = [];
  const firstFeatureOf = new Map<string, number>();
  features.forEach((f, k) => {
    const where = `feature ${k}`;
    if (!isRecord(f)) {
      log.error('feature', { where }, 'is not a GeoJSON Feature');
      return;
    }
    const polygons = readPolygons(f.geometry, where, log);
    const problem = degreesProblem(polygons);
    if (problem) log.error('coordinate', { where }, problem);
    if (chosen === undefined) return;
    const name = asName(isRecord(f.properties) ? f.properties[chosen] : undefined);
    if (name === null) {
      log.error('field', { where, field: chosen }, `has no area name in "${chosen}" (expected a non-empty text)`);
      return;
    }
    const earlier = firstFeatureOf.get(name);
    if (earlier !== undefined) {
      log.error(
        'field',
        { where, field: chosen },
        `area name "${name}" is also the name of feature ${earlier}; each area must be one feature (join its parts into one MultiPolygon) or choose another field`,
      );
      return;
    }
    firstFeatureOf.set(name, k);
    const geometry = problem ? null : polygonsToGeometry(repairSelfTouching(polygons, `${where} (${name})`, log));
    if (geometry && !problem) areas.push({ name, geometry: geometry as Boundary });
  });
  return log.result(() => ({ fileName, field: chosen!, candidateFields, areas }));
}
