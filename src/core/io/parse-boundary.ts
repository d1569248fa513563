// The study area from GeoJSON: (Multi)Polygons, Features or a FeatureCollection, dissolved into one.
import { featureCollection, polygon as turfPolygon, union, unkinkPolygon } from '../geometry/turf';
import type { Feature, Polygon, Position } from 'geojson';
import type { Boundary, Result } from '../model';
import {
  BNG_ADVICE,
  fileCoordinateMessage,
  fileCoordinateProblem,
  inDegreeRange,
  looksLikeBng,
  type Located,
} from './coordinates';
import { IssueLog } from './issues';
import { ringsCross } from './ring-crossings';
import { readPolygons } from './read-polygons';
import { polygonsOf } from '../geometry/polygons';
import { pointInRing } from '../geometry/ring-math';
import { repairSelfTouching } from './repair-self-touching';
import { ringSignedArea2 } from '../geometry/ring-math';
import { cleanPolygon, polygonsToGeometry } from './rings';
import { DEFAULT_MAX_BYTES, checkText, isRecord, parseJson } from './text-input';

export interface ParseBoundaryOptions {
  /** Refuse longer text (default 200 MB). */
  readonly maxBytes?: number;
}

interface Piece {
  readonly where: string;
  readonly polygons: Position[][][];
}

function pushPiece(out: Piece[], where: string, polygons: Position[][][]): void {
  if (polygons.length > 0) out.push({ where, polygons });
}

function readPieces(doc: unknown, log: IssueLog): Piece[] {
  const out: Piece[] = [];
  const features = isRecord(doc) && doc.type === 'FeatureCollection' ? doc.features : undefined;
  if (isRecord(doc) && doc.type === 'FeatureCollection' && !Array.isArray(features)) {
    log.error(
      'file',
      {},
      'is a GeoJSON FeatureCollection whose "features" is not a list; expected a list of Polygon or MultiPolygon features',
    );
  } else if (Array.isArray(features)) {
    features.forEach((f: unknown, i: number) => {
      const where = `feature ${i}`;
      if (!isRecord(f) || f.type !== 'Feature') log.error('geometry', { where }, 'is not a GeoJSON Feature');
      else pushPiece(out, where, readPolygons(f.geometry, where, log));
    });
    if (features.length === 0)
      log.error('file', {}, 'is an empty FeatureCollection; expected Polygon or MultiPolygon features');
  } else if (isRecord(doc) && doc.type === 'Feature') {
    pushPiece(out, 'feature', readPolygons(doc.geometry, 'feature', log));
  } else if (isRecord(doc) && typeof doc.type === 'string') {
    pushPiece(out, 'geometry', readPolygons(doc, 'geometry', log));
  } else {
    log.error('file', {}, 'is not GeoJSON (expected a Polygon, MultiPolygon, Feature or FeatureCollection)');
  }
  return out;
}

/** A hole must lie inside its own outer ring; one bigger than it (or beside it) gives a negative area. */
function checkHoles(pieces: readonly Piece[], log: IssueLog): void {
  for (const piece of pieces) {
    for (const [outer, ...holes] of piece.polygons) {
      holes.forEach((hole, k) => {
        if (hole.some(([x, y]) => pointInRing(x, y, outer))) return;
        const bigger = Math.abs(ringSignedArea2(hole)) >= Math.abs(ringSignedArea2(outer));
        const why = bigger ? 'is bigger than its outer ring and encloses it' : 'lies outside its outer ring';
        log.error(
          'geometry',
          { where: piece.where },
          `hole ${k + 1} of a polygon ${why}; a hole must lie inside the polygon's outer ring (are the rings in the wrong order?)`,
        );
      });
    }
  }
}

function checkCoordinates(pieces: readonly Piece[], log: IssueLog): void {
  const positions: Located[] = [];
  for (const piece of pieces) {
    for (const poly of piece.polygons) {
      for (const ring of poly) for (const [lon, lat] of ring) positions.push({ where: piece.where, lon, lat });
    }
  }
  const shared = fileCoordinateProblem(positions);
  if (shared) {
    log.error('coordinate', {}, fileCoordinateMessage(shared, positions.length, 'positions'));
    return;
  }
  for (const piece of pieces) {
    const bad = piece.polygons.flat(2).find(([lon, lat]) => !inDegreeRange(lon, lat));
    if (bad) {
      log.error(
        'coordinate',
        { where: piece.where },
        `position ${bad[0]}, ${bad[1]} is not longitude -180..180, latitude -90..90${
          looksLikeBng(bad[0], bad[1]) ? ` (positions ${BNG_ADVICE})` : ''
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
      const unkinked = many.flatMap((p) =>
        unkinkPolygon(turfPolygon(p)).features.map((f: Feature<Polygon>) => f.geometry.coordinates),
      );
      log.warning('repaired', {}, 'rings cross themselves; split them where they cross before dissolving');
      return union(asFeatures(unkinked))?.geometry ?? null;
    } catch (e) {
      log.error(
        'geometry',
        {},
        `the polygons could not be dissolved into one area (${e instanceof Error ? e.message : String(e)})`,
      );
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
    log.error('file', {}, 'contains no polygons');
    return log.fail();
  }
  checkCoordinates(pieces, log);
  if (log.errorCount === 0) checkHoles(pieces, log);
  if (log.errorCount > 0) return log.fail();

  const polygons = pieces.flatMap((p) => p.polygons);
  let geometry: Boundary | null;
  if (pieces.length === 1 && !polygons.some((p) => ringsCross(p))) {
    geometry = polygonsToGeometry(polygons);
  } else {
    if (pieces.length === 1)
      log.warning('repaired', {}, 'rings cross themselves or each other (invalid polygon); repaired by re-noding them');
    const dissolved = dissolve(polygons, log);
    geometry = dissolved
      ? polygonsToGeometry(
          polygonsOf(dissolved).flatMap((p) => {
            const c = cleanPolygon(p);
            return c ? [c] : [];
          }),
        )
      : null;
  }
  if (geometry) geometry = polygonsToGeometry(repairSelfTouching(polygonsOf(geometry), undefined, log));
  if (!geometry && log.errorCount === 0) log.error('geometry', {}, 'the polygons enclose no area');
  return log.result(() => geometry as Boundary);
}
