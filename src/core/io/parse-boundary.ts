// The study area from GeoJSON: (Multi)Polygons, Features or a FeatureCollection, dissolved into one.
import { featureCollection, polygon as turfPolygon, union, unkinkPolygon } from '@turf/turf';
import type { Feature, Polygon, Position } from 'geojson';
import type { Boundary, Result } from '../model';
import { BNG_ADVICE, fileCoordinateMessage, fileCoordinateProblem, inDegreeRange, type Located } from './coordinates';
import { IssueLog } from './issues';
import { ringsCross } from './ring-crossings';
import { cleanPolygon, polygonsOf, polygonsToGeometry } from './rings';
import { DEFAULT_MAX_BYTES, checkText, isRecord, parseJson } from './text-input';

export interface ParseBoundaryOptions {
  /** Refuse longer text (default 200 MB). */
  readonly maxBytes?: number;
}

interface Piece {
  readonly where: string;
  readonly polygons: Position[][][];
}

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

function readRings(rings: unknown, where: string, log: IssueLog): Position[][] | null {
  if (!Array.isArray(rings) || rings.length === 0 || !rings.every((r) => Array.isArray(r) && r.every(isPosition))) {
    log.error('geometry errors', { where }, 'polygon coordinates are not lists of [longitude, latitude] numbers');
    return null;
  }
  const cleaned = cleanPolygon(rings as Position[][]);
  if (!cleaned) {
    log.error('geometry errors', { where }, 'a polygon has an outer ring with fewer than 3 distinct points');
    return null;
  }
  const unclosed = (rings as Position[][]).some((r) => {
    const a = r[0];
    const b = r[r.length - 1];
    return a[0] !== b[0] || a[1] !== b[1];
  });
  if (unclosed) log.warning('repairs', { where }, 'a ring was not closed (first point repeated at the end); closed it');
  return cleaned;
}

function readGeometry(g: unknown, where: string, log: IssueLog, out: Piece[]): void {
  if (!isRecord(g)) {
    log.error('geometry errors', { where }, 'has no geometry; expected Polygon or MultiPolygon');
    return;
  }
  if (g.type === 'Polygon') {
    const rings = readRings(g.coordinates, where, log);
    if (rings) out.push({ where, polygons: [rings] });
  } else if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates)) {
      log.error('geometry errors', { where }, 'MultiPolygon coordinates are not a list of polygons');
      return;
    }
    const polygons = g.coordinates.flatMap((p: unknown) => {
      const rings = readRings(p, where, log);
      return rings ? [rings] : [];
    });
    if (polygons.length > 0) out.push({ where, polygons });
  } else if (g.type === 'GeometryCollection' && Array.isArray(g.geometries)) {
    for (const child of g.geometries) readGeometry(child, where, log, out);
  } else {
    log.error('geometry errors', { where }, `geometry is ${String(g.type)}; expected Polygon or MultiPolygon`);
  }
}

function readPieces(doc: unknown, log: IssueLog): Piece[] {
  const out: Piece[] = [];
  if (isRecord(doc) && doc.type === 'FeatureCollection' && Array.isArray(doc.features)) {
    doc.features.forEach((f: unknown, i: number) => {
      const where = `feature ${i}`;
      if (!isRecord(f) || f.type !== 'Feature') log.error('geometry errors', { where }, 'is not a GeoJSON Feature');
      else readGeometry(f.geometry, where, log, out);
    });
    if (doc.features.length === 0) log.error('file errors', {}, 'is an empty FeatureCollection; expected Polygon or MultiPolygon features');
  } else if (isRecord(doc) && doc.type === 'Feature') {
    readGeometry(doc.geometry, 'feature', log, out);
  } else if (isRecord(doc) && typeof doc.type === 'string') {
    readGeometry(doc, 'geometry', log, out);
  } else {
    log.error('file errors', {}, 'is not GeoJSON (expected a Polygon, MultiPolygon, Feature or FeatureCollection)');
  }
  return out;
}

