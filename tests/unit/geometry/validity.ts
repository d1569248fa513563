// Independent validity check for written polygons: OGC simple-feature rules by jsts (a port of
// JTS, the engine behind GEOS/PostGIS/QGIS validity) plus the RFC 7946 rules JTS does not check.
// Deliberately shares no code with src/core, so it cannot agree with a bug there.
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import type { Geometry, Position } from 'geojson';

const reader = new GeoJSONReader(new GeometryFactory());

function twiceSignedArea(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s;
}

function rfc7946Errors(polygons: readonly (readonly Position[][])[], where: string): string[] {
  const errors: string[] = [];
  polygons.forEach((rings, p) => {
    const at = polygons.length > 1 ? `${where} polygon ${p}` : where;
    if (rings.length === 0) errors.push(`${at}: no rings`);
    rings.forEach((ring, r) => {
      const name = r === 0 ? 'outer ring' : `hole ${r}`;
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (ring.length < 4) errors.push(`${at} ${name}: ${ring.length} positions, expected >= 4`);
      if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) errors.push(`${at} ${name}: not closed`);
      for (let i = 1; i < ring.length; i++) {
        if (ring[i][0] === ring[i - 1][0] && ring[i][1] === ring[i - 1][1]) {
          errors.push(`${at} ${name}: repeated position ${ring[i].join(',')} at ${i}`);
          break;
        }
      }
      if (ring.some((q) => q.length !== 2 || !q.every(Number.isFinite)))
        errors.push(`${at} ${name}: a position is not two finite numbers`);
      const area = twiceSignedArea(ring);
      if (r === 0 && !(area > 0)) errors.push(`${at}: outer ring is not counter-clockwise`);
      if (r > 0 && !(area < 0)) errors.push(`${at} ${name}: not clockwise`);
    });
  });
  return errors;
}

/**
 * Every reason `g` is not a valid RFC 7946 Polygon/MultiPolygon under OGC simple-feature rules;
 * [] when valid. `where` prefixes each message (e.g. the network id).
 */
export function polygonValidityErrors(g: Geometry | null, where = 'geometry'): string[] {
  if (g === null) return [];
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon')
    return [`${where}: geometry is ${g.type}, expected Polygon or MultiPolygon`];
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const errors = rfc7946Errors(polygons, where);
  if (errors.length > 0) return errors;
  const op = new IsValidOp(reader.read(g));
  if (!op.isValid()) {
    const e = op.getValidationError();
    const c = e.getCoordinate();
    errors.push(`${where}: ${e.getMessage()} at ${c.x},${c.y}`);
  }
  return errors;
}

/** Validity errors of every feature of a FeatureCollection, each prefixed with the feature's id. */
export function featureCollectionValidityErrors(fc: {
  features: readonly { id?: string | number; geometry: Geometry | null }[];
}): string[] {
  return fc.features.flatMap((f, i) => polygonValidityErrors(f.geometry, `feature ${f.id ?? i}`));
}
