// Polygon / MultiPolygon geometry from untrusted JSON, checked and cleaned, errors addressed.
import type { Position } from 'geojson';
import type { IssueLog } from './issues';
import { cleanPolygon } from './rings';
import { isRecord } from './text-input';

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** One polygon's rings, closed, de-duplicated and wound per RFC 7946; null (error logged) if unusable. */
function readRings(rings: unknown, where: string, log: IssueLog): Position[][] | null {
  if (!Array.isArray(rings) || rings.length === 0 || !rings.every((r) => Array.isArray(r) && r.every(isPosition))) {
    log.error('geometry', { where }, 'polygon coordinates are not lists of [longitude, latitude] numbers');
    return null;
  }
  const cleaned = cleanPolygon(rings as Position[][]);
  if (!cleaned) {
    log.error('geometry', { where }, 'a polygon has an outer ring with fewer than 3 distinct points');
    return null;
  }
  const unclosed = (rings as Position[][]).some((r) => {
    const a = r[0];
    const b = r[r.length - 1];
    return a[0] !== b[0] || a[1] !== b[1];
  });
  if (unclosed)
    log.warning('repaired', { where }, 'a ring was not closed (first point repeated at the end); closed it');
  return cleaned;
}

/**
 * The polygons of a Polygon, MultiPolygon or GeometryCollection of them. Other types, and a
 * missing geometry unless `allowNull`, are logged as errors; returns [] then.
 */
export function readPolygons(g: unknown, where: string, log: IssueLog, allowNull = false): Position[][][] {
  if (g === null && allowNull) return [];
  if (!isRecord(g)) {
    log.error('geometry', { where }, 'has no geometry; expected Polygon or MultiPolygon');
    return [];
  }
  if (g.type === 'Polygon') {
    const rings = readRings(g.coordinates, where, log);
    return rings ? [rings] : [];
  }
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates)) {
      log.error('geometry', { where }, 'MultiPolygon coordinates are not a list of polygons');
      return [];
    }
    return g.coordinates.flatMap((p: unknown) => {
      const rings = readRings(p, where, log);
      return rings ? [rings] : [];
    });
  }
  if (g.type === 'GeometryCollection' && Array.isArray(g.geometries)) {
    return g.geometries.flatMap((child: unknown) => readPolygons(child, where, log));
  }
  log.error('geometry', { where }, `geometry is ${String(g.type)}; expected Polygon or MultiPolygon`);
  return [];
}
