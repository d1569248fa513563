// Which practices lie outside the study area (a warning once both files are loaded).
import type { Position } from 'geojson';
import type { Boundary, Issue, Practice } from '../model';
import { IssueLog } from './issues';
import { polygonsOf } from '../geometry/polygons';
import { pointInPolygonPoints } from '../geometry/ring-math';

interface IndexedPolygon {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  readonly rings: readonly (readonly Position[])[];
}

function index(boundary: Boundary): IndexedPolygon[] {
  return polygonsOf(boundary).map((rings) => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [x, y] of rings[0] ?? []) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
    return { minX, minY, maxX, maxY, rings };
  });
}

/**
 * A point-in-boundary test prepared once: each polygon's extent is checked before its rings.
 * Points exactly on an edge may go either way.
 */
export function boundaryContains(boundary: Boundary): (lon: number, lat: number) => boolean {
  const polygons = index(boundary);
  return (lon, lat) =>
    polygons.some(
      (p) =>
        lon >= p.minX && lon <= p.maxX && lat >= p.minY && lat <= p.maxY && pointInPolygonPoints(lon, lat, p.rings),
    );
}

/**
 * One warning per practice outside the boundary, e.g.
 * `gm_practices.csv (C81077): practice C81077 (HADFIELD MEDICAL CENTRE) at -1.96, 53.46 lies outside the boundary`.
 * Capped like every issue list ("…and N more").
 */
export function practicesOutsideBoundary(
  practices: readonly Practice[],
  boundary: Boundary,
  fileName = 'practices',
): Issue[] {
  const contains = boundaryContains(boundary);
  const log = new IssueLog(fileName);
  for (const p of practices) {
    if (!contains(p.lon, p.lat)) {
      log.warning(
        'outsideBoundary',
        { practiceCode: p.code },
        `practice ${p.code} (${p.name}) at ${p.lon}, ${p.lat} lies outside the boundary`,
      );
    }
  }
  return log.warnings();
}
