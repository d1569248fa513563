// Reads a hard-boundary layer (local authorities, sub-ICB areas...): a GeoJSON FeatureCollection
// of (Multi)Polygons. Features with the same value of `field` form one area; without a field,
// every feature is its own area named by its position in the file.
import type { MultiPolygon, Position } from 'geojson';
import { BNG_ADVICE, inDegreeRange, looksLikeBng } from '../io/coordinates';
import { IssueLog } from '../io/issues';
import { readPolygons } from '../io/read-polygons';
import { checkText, isRecord, parseJson } from '../io/text-input';
import type { Result } from '../model';
import type { HardArea } from './types';

export function parseHardAreas(text: string, fileName: string, field?: string): Result<HardArea[]> {
  const log = new IssueLog(fileName);
  const body = checkText(text, log);
  if (body === null) return log.fail();
  const json = parseJson(body, log);
  if (json === undefined) return log.fail();
  const features: unknown[] =
    isRecord(json) && json.type === 'FeatureCollection' && Array.isArray(json.features)
      ? json.features
      : isRecord(json) && json.type === 'Feature'
        ? [json]
        : isRecord(json) && (json.type === 'Polygon' || json.type === 'MultiPolygon')
          ? [{ type: 'Feature', properties: {}, geometry: json }]
          : [];
  if (features.length === 0) {
    log.error(
      'layer',
      {},
      'the hard-boundary layer has no polygons: expected a GeoJSON FeatureCollection of Polygon or MultiPolygon features',
    );
    return log.fail();
  }
  const byName = new Map<string, Position[][][]>();
  let missingField = 0;
  features.forEach((f, k) => {
    const where = `feature ${k}`;
    if (!isRecord(f)) {
      log.error('feature', { where }, 'is not a GeoJSON Feature');
      return;
    }
    const polygons = readPolygons(f.geometry, where, log, true);
    if (!polygons.length) return;
    // Metres read as degrees would put every practice outside every area: refuse them with advice.
    const bad = polygons.flat(2).find(([x, y]) => !inDegreeRange(x, y));
    if (bad) {
      log.error(
        'coordinate',
        { where },
        looksLikeBng(bad[0], bad[1])
          ? `coordinates ${bad[0]}, ${bad[1]} ${BNG_ADVICE}`
          : `coordinates ${bad[0]}, ${bad[1]} are not longitude/latitude degrees`,
      );
      return;
    }
    let name = `area ${k + 1}`;
    if (field !== undefined) {
      const value = isRecord(f.properties) ? f.properties[field] : undefined;
      if (value === undefined || value === null || String(value).trim() === '') {
        missingField++;
        log.error('field', { where, field }, `has no value for "${field}"`);
        return;
      }
      name = String(value);
    }
    byName.set(name, [...(byName.get(name) ?? []), ...polygons]);
  });
  if (field !== undefined && missingField === features.length) {
    const first = features.find(isRecord);
    const keys = first && isRecord(first.properties) ? Object.keys(first.properties) : [];
    log.error(
      'layer',
      { field },
      `no feature has the field "${field}"${keys.length ? `; fields present: ${keys.join(', ')}` : ''}`,
    );
  }
  if (byName.size === 0 && log.errorCount === 0) log.error('layer', {}, 'the hard-boundary layer has no polygons');
  return log.result(() =>
    [...byName].map(([name, polygons]) => ({
      name,
      geometry: (polygons.length === 1
        ? { type: 'Polygon', coordinates: polygons[0] }
        : { type: 'MultiPolygon', coordinates: polygons }) as HardArea['geometry'] | MultiPolygon,
    })),
  );
}
