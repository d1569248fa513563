// Reads small areas with a resident population (e.g. LSOAs with a census count), used to
// apportion network populations instead of spreading list sizes over cells.
import { IssueLog } from '../io/issues';
import { readPolygons } from '../io/read-polygons';
import { polygonsToGeometry } from '../io/rings';
import { isRecord } from '../io/text-input';
import { BNG_ADVICE, looksLikeBng } from '../io/coordinates';
import { readFeatureLayer } from '../io/feature-layer';
import type { Boundary, Result } from '../model';
import type { SmallArea } from './types';

/** Example: `parseSmallAreas(text, 'lsoa.geojson', 'population')`; the field must be a number >= 0 in every feature. */
export function parseSmallAreas(text: string, fileName: string, populationField: string): Result<SmallArea[]> {
  const log = new IssueLog(fileName);
  const features = readFeatureLayer(
    text,
    log,
    'has no small areas: expected a GeoJSON FeatureCollection of Polygon or MultiPolygon features',
  );
  if (!features) return log.fail();
  const out: SmallArea[] = [];
  features.forEach((f, k) => {
    const where = `feature ${k}`;
    if (!isRecord(f)) {
      log.error('feature', { where }, 'is not a GeoJSON Feature');
      return;
    }
    const polygons = readPolygons(f.geometry, where, log);
    const bng = polygons.flat(2).find(([x, y]) => looksLikeBng(x, y));
    if (bng) log.error('coordinate', { where }, `coordinates ${bng[0]}, ${bng[1]} ${BNG_ADVICE}`);
    const raw = isRecord(f.properties) ? f.properties[populationField] : undefined;
    const population = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (!Number.isFinite(population) || population < 0) {
      log.error(
        'population',
        { where, field: populationField },
        raw === undefined
          ? `has no "${populationField}" (expected a number >= 0)`
          : `${populationField} ${JSON.stringify(raw)} is not a number >= 0`,
      );
      return;
    }
    const geometry = polygonsToGeometry(polygons);
    if (geometry && !bng) out.push({ geometry: geometry as Boundary, population });
  });
  return log.result(() => out);
}
