// The first steps every polygon-layer reader shares (service areas, small areas, reference layers):
// text -> JSON -> the list of features, and the check that polygons are WGS84 degrees.
import type { Position } from 'geojson';
import { BNG_ADVICE, inDegreeRange, looksLikeBng } from './coordinates';
import type { IssueLog } from './issues';
import { checkText, isRecord, parseJson } from './text-input';

/** The features of a FeatureCollection, a single Feature, or a bare geometry; null when none of these. */
function featureList(json: unknown): unknown[] | null {
  if (isRecord(json) && json.type === 'FeatureCollection' && Array.isArray(json.features)) return json.features;
  if (isRecord(json) && json.type === 'Feature') return [json];
  if (isRecord(json) && typeof json.type === 'string' && 'coordinates' in json)
    return [{ type: 'Feature', properties: {}, geometry: json }];
  return null;
}

/**
 * The layer's features, or null after logging why there are none: unreadable text, broken JSON,
 * or no features (`empty` says what was expected, e.g. "has no service areas: expected …").
 */
export function readFeatureLayer(text: string, log: IssueLog, empty: string): unknown[] | null {
  const body = checkText(text, log);
  if (body === null) return null;
  const json = parseJson(body, log);
  if (json === undefined) return null;
  const features = featureList(json);
  if (!features || features.length === 0) {
    log.error('layer', {}, empty);
    return null;
  }
  return features;
}

/** The first coordinate that is not WGS84 degrees, with the reason; null when all are. */
export function degreesProblem(polygons: readonly Position[][][]): string | null {
  for (const rings of polygons)
    for (const ring of rings)
      for (const [x, y] of ring) {
        if (looksLikeBng(x, y)) return `coordinates ${x}, ${y} ${BNG_ADVICE}`;
        if (!inDegreeRange(x, y)) return `coordinates ${x}, ${y} are not longitude/latitude degrees`;
      }
  return null;
}