function checkCoordinates(pieces: readonly Piece[], log: IssueLog): void {
  const firsts: Located[] = [];
  for (const piece of pieces) {
    for (const poly of piece.polygons) {
      for (const ring of poly) for (const [lon, lat] of ring) firsts.push({ where: piece.where, lon, lat });
    }
  }
  const shared = fileCoordinateProblem(firsts);
  if (shared) {
    log.error('coordinate errors', {}, fileCoordinateMessage(shared, firsts.length, 'positions'));
    return;
  }
  for (const piece of pieces) {
    const bad = piece.polygons.flat(2).find(([lon, lat]) => !inDegreeRange(lon, lat));
    if (bad) {
      log.error(
        'coordinate errors',
        { where: piece.where },
        `position ${bad[0]}, ${bad[1]} is not longitude -180..180, latitude -90..90${
          fileCoordinateProblem([{ where: piece.where, lon: bad[0], lat: bad[1] }]) ? ` (positions ${BNG_ADVICE})` : ''
        }`,
      );
    }
  }
}

// polygon-clipping output is valid by construction, so one union over every polygon both
// dissolves shared borders and repairs self-crossing rings.
function dissolve(polygons: readonly Position[][][], log: IssueLog): Boundary | null {
  const asFeatures = (ps: readonly Position[][][]) => featureCollection(ps.map((p) => turfPolygon(p)));
  const many = polygons.length === 1 ? [polygons[0], polygons[0]] : polygons;
  try {
    return union(asFeatures(many))?.geometry ?? null;
  } catch {
    // Clipping can fail on badly self-crossing rings: split them at their kinks and retry once.
    try {
      const unkinked = many.flatMap((p) => unkinkPolygon(turfPolygon(p)).features.map((f: Feature<Polygon>) => f.geometry.coordinates));
      log.warning('repairs', {}, 'rings cross themselves; split them where they cross before dissolving');
      return union(asFeatures(unkinked))?.geometry ?? null;
    } catch (e) {
      log.error('geometry errors', {}, `the polygons could not be dissolved into one area (${e instanceof Error ? e.message : String(e)})`);
      return null;
    }
  }
}

/**
 * Reads the study area. A single Polygon / MultiPolygon with valid rings is returned as is
 * (rings closed and wound counter-clockwise outside, clockwise for holes); several are dissolved
 * with one `turf.union` (islands and holes kept); self-crossing rings are repaired with a warning.
 * Example: `parseBoundary(text, 'gm_local_authorities.geojson')` -> ok, one Polygon for 10 boroughs.
 */
export function parseBoundary(text: string, fileName: string, opts: ParseBoundaryOptions = {}): Result<Boundary> {
  const log = new IssueLog(fileName);
  const body = checkText(text, log, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (body === null) return log.fail();
  const doc = parseJson(body, log);
  if (doc === undefined) return log.fail();
  const pieces = readPieces(doc, log);
  if (log.errorCount > 0) return log.fail();
  if (pieces.length === 0) {
    log.error('file errors', {}, 'contains no polygons');
    return log.fail();
  }
  checkCoordinates(pieces, log);
  if (log.errorCount > 0) return log.fail();

  const polygons = pieces.flatMap((p) => p.polygons);
  let geometry: Boundary | null;
  if (pieces.length === 1 && !polygons.some((p) => ringsCross(p))) {
    geometry = polygonsToGeometry(polygons);
  } else {
    if (pieces.length === 1) log.warning('repairs', {}, 'rings cross themselves or each other (invalid polygon); repaired by re-noding them');
    const dissolved = dissolve(polygons, log);
    geometry = dissolved ? polygonsToGeometry(polygonsOf(dissolved).flatMap((p) => {
          const c = cleanPolygon(p);
          return c ? [c] : [];
        })) : null;
  }
  if (!geometry && log.errorCount === 0) log.error('geometry errors', {}, 'the polygons enclose no area');
  return log.result(() => geometry as Boundary);
}
