// A reference layer: any polygon file (official PCN footprints, wards, localities) drawn as
// labelled outlines under the plan. Lenient about labels (any field, repeated names allowed),
// strict about geometry: every polygon must be usable WGS84 degrees.
import { candidateNameFields } from '../align/parse-service-areas';
import { degreesProblem, readFeatureLayer } from '../io/feature-layer';
import { IssueLog } from '../io/issues';
import type { ReferenceLayer } from '../io/plan-file';
import { readPolygons } from '../io/read-polygons';
import { polygonsToGeometry } from '../io/rings';
import { isRecord } from '../io/text-input';
import type { Result } from '../model';

const labelOf = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;

/**
 * Example: `parseReferenceLayer(text, 'wards.geojson')` labels each ward by the detected name
 * field (e.g. `wd22nm`); a feature without one is labelled "feature 3". Features that are not
 * polygons are errors, so a points file is not taken for a reference layer by mistake.
 */
export function parseReferenceLayer(text: string, fileName: string): Result<ReferenceLayer> {
  const log = new IssueLog(fileName);
  const features = readFeatureLayer(
    text,
    log,
    'has no polygons: expected a GeoJSON FeatureCollection of Polygon or MultiPolygon features',
  );
  if (!features) return log.fail();
  const field = candidateNameFields(features)[0];
  const out: ReferenceLayer['features'][number][] = [];
  features.forEach((f, k) => {
    const where = `feature ${k}`;
    if (!isRecord(f)) {
      log.error('feature', { where }, 'is not a GeoJSON Feature');
      return;
    }
    const polygons = readPolygons(f.geometry, where, log);
    const problem = degreesProblem(polygons);
    if (problem) log.error('coordinate', { where }, problem);
    const geometry = polygonsToGeometry(polygons);
    const label = (field !== undefined && isRecord(f.properties) ? labelOf(f.properties[field]) : null) ?? where;
    if (geometry && !problem) out.push({ label, geometry });
  });
  return log.result(() => ({ name: fileName, features: out }));
}
