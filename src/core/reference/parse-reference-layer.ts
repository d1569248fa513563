// A reference layer: any polygon file (official PCN footprints, wards, localities) drawn as
// labelled outlines under the plan. Lenient about labels (any field, repeated names allowed),
// strict about geometry: every polygon must be usable WGS84 degrees.
import type { Position } from 'geojson';
import { candidateNameFields, featureList } from '../align/parse-service-areas';
import { BNG_ADVICE, inDegreeRange, looksLikeBng } from '../io/coordinates';
import { IssueLog } from '../io/issues';
import type { ReferenceLayer } from '../io/plan-file';
import { readPolygons } from '../io/read-polygons';
import { polygonsToGeometry } from '../io/rings';
import { checkText, isRecord, parseJson } from '../io/text-input';
import type { Result } from '../model';

const labelOf = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;

function coordinateProblem(polygons: readonly Position[][][]): string | null {
  for (const rings of polygons) for (const ring of rings) for (const [x, y] of ring) {
    if (looksLikeBng(x, y)) return `coordinates ${x}, ${y} ${BNG_ADVICE}`;
    if (!inDegreeRange(x, y)) return `coordinates ${x}, ${y} are not longitude/latitude degrees`;
  }
  return null;
}

/**
 * Example: `parseReferenceLayer(text, 'wards.geojson')` labels each ward by the detected name
 * field (e.g. `wd22nm`); a feature without one is labelled "feature 3". Features that are not
 * polygons are errors, so a points file is not taken for a reference layer by mistake.
 */
export function parseReferenceLayer(text: string, fileName: string): Result<ReferenceLayer> {
  const log = new IssueLog(fileName);
  const body = checkText(text, log);
  if (body === null) return log.fail();
  const json = parseJson(body, log);
  if (json === undefined) return log.fail();
  const features = featureList(json);
  if (!features || features.length === 0) {
    log.error('layer errors', {}, 'has no polygons: expected a GeoJSON FeatureCollection of Polygon or MultiPolygon features');
    return log.fail();
  }
  const field = candidateNameFields(features)[0];
  const out: ReferenceLayer['features'][number][] = [];
  features.forEach((f, k) => {
    const where = `feature ${k}`;
    if (!isRecord(f)) {
      log.error('feature errors', { where }, 'is not a GeoJSON Feature');
      return;
    }
    const polygons = readPolygons(f.geometry, where, log);
    const problem = coordinateProblem(polygons);
    if (problem) log.error('coordinate errors', { where }, problem);
    const geometry = polygonsToGeometry(polygons);
    const label = (field !== undefined && isRecord(f.properties) ? labelOf(f.properties[field]) : null) ?? where;
    if (geometry && !problem) out.push({ label, geometry });
  });
  return log.result(() => ({ name: fileName, features: out }));
}
